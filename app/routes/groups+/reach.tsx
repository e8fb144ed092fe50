import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReachTables } from "~/components/groups/reach-tables";
import { defaultPeriod, getReach } from "~/models/groups/reach.server";
import { ReachQuerySchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Reach" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:group");
  const query = parseQuery(request, ReachQuerySchema);
  const period = { ...defaultPeriod(), ...query };
  if (period.from > period.to) period.from = period.to;
  const { reach, groups } = await getReach(actor, period);
  const t = await getFixedT(request, "groups");
  return json({ title: t("reach.allTitle"), reach, groups, ...period });
}

export default function AllReach() {
  const { reach, groups, from, to } = useLoaderData<typeof loader>();
  const { t } = useTranslation("groups");
  return (
    <>
      <Link to="/groups" className="govuk-back-link">
        {t("backToGroups")}
      </Link>
      <h1 className="govuk-heading-l">{t("reach.allTitle")}</h1>
      <p className="govuk-body">{t("reach.groupsCount", { count: groups })}</p>
      <ReachTables reach={reach} from={from} to={to} />
    </>
  );
}
