import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { anonymityKeys } from "~/models/survey/rules";
import { listInvitations } from "~/models/survey/invitation.server";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT, i18nServer } from "~/utils/i18n.server";
import { isLanguageCode, languageDir } from "~/utils/languages";
import { parseParams, parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "surveys"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Letters" }];

const ParamsSchema = z.object({ surveyId: z.string().regex(/^[a-z0-9]{10,40}$/) });
const QuerySchema = z.strictObject({ code: z.string().regex(/^[A-Z0-9-]{4,20}$/).optional() });

/** Printable letters, each in the family's preferred language, with the link and a QR code. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const { code } = parseQuery(request, QuerySchema);
  const { survey, invitations } = await listInvitations(actor, surveyId, { code });
  const origin = new URL(request.url).origin;
  const letters = await Promise.all(
    invitations.map(async (inv) => {
      const lng = isLanguageCode(inv.language) ? inv.language : "en";
      const t = await i18nServer.getFixedT(lng, "survey");
      const link = `${origin}/s/${inv.code}`;
      const adult = inv.family?.members[0];
      return {
        code: inv.code,
        lng,
        dir: languageDir(lng),
        name: adult ? `${adult.firstName} ${adult.lastName}` : inv.family?.name ?? "",
        address: [inv.family?.addressLine1, inv.family?.town, inv.family?.postcode].filter(Boolean) as string[],
        qr: await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
        text: {
          title: t("letter.title"),
          dear: t("letter.dear"),
          body: t("letter.body"),
          how: t("letter.how", { url: link }),
          code: t("letter.code"),
          anonymous: t(anonymityKeys(survey.anonymous).statement),
          qrAlt: t("letter.qrAlt"),
        },
      };
    }),
  );
  const t = await getFixedT(request, "surveys");
  return json({ title: t("letters.title", { year: String(survey.year) }), letters });
}

export default function SurveyLetters() {
  const { title, letters } = useLoaderData<typeof loader>();
  const { t } = useTranslation("surveys");
  return (
    <>
      <div className="eh-no-print">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{t("letters.print")}</p>
      </div>
      {letters.map((l) => (
        <article key={l.code} className="eh-letter" lang={l.lng} dir={l.dir} aria-label={l.code}>
          <p className="govuk-body">
            <bdi>{l.name}</bdi>
            {l.address.map((a) => (
              <span key={a}>
                <br />
                <bdi>{a}</bdi>
              </span>
            ))}
          </p>
          <h2 className="govuk-heading-m">{l.text.title}</h2>
          <p className="govuk-body">{l.text.dear}</p>
          <p className="govuk-body">{l.text.body}</p>
          <p className="govuk-body">{l.text.how}</p>
          <p className="govuk-body">
            {l.text.code}: <span className="eh-letter__code" dir="ltr">{l.code}</span>
          </p>
          <div className="eh-letter__qr" role="img" aria-label={l.text.qrAlt} dangerouslySetInnerHTML={{ __html: l.qr }} />
          <p className="govuk-body">{l.text.anonymous}</p>
        </article>
      ))}
    </>
  );
}
