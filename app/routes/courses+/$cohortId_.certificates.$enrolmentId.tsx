import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCertificate } from "~/models/courses/enrolment.server";
import { EnrolmentParamsSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { i18nServer, resolveCalendar } from "~/utils/i18n.server";
import { DEFAULT_LANGUAGE, isLanguageCode, languageDir } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.strings.title ?? "Certificate" }];

/** A printable certificate in the parent's preferred language (right to left where it is). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:cohort");
  const { cohortId, enrolmentId } = parseParams(params, EnrolmentParamsSchema);
  const c = await getCertificate(actor, cohortId, enrolmentId);
  const lang = isLanguageCode(c.language) ? c.language : DEFAULT_LANGUAGE;
  const t = await i18nServer.getFixedT(lang, "certificates");
  // The calendar chosen on this device; Solar Hijri only if the certificate is in Dari or Pashto.
  const calendar = await resolveCalendar(request);
  return json({
    cohortId: c.cohortId,
    lang,
    dir: languageDir(lang),
    strings: {
      title: t("title"),
      presented: t("presentedTo"),
      name: c.name,
      completed: t("completed", { programme: c.programme }),
      attendance: t("attendance", { attendedText: formatNumber(c.attended, lang), totalText: formatNumber(c.sessionCount, lang) }),
      date: t("date", { date: formatDate(c.completedOn, { lng: lang, calendar }, { dateStyle: "long" }) }),
      thanks: t("thanks"),
      signature: t("signature"),
      service: t("service"),
    },
  });
}

export default function Certificate() {
  const { cohortId, lang, dir, strings: s } = useLoaderData<typeof loader>();
  const { t } = useTranslation("courses");
  return (
    <>
      <div className="eh-no-print">
        <Link to={`/courses/${cohortId}`} className="govuk-back-link">
          {t("backToCohort")}
        </Link>
        <p className="govuk-body">{t("certificate.printHint")}</p>
      </div>
      <article className="eh-certificate" lang={lang} dir={dir}>
        <h1 className="govuk-heading-xl">{s.title}</h1>
        <p className="govuk-body-l">{s.presented}</p>
        <p className="eh-certificate__name">
          <bdi>{s.name}</bdi>
        </p>
        <p className="govuk-body-l">{s.completed}</p>
        <p className="govuk-body">{s.attendance}</p>
        <p className="govuk-body">{s.thanks}</p>
        <p className="govuk-body">{s.date}</p>
        <div className="eh-certificate__signature">
          <p className="govuk-body">{s.signature}</p>
        </div>
        <p className="govuk-body-s">{s.service}</p>
      </article>
    </>
  );
}
