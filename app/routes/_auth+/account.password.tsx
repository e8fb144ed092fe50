import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, summaryFromForm } from "~/components/ui/error-summary";
import { TextInput } from "~/components/ui/text-input";
import { changeOwnPassword, verifyOwnPassword } from "~/models/users/user.server";
import { requireSignedIn } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { checkPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/utils/password";
import { getRequestInfo } from "~/utils/request-info.server";
import { translateErrors } from "~/utils/validation";

export const handle = { i18n: ["common", "auth"] };

const PasswordSchema = z
  .strictObject(
    {
      currentPassword: z.string({ error: "password.errors.currentRequired" }).max(1000, "password.errors.tooLong"),
      newPassword: z.string({ error: "password.errors.newRequired" }).max(MAX_PASSWORD_LENGTH * 4, "password.errors.tooLong"),
      confirmPassword: z.string({ error: "password.errors.confirmRequired" }).max(MAX_PASSWORD_LENGTH * 4, "password.errors.tooLong"),
    },
    { error: "errors.unknownField" },
  )
  .refine((v) => v.newPassword === v.confirmPassword, { message: "password.errors.mismatch", path: ["confirmPassword"] });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Change your password" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireSignedIn(request);
  const t = await getFixedT(request, "auth");
  return json({ title: t("password.title"), forced: current.user.mustChangePassword, min: MIN_PASSWORD_LENGTH });
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await requireSignedIn(request);
  const actor = { ...current, info: getRequestInfo(request) };
  const form = await readForm(request, current);
  const submission = parseWithZod(form, {
    schema: PasswordSchema.superRefine((v, ctx) => {
      const problem = checkPassword(v.newPassword, { email: current.user.email, name: current.user.name });
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["newPassword"] });
      if (v.newPassword === v.currentPassword) ctx.addIssue({ code: "custom", message: "password.errors.same", path: ["newPassword"] });
    }),
  });
  const hidden = { hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  if (submission.status !== "success") return json(submission.reply(hidden), { status: 400 });
  if (!(await verifyOwnPassword(actor, submission.value.currentPassword))) {
    return json(submission.reply({ ...hidden, fieldErrors: { currentPassword: ["password.errors.currentWrong"] } }), { status: 400 });
  }
  await changeOwnPassword(actor, submission.value.newPassword);
  return redirect("/?passwordChanged=1");
}

export default function ChangePassword() {
  const { forced, min } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm<z.input<typeof PasswordSchema>>({ id: "password", lastResult, shouldValidate: "onSubmit" });
  const tr = (key: string) => t(key, { ns: ["auth", "common"], min });
  const summary = summaryFromForm(form, tr);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">{t("password.title")}</h1>
        {forced ? <p className="govuk-body">{t("password.forced")}</p> : null}
        <p className="govuk-body">{t("password.advice", { min })}</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <CsrfInput />
          <TextInput id={fields.currentPassword.id} name={fields.currentPassword.name} type="password" label={t("password.current")} autoComplete="current-password" errors={translateErrors(tr, fields.currentPassword.errors)} />
          <TextInput id={fields.newPassword.id} name={fields.newPassword.name} type="password" label={t("password.new")} hint={t("password.newHint", { min })} autoComplete="new-password" errors={translateErrors(tr, fields.newPassword.errors)} />
          <TextInput id={fields.confirmPassword.id} name={fields.confirmPassword.name} type="password" label={t("password.confirm")} autoComplete="new-password" errors={translateErrors(tr, fields.confirmPassword.errors)} />
          <button type="submit" className="govuk-button">
            {t("password.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
