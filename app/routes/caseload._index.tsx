import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseloadTable } from "~/components/casework/caseload-table";
import { getMyCaseload } from "~/models/casework.server";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "My caseload" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const t = await getFixedT(request, "casework");
  return json({ title: t("caseload.mine"), rows: await getMyCaseload(actor), isLead: userHasPermission(actor.user, "decide:family") });
}

export default function MyCaseload() {
  const { rows, isLead } = useLoaderData<typeof loader>();
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
      <CaseloadTable rows={rows} caption={t("caseload.count", { count: rows.length })} />
    </>
  );
}
