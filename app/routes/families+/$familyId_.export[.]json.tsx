import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportToJson, getSubjectAccessExport } from "~/models/data-protection/export.server";
import { FamilyParamsSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { parseParams } from "~/utils/query.server";

/** The subject access export as a JSON download: the same records as the printable page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const records = await getSubjectAccessExport(actor, familyId, "json");
  return new Response(exportToJson(records), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="subject-access-${records.family.reference.replace(/[^A-Za-z0-9-]/g, "")}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
