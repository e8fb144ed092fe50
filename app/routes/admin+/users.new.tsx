import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { UserFormFields } from "~/components/user-form-fields";
import { ErrorSummary, summaryFromForm } from "~/components/ui/error-summary";
import { createStaffUser, EmailTakenError, listTeams } from "~/models/users/user.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { NewUserSchema } from "~/models/users/schemas";
import { withoutCsrf } from "~/utils/validation";

export const handle = { i18n: ["common", "admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Add a user" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user");
  const t = await getFixedT(request, "admin");
  return json({ title: t("userForm.addTitle"), teams: await listTeams() });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:user");
  const form = await readForm(request, actor);
  const teams = await listTeams();
  const submission = parseWithZod(form, {
    schema: NewUserSchema.refine((v) => !v.teamId || teams.some((t) => t.id === v.teamId), { message: "userForm.errors.team", path: ["teamId"] }),
  });
  if (submission.status !== "success") return json({ result: submission.reply(), created: null }, { status: 400 });
  try {
    const { user, temporaryPassword } = await createStaffUser(actor, submission.value);
    return json({ result: submission.reply({ resetForm: true }), created: { id: user.id, email: user.email, temporaryPassword } });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return json({ result: submission.reply({ fieldErrors: { email: ["userForm.errors.emailTaken"] } }), created: null }, { status: 409 });
    }
    throw error;
  }
}

export default function NewUser() {
  const { teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(withoutCsrf(formData), { schema: NewUserSchema }),
  });
  const tr = (key: string) => t(key, { ns: ["admin", "common"] });
  const summary = summaryFromForm(form, tr);
  if (actionData?.created) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t("userForm.createdTitle")}</h1>
            <div className="govuk-panel__body">
              <bdi>{actionData.created.email}</bdi>
            </div>
          </div>
          <p className="govuk-body">{t("userForm.temporaryPasswordIntro")}</p>
          <p className="govuk-body govuk-!-font-size-24 govuk-!-font-weight-bold">
            <code>{actionData.created.temporaryPassword}</code>
          </p>
          <p className="govuk-body">{t("userForm.temporaryPasswordOnce")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/admin/users">
              {t("userForm.backToUsers")}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/admin/users" className="govuk-back-link">
          {t("userForm.backToUsers")}
        </Link>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">{t("userForm.addTitle")}</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <CsrfInput />
          <UserFormFields fields={fields} teams={teams} />
          <button type="submit" className="govuk-button">
            {t("userForm.create")}
          </button>
        </Form>
      </div>
    </div>
  );
}
