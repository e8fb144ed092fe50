import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useGroupFormState } from "~/components/groups/form-state";
import { ErrorSummary } from "~/components/ui/error-summary";
import { inviteToGroup } from "~/models/groups/member.server";
import { requireGroup } from "~/models/groups/access.server";
import { GroupParamsSchema, InviteSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { parseParams } from "~/utils/query.server";

/**
 * POST /groups/:groupId/invite: parents who completed a parenting course, posted from a
 * form elsewhere (the cohort page) as `people[0].firstName`, `people[0].language`,
 * `people[0].sourceCohortId`, … and an optional `returnTo` path. All or nothing; a
 * refused list shows its problems here. GET explains where invitations come from (a
 * loader redirect would also replace the page that shows a refused list's problems).
 */
export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction = () => [{ title: "Invite to a group" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const group = await requireGroup(actor, groupId, "write");
  return json({ group: { id: group.id, name: group.name } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: InviteSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => inviteToGroup(actor, groupId, submission.value.people));
  if (!result.ok) return result.response;
  const back = submission.value.returnTo ?? `/groups/${groupId}`;
  const url = new URL(back, "http://x");
  url.searchParams.set("invited", String(result.value.added));
  url.searchParams.set("alreadyMembers", String(result.value.skipped));
  return redirect(`${url.pathname}${url.search}`);
}

export default function Invite() {
  const { group } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("groups");
  const f = useGroupFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">
          <bdi>{group.name}</bdi>
        </span>
        {actionData ? (
          <>
            <h1 className="govuk-heading-l">{t("staff.invite.title")}</h1>
            <ErrorSummary errors={f.summary.map((e) => ({ message: e.message }))} />
            <p className="govuk-body">{t("staff.invite.nothingChanged")}</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{t("staff.invite.aboutTitle")}</h1>
            <p className="govuk-body">{t("staff.invite.about")}</p>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/groups/${group.id}`}>
            {t("backToGroup")}
          </Link>
        </p>
      </div>
    </div>
  );
}
