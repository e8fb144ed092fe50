import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GroupForm } from "~/components/groups/group-form";
import { getGroupPage, listLeaderCandidates, updateGroup } from "~/models/groups/group.server";
import { GroupParamsSchema, GroupSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Change group" }];

const EditSchema = GroupSchema.extend({ version: z.coerce.number({ error: "staff.errors.badVersion" }).int().min(1) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const page = await getGroupPage(actor, groupId);
  const t = await getFixedT(request, "groups");
  const g = page.group;
  return json({
    title: t("staff.form.editTitle"),
    candidates: await listLeaderCandidates(),
    group: {
      id: g.id,
      name: g.name,
      purpose: g.purpose,
      languages: g.languages,
      meetingPattern: g.meetingPattern,
      venue: g.venue,
      audienceTags: g.audienceTags,
      status: g.status,
      version: g.version,
      facilitatorIds: page.leaders.filter((l) => l.role === "facilitator").map((l) => l.id),
      championIds: page.leaders.filter((l) => l.role === "parent_champion").map((l) => l.id),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: EditSchema });
  if (submission.status !== "success") return invalid(submission);
  const { version, ...input } = submission.value;
  const result = await attempt(submission, () => updateGroup(actor, groupId, version, input));
  if (!result.ok) return result.response;
  return redirect(`/groups/${groupId}`);
}

export default function EditGroup() {
  const { candidates, group } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("groups");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/groups/${group.id}`} className="govuk-back-link">
          {t("backToGroup")}
        </Link>
        <span className="govuk-caption-l">
          <bdi>{group.name}</bdi>
        </span>
        <h1 className="govuk-heading-l">{t("staff.form.editTitle")}</h1>
        <GroupForm reply={actionData?.result} initial={group} candidates={candidates} submitLabel={t("staff.form.save")} />
      </div>
    </div>
  );
}
