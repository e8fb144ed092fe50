import type { LoaderFunctionArgs } from "@remix-run/node";
import { AnnualParamsSchema } from "~/models/reports/annual-schema";
import { requireAnnualReader } from "~/models/reports/access.server";
import { audit } from "~/utils/audit.server";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT, resolveLanguage } from "~/utils/i18n.server";
import { languageDir } from "~/utils/languages";
import { PdfUnavailableError, renderPdf } from "~/utils/pdf.server";
import { parseParams } from "~/utils/query.server";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The annual report as PDF: the report page printed by headless Chromium as the same
 * user, with its print stylesheet. Audited as an export. Without Chromium on the server,
 * a translated 503 page says so and points to the browser's own print to PDF.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  await requireAnnualReader(actor);
  const { year } = parseParams(params, AnnualParamsSchema);
  const lng = new URL(request.url).searchParams.get("lng");
  await audit(actor, { action: "export", entity: "report", entityId: `annual-${year}`, detail: { format: "pdf" } });
  try {
    const pdf = await renderPdf(`/reports/annual/${year}${lng ? `?lng=${encodeURIComponent(lng)}` : ""}`, {
      cookie: request.headers.get("Cookie"),
      acceptLanguage: request.headers.get("Accept-Language"),
    });
    return new Response(new Uint8Array(pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="annual-report-${year}.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    const locale = await resolveLanguage(request);
    const t = await getFixedT(request, "reports");
    const title = escape(t("annual.pdfUnavailableTitle"));
    const html = `<!DOCTYPE html><html lang="${escape(locale)}" dir="${languageDir(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${escape(t("annual.pdfUnavailable"))}</p><p><a href="/reports/annual/${year}">${escape(t("annual.backToReport", { year: String(year) }))}</a></p></main></body></html>`;
    return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "3600" } });
  }
}
