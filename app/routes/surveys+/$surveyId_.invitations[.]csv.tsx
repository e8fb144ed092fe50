import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { anonymityKeys } from "~/models/survey/rules";
import { listInvitations } from "~/models/survey/invitation.server";
import { requirePermission } from "~/utils/auth.server";
import { i18nServer } from "~/utils/i18n.server";
import { isLanguageCode } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";

const ParamsSchema = z.object({ surveyId: z.string().regex(/^[a-z0-9]{10,40}$/) });

/** A cell that spreadsheets will not run as a formula. */
function cell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The list for sending codes by text message: one row per family, the message in their language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const { survey, invitations } = await listInvitations(actor, surveyId);
  const origin = new URL(request.url).origin;
  const rows = [["reference", "name", "phone", "language", "code", "link", "message"].map(cell).join(",")];
  for (const inv of invitations) {
    const lng = isLanguageCode(inv.language) ? inv.language : "en";
    const t = await i18nServer.getFixedT(lng, "survey");
    const link = `${origin}/s/${inv.code}`;
    const adult = inv.family?.members[0];
    const message = t("sms.message", { url: link, anonymity: t(anonymityKeys(survey.anonymous).statement) });
    rows.push([inv.family?.reference ?? "", adult ? `${adult.firstName} ${adult.lastName}` : inv.family?.name ?? "", adult?.phone ?? "", lng, inv.code, link, message].map(cell).join(","));
  }
  return new Response(`\uFEFF${rows.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="survey-${survey.year}-invitations.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
