import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { UserFormFields } from "~/components/user-form-fields";
import { ErrorSummary, summaryFromForm } from "~/components/ui/error-summary";
import { getUser, listTeams, resetPassword, setUserDisabled, updateStaffUser } from "~/models/users/user.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { errorResponse, invariantResponse } from "~/utils/http.server";
import { parseParams } from "~/utils/query.server";
import { EditUserSchema } from "~/models/users/schemas";
import { withoutCsrf } from "~/utils/validation";

export const handle = { i18n: ["common", "admin"] };

const ParamsSchema = z.object({ userId: z.string().regex(/^[a-z0-9]{1,64}$/i) });
const IntentSchema = z.object({ intent: z.enum(["save", "disable", "enable", "reset-password"]) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.user.name ?? "User" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:user");
  const { userId } = parseParams(params, ParamsSchema);
  const user = await getUser(actor, userId);
  invariantResponse(user, 404, "errors.notFound");
  return json({ user, teams: await listTeams(), isSelf: actor.user.id === user.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:user");
  const { userId } = parseParams(params, ParamsSchema);
  const form = await readForm(request, actor);
  const intent = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) throw errorResponse(400, "errors.badForm");
  const user = await getUser(actor, userId);
  invariantResponse(user, 404, "errors.notFound");
  switch (intent.data.intent) {
    case "save": {
      const teams = await listTeams();
      const submission = parseWithZod(form, {
        schema: EditUserSchema.refine((v) => !v.teamId || teams.some((t) => t.id === v.teamId), { message: "userForm.errors.team", path: ["teamId"] }),
      });
      if (submission.status !== "success") return json({ result: submission.reply(), notice: null, temporaryPassword: null }, { status: 400 });
      const { intent: _intent, ...input } = submission.value;
      await updateStaffUser(actor, userId, input);
      return json({ result: submission.reply(), notice: "saved", temporaryPassword: null });
    }
    case "disable":
    case "enable": {
      if (actor.user.id === userId) throw errorResponse(400, "userForm.errors.notYourself");
      await setUserDisabled(actor, userId, intent.data.intent === "disable");
      return json({ result: null, notice: intent.data.intent === "disable" ? "disabled" : "enabled", temporaryPassword: null });
    }
    case "reset-password": {
      if (actor.user.id === userId) throw errorResponse(400, "userForm.errors.notYourself");
      const temporaryPassword = await resetPassword(actor, userId);
      return json({ result: null, notice: "reset", temporaryPassword });
    }
  }
}

export default function EditUser() {
  const { user, teams, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const dates = useDateLocale();
  const [form, fields] = useForm({
    id: "user",
    lastResult: actionData?.result ?? undefined,
    defaultValue: { ...user, teamId: user.teamId ?? "", organisation: user.organisation ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(withoutCsrf(formData), { schema: EditUserSchema }),
  });
  const tr = (key: string) => t(key, { ns: ["admin", "common"] });
  const summary = summaryFromForm(form, tr);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/admin/users" className="govuk-back-link">
          {t("userForm.backToUsers")}
        </Link>
        <ErrorSummary errors={summary} />
        {actionData?.notice ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="notice-title">
                {t("userForm.success")}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t(`userForm.notice.${actionData.notice}`)}</p>
              {actionData.temporaryPassword ? (
                <>
                  <p className="govuk-body">{t("userForm.temporaryPasswordIntro")}</p>
                  <p className="govuk-body govuk-!-font-weight-bold">
                    <code>{actionData.temporaryPassword}</code>
                  </p>
                  <p className="govuk-body">{t("userForm.temporaryPasswordOnce")}</p>
                </>
              ) : null}
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">
          <bdi>{user.email}</bdi>
        </span>
        <h1 className="govuk-heading-l">
          <bdi>{user.name}</bdi>
        </h1>
        <p className="govuk-body">
          {user.disabledAt ? t("userForm.disabledSince", { date: formatDateTime(user.disabledAt, dates) }) : null}{" "}
          {user.lastSignInAt ? t("userForm.lastSignIn", { date: formatDateTime(user.lastSignInAt, dates) }) : t("users.never")}
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <CsrfInput />
          <UserFormFields fields={fields} teams={teams} />
          <button type="submit" name="intent" value="save" className="govuk-button">
            {t("userForm.save")}
          </button>
        </Form>
        {isSelf ? null : (
          <>
            <h2 className="govuk-heading-m">{t("userForm.accessHeading")}</h2>
            <Form method="post" className="govuk-button-group">
              <CsrfInput />
              <button type="submit" name="intent" value="reset-password" className="govuk-button govuk-button--secondary">
                {t("userForm.resetPassword")}
              </button>
              {user.disabledAt ? (
                <button type="submit" name="intent" value="enable" className="govuk-button govuk-button--secondary">
                  {t("userForm.enable")}
                </button>
              ) : (
                <button type="submit" name="intent" value="disable" className="govuk-button govuk-button--warning">
                  {t("userForm.disable")}
                </button>
              )}
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
