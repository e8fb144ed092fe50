import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AnonymityStatement, SurveyLanguages, SurveyMessage } from "~/components/survey/parent";
import { PARENT_HEADERS, parentUrl } from "~/models/survey/parent.server";
import { anonymityKeys, SERVICES } from "~/models/survey/rules";
import { findSurveyByOpenToken, startFromShared } from "~/models/survey/parent.server";
import { getStructure, textsFor } from "~/models/survey/structure.server";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT, resolveLanguage } from "~/utils/i18n.server";
import { getRequestInfo } from "~/utils/request-info.server";

export const handle = { i18n: ["common", "survey"], hydrate: false, languageBar: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

const QuerySchema = z.object({ service: z.enum(SERVICES).optional(), lng: z.string().optional() });

async function load(request: Request, token: string | undefined) {
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw errorResponse(400, "errors.badQuery");
  const survey = /^[A-Za-z0-9_-]{8,40}$/.test(token ?? "") ? await findSurveyByOpenToken(token!) : null;
  const lng = await resolveLanguage(request);
  return { survey, lng, service: query.data.service ?? null };
}

/** The open link's start page: anyone with the link can answer, once per visit. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { survey, lng, service } = await load(request, params.token);
  const t = await getFixedT(request, "survey");
  if (!survey) return json({ kind: "unknown", title: t("unknown.title") } as const, { status: 404, headers: PARENT_HEADERS });
  if (survey.status !== "open") return json({ kind: "closed", title: t("closed.title") } as const, { status: 410, headers: PARENT_HEADERS });
  if (!survey.languages.includes(lng)) {
    const url = new URL(request.url);
    url.searchParams.set("lng", survey.languages.includes("en") ? "en" : survey.languages[0]!);
    throw redirect(url.pathname + url.search);
  }
  const texts = textsFor((await getStructure(survey)).texts, lng);
  const action = `/s/open/${params.token}?lng=${lng}${service ? `&service=${service}` : ""}`;
  return json(
    {
      kind: "open",
      title: texts["page.title"] ?? "",
      intro: texts["page.intro"] ?? "",
      anonymous: survey.anonymous,
      anonymity: t(anonymityKeys(survey.anonymous).statement),
      privacySurveyId: survey.id,
      lng,
      languages: survey.languages,
      action,
      path: `/s/open/${params.token}`,
    } as const,
    { headers: PARENT_HEADERS },
  );
}

/** Starts a visit: a fresh single-use code, rate-limited per client. */
export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request, null);
  const { survey, lng, service } = await load(request, params.token);
  if (!survey || survey.status !== "open") return redirect(new URL(request.url).pathname);
  const language = survey.languages.includes(lng) ? lng : "en";
  const code = await startFromShared(survey, { service, language, info: getRequestInfo(request), limit: true });
  return redirect(parentUrl(code, "1", language));
}

export default function SurveyOpenLink() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  if (data.kind !== "open") {
    return (
      <SurveyMessage title={data.title}>
        <p className="govuk-body">{data.kind === "closed" ? t("closed.body") : t("unknown.body")}</p>
      </SurveyMessage>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{data.title}</h1>
        <p className="govuk-body">{data.intro}</p>
        <AnonymityStatement anonymous={data.anonymous} text={data.anonymity} />
        <form method="post" action={data.action}>
          <button type="submit" className="govuk-button govuk-button--start">
            {t("start.button")}
          </button>
        </form>
        <SurveyLanguages languages={data.languages} current={data.lng} path={data.path} />
      </div>
    </div>
  );
}
