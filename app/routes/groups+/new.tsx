import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GroupForm } from "~/components/groups/group-form";
import { createGroup, listLeaderCandidates } from "~/models/groups/group.server";
import { GroupSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Create a group" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:group");
  const t = await getFixedT(request, "groups");
  return json({ title: t("staff.form.createTitle"), candidates: await listLeaderCandidates() });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:group");
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: GroupSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => createGroup(actor, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/groups/${result.value.id}`);
}

export default function NewGroup() {
  const { candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("groups");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/groups" className="govuk-back-link">
          {t("backToGroups")}
        </Link>
        <h1 className="govuk-heading-l">{t("staff.form.createTitle")}</h1>
        <GroupForm reply={actionData?.result} candidates={candidates} submitLabel={t("staff.form.create")} />
      </div>
    </div>
  );
}
