import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CaseloadTable } from "~/components/casework/caseload-table";
import { Pagination } from "~/components/pagination";
import { getMyCaseload } from "~/models/casework/caseload.server";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "casework"] };

const QuerySchema = z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).optional() });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "My caseload" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const query = parseQuery(request, QuerySchema);
  const t = await getFixedT(request, "casework");
  return json({ title: t("caseload.mine"), ...(await getMyCaseload(actor, { page: query.page })), isLead: userHasPermission(actor.user, "decide:family") });
}

export default function MyCaseload() {
  const { rows, total, page, pageCount, isLead } = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  return (
    <>
      <h1 className="govuk-heading-l">{t("caseload.mine")}</h1>
      {isLead ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/caseload/team">
            {t("caseload.team")}
          </Link>
        </p>
      ) : null}
      <CaseloadTable rows={rows} caption={t("caseload.count", { count: total })} />
      <Pagination page={page} pageCount={pageCount} href={(p) => `?page=${p}`} label={t("caseload.pagination")} />
    </>
  );
}
