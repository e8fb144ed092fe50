import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CodeSchema } from "~/models/survey/rules";
import { PARENT_HEADERS } from "~/models/survey/parent.server";
import { getFixedT, resolveLanguage } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "survey"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

/** Type the code from a letter or text message: a GET form, so it works without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  const lng = await resolveLanguage(request);
  const t = await getFixedT(request, "survey");
  if (raw !== null) {
    const parsed = CodeSchema.safeParse(raw.replace(/\s+/g, ""));
    if (parsed.success) throw redirect(`/s/${encodeURIComponent(parsed.data)}?lng=${lng}`);
    return json({ title: t("code.title"), error: t("unknown.body"), value: raw.slice(0, 40), lng }, { status: 400, headers: PARENT_HEADERS });
  }
  return json({ title: t("code.title"), error: null, value: "", lng }, { headers: PARENT_HEADERS });
}

export default function SurveyCode() {
  const { title, error, value, lng } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <form method="get" action="/s">
          <input type="hidden" name="lng" value={lng} />
          <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
            <h1 className="govuk-label-wrapper">
              <label className="govuk-label govuk-label--l" htmlFor="code">
                {title}
              </label>
            </h1>
            <div id="code-hint" className="govuk-hint">
              {t("code.label")}: {t("code.hint")}
            </div>
            {error ? (
              <p id="code-error" className="govuk-error-message">
                {error}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
              id="code"
              name="code"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              defaultValue={value}
              aria-describedby={error ? "code-hint code-error" : "code-hint"}
            />
          </div>
          <button type="submit" className="govuk-button">
            {t("code.button")}
          </button>
        </form>
      </div>
    </div>
  );
}
