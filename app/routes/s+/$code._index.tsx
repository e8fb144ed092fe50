import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CalendarSwitch } from "~/components/calendar-switch";
import { AnonymityStatement, SurveyLanguages, SurveyMessage } from "~/components/survey/parent";
import { loadParent, PARENT_HEADERS, parentUrl } from "~/models/survey/parent.server";
import { anonymityKeys } from "~/models/survey/rules";
import { markOpened, startFromShared } from "~/models/survey/parent.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { getRequestInfo } from "~/utils/request-info.server";
import { useDateLocale } from "~/utils/use-date-locale";

/** Parents' pages ship no JavaScript and have their own language switcher. */
export const handle = { i18n: ["common", "survey"], hydrate: false, languageBar: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

/** The start page: in the invitation's language, with the survey's other languages offered. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await loadParent(request, params.code);
  const t = await getFixedT(request, "survey");
  if (state.kind === "unknown") return json({ kind: state.kind, title: t("unknown.title") } as const, { status: 404, headers: PARENT_HEADERS });
  if (state.kind === "closed") return json({ kind: state.kind, title: t("closed.title") } as const, { status: 410, headers: PARENT_HEADERS });
  if (state.kind === "already") return json({ kind: state.kind, title: t("already.title") } as const, { headers: PARENT_HEADERS });
  await markOpened(state.invitation);
  return json(
    {
      kind: state.kind,
      title: state.texts["page.title"] ?? "",
      intro: state.texts["page.intro"] ?? "",
      code: state.invitation.code,
      lng: state.lng,
      languages: state.languages,
      started: state.invitation.page > 0 && !state.invitation.reusable,
      anonymous: state.invitation.survey.anonymous,
      anonymity: t(anonymityKeys(state.invitation.survey.anonymous).statement),
      privacySurveyId: state.invitation.survey.id,
    } as const,
    { headers: PARENT_HEADERS },
  );
}

/**
 * Start or continue. A reusable code (the demo) first hands this visitor a code of their
 * own. The code in the URL plus the same-origin check in readForm stand in for a CSRF
 * token: there is no session to bind one to, and the code is the secret.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request, null);
  const state = await loadParent(request, params.code);
  if (state.kind !== "open") return redirect(new URL(request.url).pathname + new URL(request.url).search);
  const inv = state.invitation;
  if (inv.reusable) {
    const code = await startFromShared(inv.survey, { service: inv.service, language: state.lng, info: getRequestInfo(request), limit: false });
    return redirect(parentUrl(code, "1", state.lng));
  }
  const next = Math.min(inv.page + 1, state.sections.length);
  return redirect(parentUrl(inv.code, inv.page >= state.sections.length ? "check" : String(next), state.lng));
}

export default function SurveyStart() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  const dates = useDateLocale();
  if (data.kind === "unknown") {
    return (
      <SurveyMessage title={data.title}>
        <p className="govuk-body">{t("unknown.body")}</p>
      </SurveyMessage>
    );
  }
  if (data.kind === "closed") {
    return (
      <SurveyMessage title={data.title}>
        <p className="govuk-body">{t("closed.body")}</p>
      </SurveyMessage>
    );
  }
  if (data.kind === "already") {
    return (
      <SurveyMessage title={data.title}>
        <p className="govuk-body">{t("already.body")}</p>
      </SurveyMessage>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{data.title}</h1>
        <p className="govuk-body">{data.intro}</p>
        <AnonymityStatement anonymous={data.anonymous} text={data.anonymity} />
        {data.started ? <p className="govuk-inset-text">{t("start.resumed")}</p> : null}
        <form method="post" action={parentUrl(data.code, "", data.lng)}>
          <button type="submit" className="govuk-button govuk-button--start">
            {data.started ? t("start.continue") : t("start.button")}
          </button>
        </form>
        <SurveyLanguages languages={data.languages} current={data.lng} path={`/s/${data.code}`} />
        <CalendarSwitch lng={data.lng} calendar={dates.calendar ?? "gregory"} className="eh-survey-calendar" />
      </div>
    </div>
  );
}
