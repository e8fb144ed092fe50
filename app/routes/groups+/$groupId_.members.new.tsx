import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { useGroupFormState } from "~/components/groups/form-state";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, Select } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { addGroupMember, findFamilyForLinking } from "~/models/groups/member.server";
import { requireGroup } from "~/models/groups/access.server";
import { FamilyLookupSchema, GroupParamsSchema, MEMBER_SOURCES, MemberSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { userHasPermission } from "~/utils/permissions";
import { parseParams, parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Add a member" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const { family: reference } = parseQuery(request, FamilyLookupSchema);
  const group = await requireGroup(actor, groupId, "write");
  const canLink = userHasPermission(actor.user, "read:family");
  const family = canLink && reference ? await findFamilyForLinking(actor, reference) : null;
  const t = await getFixedT(request, "groups");
  return json({
    title: t("member.title"),
    group: { id: group.id, name: group.name, language: group.languages[0] ?? "en" },
    canLink,
    reference: reference ?? "",
    family,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: MemberSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => addGroupMember(actor, groupId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/groups/${groupId}`);
}

export default function NewMember() {
  const { group, canLink, reference, family } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("groups");
  const f = useGroupFormState(actionData?.result);
  const languageOptions = LANGUAGES.map((l) => ({ value: l.code, label: t(`languages.${l.code}`, { ns: "common" }) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/groups/${group.id}`} className="govuk-back-link">
          {t("backToGroup")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <span className="govuk-caption-l">
          <bdi>{group.name}</bdi>
        </span>
        <h1 className="govuk-heading-l">{t("member.title")}</h1>
        {canLink ? (
          <Form method="get" className="govuk-!-margin-bottom-6">
            <TextInput id="family" name="family" className="govuk-input--width-10" label={t("staff.link.reference")} hint={t("staff.link.hint")} defaultValue={reference} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("staff.link.find")}
            </button>
            {reference && !family ? <p className="govuk-body">{t("staff.link.notFound")}</p> : null}
          </Form>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          {family ? (
            <Radios
              name="familyMemberId"
              legend={t("staff.link.choose", { name: family.name, reference: family.reference })}
              defaultValue={f.value("familyMemberId")}
              errors={f.errors("familyMemberId")}
              options={[
                ...family.members.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` })),
                { value: "", label: t("staff.link.none") },
              ]}
            />
          ) : null}
          <TextInput id="f-firstName" name="firstName" autoComplete="off" label={t("member.firstName")} hint={family ? t("staff.link.firstNameHint") : undefined} defaultValue={f.value("firstName")} errors={f.errors("firstName")} />
          <TextInput id="f-contact" name="contact" autoComplete="off" label={t("member.contact")} hint={t("member.contactHint")} defaultValue={f.value("contact")} errors={f.errors("contact")} />
          <Select name="language" label={t("member.language")} defaultValue={f.value("language", family?.preferredLanguage ?? group.language)} errors={f.errors("language")} options={languageOptions} />
          <Radios
            name="consentToContact"
            legend={t("member.consent")}
            hint={t("member.consentHint")}
            inline
            defaultValue={f.value("consentToContact")}
            errors={f.errors("consentToContact")}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
          />
          <Select name="source" label={t("member.source")} defaultValue={f.value("source", "direct")} errors={f.errors("source")} options={MEMBER_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))} />
          <DateField name="joinedOn" label={t("member.joinedOn")} hint={t("dateHint")} defaultValue={f.value("joinedOn", isoDay(new Date()))} errors={f.errors("joinedOn")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("member.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
