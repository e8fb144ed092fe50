import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { isoDate } from "~/models/casework/rules";
import { toCsv, toXlsx, tableRows } from "~/models/reports/export.server";
import { buildReport } from "~/models/reports/index.server";
import { resolveReportScope } from "~/models/reports/access.server";
import { periodOf, ReportQuerySchema } from "~/models/reports/period";
import { requirePermission } from "~/utils/auth.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { PAGE_PARAMS } from "~/utils/query.server";

const ExportSchema = z.strictObject({ format: z.enum(["csv", "xlsx"]), table: z.string().regex(/^[a-z0-9-]{1,40}$/).optional() });

/** CSV of one table or XLSX of every table, suppressed exactly as on the page. Audited as an export. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([k]) => !PAGE_PARAMS.has(k)));
  const { format, table: tableId, ...rest } = raw;
  const exp = ExportSchema.safeParse({ format, table: tableId });
  const query = ReportQuerySchema.safeParse(rest);
  if (!exp.success || !query.success || (exp.data.format === "csv" && !exp.data.table)) throw errorResponse(400, "errors.badQuery");
  const { scope } = await resolveReportScope(actor, query.data.team || undefined);
  const period = periodOf(query.data);
  const sections = await buildReport(actor, period, scope, { action: "export", format: exp.data.format, report: exp.data.table ?? "outcomes" });
  const tables = sections.flatMap((s) => s.tables);
  const t = await getFixedT(request, ["reports", "casework", "common"]);
  const tr = (key: string, values?: Record<string, unknown>) => String(t(key, values as never));
  const stem = `outcomes-${isoDate(period.from)}-${isoDate(period.to)}`;
  if (exp.data.format === "csv") {
    const table = tables.find((x) => x.id === exp.data.table);
    if (!table) throw errorResponse(404, "errors.notFound");
    return new Response(toCsv(tableRows(table, tr)), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${stem}-${table.id}.csv"`, "Cache-Control": "no-store" },
    });
  }
  const body = await toXlsx(tables, tr, `${isoDate(period.from)} – ${isoDate(period.to)}`);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${stem}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
