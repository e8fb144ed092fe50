import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { useGroupFormState } from "~/components/groups/form-state";
import { Checkboxes } from "~/components/ui/choice-fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { getGroupPage } from "~/models/groups/group.server";
import { recordMeeting } from "~/models/groups/meeting.server";
import { requireGroup } from "~/models/groups/access.server";
import { GroupParamsSchema, MeetingSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Record a meeting" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  // The write check first, then the page (members' names only, as on the group page).
  await requireGroup(actor, groupId, "write");
  const page = await getGroupPage(actor, groupId);
  const t = await getFixedT(request, "groups");
  return json({
    title: t("meeting.title"),
    group: { id: page.group.id, name: page.group.name, languages: page.group.languages },
    members: page.members.map((m) => ({ id: m.id, firstName: m.firstName, lastName: m.lastName ?? null })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: MeetingSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => recordMeeting(actor, groupId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/groups/${groupId}`);
}

export default function NewMeeting() {
  const { group, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("groups");
  const f = useGroupFormState(actionData?.result);
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
        <h1 className="govuk-heading-l">{t("meeting.title")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateField name="heldOn" label={t("meeting.heldOn")} hint={t("meeting.heldOnHint")} defaultValue={f.value("heldOn", isoDay(new Date()))} errors={f.errors("heldOn")} />
          <TextInput id="f-topic" name="topic" label={t("meeting.topic")} hint={t("meeting.topicHint")} defaultValue={f.value("topic")} errors={f.errors("topic")} />
          <Select
            name="language"
            label={t("meeting.language")}
            defaultValue={f.value("language", group.languages[0])}
            errors={f.errors("language")}
            options={group.languages.map((l) => ({ value: l, label: t(`languages.${l}`, { ns: "common" }) }))}
          />
          <Radios
            name="attendanceMode"
            legend={t("meeting.mode")}
            defaultValue={f.value("attendanceMode", members.length ? "named" : "head_count")}
            errors={f.errors("attendanceMode")}
            options={[
              { value: "named", label: t("modes.named") },
              { value: "head_count", label: t("modes.head_count") },
            ]}
          />
          {members.length ? (
            <Checkboxes
              id="f-attendees"
              name="attendees"
              legend={t("meeting.attendees")}
              hint={t("meeting.attendeesHint")}
              options={members.map((m) => ({ value: m.id, label: m.lastName ? `${m.firstName} ${m.lastName}` : m.firstName }))}
              defaultValue={f.values("attendees")}
              errors={f.errors("attendees")}
            />
          ) : (
            <p className="govuk-body">{t("meeting.noMembers")}</p>
          )}
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("meeting.headCountLegend")}</legend>
            <TextInput id="f-headCountAdults" name="headCountAdults" inputMode="numeric" className="govuk-input--width-4" label={t("meeting.adults")} hint={t("meeting.adultsHint")} defaultValue={f.value("headCountAdults")} errors={f.errors("headCountAdults")} />
            <TextInput id="f-headCountChildren" name="headCountChildren" inputMode="numeric" className="govuk-input--width-4" label={t("meeting.children")} defaultValue={f.value("headCountChildren")} errors={f.errors("headCountChildren")} />
          </fieldset>
          <TextArea name="notes" label={t("meeting.notes")} hint={t("meeting.notesHint")} defaultValue={f.value("notes")} errors={f.errors("notes")} />
          <TextArea name="followUps" label={t("meeting.followUps")} hint={t("meeting.followUpsHint")} defaultValue={f.value("followUps")} errors={f.errors("followUps")} rows={3} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("meeting.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
