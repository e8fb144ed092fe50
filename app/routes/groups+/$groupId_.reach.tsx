import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReachTables } from "~/components/groups/reach-tables";
import { defaultPeriod, getReach } from "~/models/groups/reach.server";
import { requireGroup } from "~/models/groups/access.server";
import { GroupParamsSchema, ReachQuerySchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams, parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Reach" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const query = parseQuery(request, ReachQuerySchema);
  const group = await requireGroup(actor, groupId, "read");
  const period = { ...defaultPeriod(), ...query };
  if (period.from > period.to) period.from = period.to;
  const { reach } = await getReach(actor, { groupId, ...period });
  const t = await getFixedT(request, "groups");
  return json({ title: t("reach.groupTitle", { name: group.name }), group: { id: group.id, name: group.name }, reach, ...period });
}

export default function GroupReach() {
  const { group, reach, from, to } = useLoaderData<typeof loader>();
  const { t } = useTranslation("groups");
  return (
    <>
      <Link to={`/groups/${group.id}`} className="govuk-back-link">
        {t("backToGroup")}
      </Link>
      <span className="govuk-caption-l">
        <bdi>{group.name}</bdi>
      </span>
      <h1 className="govuk-heading-l">{t("reach.title")}</h1>
      <ReachTables reach={reach} from={from} to={to} />
    </>
  );
}
