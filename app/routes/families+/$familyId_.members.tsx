import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { MemberFields } from "~/components/casework/member-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { addMember, updateMember } from "~/models/casework/family.server";
import { FamilyParamsSchema, MemberSchema } from "~/models/casework/schemas";
import { getFamily } from "~/models/casework/family.server";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { errorResponse, invariantResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams, parseQuery } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Members" }];

const QuerySchema = z.strictObject({ edit: z.string().max(64).regex(/^[a-z0-9]+$/i).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const { edit } = parseQuery(request, QuerySchema);
  const family = await getFamily(actor, familyId);
  invariantResponse(family, 404, "errors.notFound");
  const editing = edit ? family.members.find((m) => m.id === edit) : undefined;
  if (edit && !editing) throw errorResponse(404, "errors.notFound");
  const t = await getFixedT(request, "casework");
  return json({ title: t("members.title"), family: { id: family.id, name: family.name, reference: family.reference, members: family.members }, editing: editing ?? null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const { edit } = parseQuery(request, QuerySchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: MemberSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => (edit ? updateMember(actor, familyId, edit, submission.value) : addMember(actor, familyId, submission.value)));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}`);
}

export default function Members() {
  const { family, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const f = useFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/families/${family.id}`} className="govuk-back-link">
          {t("common.backToFamily")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <FamilyCaption family={family} />
        <h1 className="govuk-heading-l">{t("members.title")}</h1>
        <ul className="govuk-list">
          {family.members.map((m) => (
            <li key={m.id}>
              <bdi>
                {m.firstName} {m.lastName}
              </bdi>{" "}
              <Link className="govuk-link" to={`?edit=${m.id}`}>
                {t("members.edit")}
                <span className="govuk-visually-hidden">
                  {" "}
                  {m.firstName} {m.lastName}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">{editing ? t("members.editing", { name: `${editing.firstName} ${editing.lastName}` }) : t("members.add")}</h2>
        <Form method="post" noValidate key={editing?.id ?? "new"}>
          <CsrfInput />
          <MemberFields prefix="" f={f} member={editing ? { ...editing, dateOfBirth: isoDay(editing.dateOfBirth) } : undefined} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {editing ? t("members.save") : t("members.addSubmit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
