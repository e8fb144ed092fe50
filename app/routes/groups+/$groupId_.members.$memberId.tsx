import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDateLocale } from "~/utils/use-date-locale";
import { isoDay, type FormReply } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { useGroupFormState } from "~/components/groups/form-state";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, Select } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { getGroupMember, markMemberLeft, updateGroupMember } from "~/models/groups/member.server";
import { MemberLeftSchema, MemberParamsSchema, MemberUpdateSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Change a member" }];

/**
 * One member of a group: change their language and consent (and, for a parent without a
 * family record, their first name and contact), or record that they have left.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId, memberId } = parseParams(params, MemberParamsSchema);
  const { group, member } = await getGroupMember(actor, groupId, memberId);
  const t = await getFixedT(request, "groups");
  return json({
    title: t("memberEdit.title"),
    group: { id: group.id, name: group.name },
    member: {
      id: member.id,
      firstName: member.firstName,
      lastName: member.familyMember?.lastName ?? null,
      linked: Boolean(member.familyMemberId),
      contact: member.contact ?? "",
      language: member.language,
      consentToContact: member.consentToContact,
      joinedOn: isoDay(member.joinedOn),
      leftOn: member.leftOn ? isoDay(member.leftOn) : null,
      version: member.version,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId, memberId } = parseParams(params, MemberParamsSchema);
  const form = await readForm(request, actor);
  const intent = form.get("intent");
  if (intent !== "update" && intent !== "left") throw errorResponse(400, "groups:errors.badIntent");
  // Each of the page's two forms shows its own errors: the reply says which one failed.
  const failed = async (response: Response) => json({ intent, result: ((await response.json()) as { result: FormReply }).result }, { status: response.status });
  if (intent === "update") {
    const submission = parseWithZod(form, { schema: MemberUpdateSchema });
    if (submission.status !== "success") return failed(invalid(submission));
    const result = await attempt(submission, () => updateGroupMember(actor, groupId, memberId, submission.value));
    if (!result.ok) return failed(result.response);
  } else {
    const submission = parseWithZod(form, { schema: MemberLeftSchema });
    if (submission.status !== "success") return failed(invalid(submission));
    const result = await attempt(submission, () => markMemberLeft(actor, groupId, memberId, submission.value));
    if (!result.ok) return failed(result.response);
  }
  return redirect(`/groups/${groupId}`);
}

export default function GroupMemberPage() {
  const { group, member } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("groups");
  const dates = useDateLocale();
  const update = useGroupFormState(actionData?.intent === "update" ? actionData.result : undefined);
  const left = useGroupFormState(actionData?.intent === "left" ? actionData.result : undefined);
  const languageOptions = LANGUAGES.map((l) => ({ value: l.code, label: t(`languages.${l.code}`, { ns: "common" }) }));
  const name = member.lastName ? `${member.firstName} ${member.lastName}` : member.firstName;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/groups/${group.id}`} className="govuk-back-link">
          {t("backToGroup")}
        </Link>
        <ErrorSummary errors={[...update.summary, ...left.summary]} />
        <span className="govuk-caption-l">
          <bdi>{group.name}</bdi>
        </span>
        <h1 className="govuk-heading-l">
          <bdi>{name}</bdi>
        </h1>
        {member.leftOn ? (
          <div className="govuk-inset-text" suppressHydrationWarning>
            {t("memberEdit.leftOn", { date: formatDate(member.leftOn, dates) })}
          </div>
        ) : null}

        <h2 className="govuk-heading-m">{t("memberEdit.detailsHeading")}</h2>
        {member.linked ? <p className="govuk-body">{t("memberEdit.linkedHint")}</p> : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="version" value={member.version} />
          {member.linked ? null : (
            <>
              <TextInput id="f-firstName" name="firstName" autoComplete="off" label={t("member.firstName")} defaultValue={update.value("firstName", member.firstName)} errors={update.errors("firstName")} />
              <TextInput id="f-contact" name="contact" autoComplete="off" label={t("member.contact")} hint={t("member.contactHint")} defaultValue={update.value("contact", member.contact)} errors={update.errors("contact")} />
            </>
          )}
          <Select name="language" label={t("member.language")} defaultValue={update.value("language", member.language)} errors={update.errors("language")} options={languageOptions} />
          <Radios
            name="consentToContact"
            legend={t("member.consent")}
            hint={t("member.consentHint")}
            inline
            defaultValue={update.value("consentToContact", member.consentToContact ? "yes" : "no")}
            errors={update.errors("consentToContact")}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("memberEdit.save")}
          </button>
        </Form>

        {member.leftOn ? null : (
          <>
            <h2 className="govuk-heading-m">{t("memberEdit.leftHeading")}</h2>
            <p className="govuk-body">{t("memberEdit.leftHint")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="left" />
              <input type="hidden" name="version" value={member.version} />
              <DateField name="leftOn" label={t("memberEdit.leftOnLabel")} hint={t("dateHint")} defaultValue={left.value("leftOn", isoDay(new Date()))} errors={left.errors("leftOn")} />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("memberEdit.markLeft")}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
