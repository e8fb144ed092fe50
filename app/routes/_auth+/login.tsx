import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorSummary, summaryFromForm } from "~/components/ui/error-summary";
import { TextInput } from "~/components/ui/text-input";
import { verifyLogin } from "~/utils/auth.server";
import { langCookie } from "~/utils/cookies.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { isLanguageCode } from "~/utils/languages";
import { getRequestInfo } from "~/utils/request-info.server";
import { createUserSession, getCurrentSession } from "~/utils/session.server";
import { safeRedirect, translateErrors } from "~/utils/validation";

export const handle = { i18n: ["common", "auth"] };

const LoginSchema = z.strictObject(
  {
    email: z
      .string({ error: "login.errors.emailRequired" })
      .trim()
      .max(254, "login.errors.emailInvalid")
      .pipe(z.email("login.errors.emailInvalid")),
    password: z.string({ error: "login.errors.passwordRequired" }).max(1000, "login.errors.passwordTooLong"),
    redirectTo: z.string().max(2000).optional(),
  },
  { error: "errors.unknownField" },
);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Sign in" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentSession(request)) return redirect("/");
  const t = await getFixedT(request, "auth");
  return json({ title: t("login.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, null);
  const submission = parseWithZod(form, { schema: LoginSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }), minutes: 0 }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await verifyLogin(email, password, getRequestInfo(request));
  if (!result.ok) {
    const locked = result.reason === "locked";
    return json(
      {
        result: submission.reply({ formErrors: [locked ? "login.errors.locked" : "login.errors.invalid"], hideFields: ["password"] }),
        minutes: locked ? result.minutes : 0,
      },
      { status: locked ? 429 : 401 },
    );
  }
  const headers = new Headers({ "Set-Cookie": await createUserSession(request, result.userId) });
  // The interface opens in the person's own language unless they chose one on this device.
  const chosen: unknown = await langCookie.parse(request.headers.get("Cookie"));
  if (!isLanguageCode(chosen) && isLanguageCode(result.preferredLanguage)) {
    headers.append("Set-Cookie", await langCookie.serialize(result.preferredLanguage));
  }
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function Login() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  const tr = (key: string) => t(key, { minutes: actionData?.minutes ?? 0, ns: ["auth", "common"] });
  const summary = summaryFromForm(form, tr);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">{t("login.title")}</h1>
        <p className="govuk-body">{t("login.intro")}</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <TextInput
            type="email"
            defaultValue={fields.email.initialValue as string | undefined}
            key={fields.email.key}
            id={fields.email.id}
            name={fields.email.name}
            label={t("login.email")}
            autoComplete="username"
            spellCheck={false}
            errors={translateErrors(tr, fields.email.errors)}
          />
          <TextInput
            type="password"
            key={fields.password.key}
            id={fields.password.id}
            name={fields.password.name}
            label={t("login.password")}
            autoComplete="current-password"
            errors={translateErrors(tr, fields.password.errors)}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </Form>
        <p className="govuk-body">{t("login.forgotten")}</p>
      </div>
    </div>
  );
}
