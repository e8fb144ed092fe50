import type { LoaderFunctionArgs } from "@remix-run/node";
import { toXlsx } from "~/models/reports/export.server";
import { AnnualParamsSchema } from "~/models/reports/annual-schema";
import { getAnnualNarrative } from "~/models/reports/annual.server";
import { requireAnnualReader } from "~/models/reports/access.server";
import { buildReport } from "~/models/reports/index.server";
import { financialYearStarting } from "~/models/reports/period";
import { SEF_HEADINGS } from "~/models/reports/types";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";

/**
 * The annual report as XLSX: the narrative on the first sheet, then one sheet per table,
 * suppressed and rounded exactly as on the page. Audited as an export.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  await requireAnnualReader(actor);
  const { year } = parseParams(params, AnnualParamsSchema);
  const period = financialYearStarting(year);
  const sections = await buildReport(actor, period, { teamId: null }, { action: "export", format: "xlsx", report: `annual-${year}` });
  const narrative = await getAnnualNarrative(year);
  const t = await getFixedT(request, ["reports", "casework", "common"]);
  const tr = (key: string, values?: Record<string, unknown>) => String(t(key, values as never));
  const text = (v: string) => v || tr("reports:annual.noNarrative");
  const tables = SEF_HEADINGS.flatMap((h) => sections.filter((s) => s.heading === h).flatMap((s) => s.tables));
  const body = await toXlsx(tables, tr, tr("reports:annual.period", { start: String(year), end: String(year + 1) }), {
    name: "narrative",
    title: tr("reports:annual.title", { year: String(year) }),
    rows: [...SEF_HEADINGS.map((h): [string, string] => [tr(`reports:sef.${h}`), text(narrative[h])]), [tr("reports:annual.caseStudies"), text(narrative.caseStudies)]],
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="annual-report-${year}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
