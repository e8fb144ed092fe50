import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { useGroupFormState } from "~/components/groups/form-state";
import { Checkboxes } from "~/components/ui/choice-fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { TextInput } from "~/components/ui/text-input";
import { completeFollowUp, getMeeting, updateAttendance } from "~/models/groups/meeting.server";
import { AttendanceSchema, FollowUpDoneSchema, MeetingParamsSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getDateLocale, getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Meeting" }];

const ActionSchema = z.discriminatedUnion("intent", [AttendanceSchema, FollowUpDoneSchema], { error: "errors.badForm" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:group");
  const { groupId, meetingId } = parseParams(params, MeetingParamsSchema);
  const data = await getMeeting(actor, groupId, meetingId);
  const t = await getFixedT(request, "groups");
  return json({
    title: t("meeting.pageTitle", { date: formatDate(data.meeting.heldOn, await getDateLocale(request)) }),
    ...data,
    group: { id: data.group.id, name: data.group.name },
    canWrite: userHasPermission(actor.user, "write:group"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:group");
  const { groupId, meetingId } = parseParams(params, MeetingParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ActionSchema });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  const result = await attempt(submission, () =>
    value.intent === "attendance" ? updateAttendance(actor, groupId, meetingId, value) : completeFollowUp(actor, groupId, meetingId, value.followUpId),
  );
  if (!result.ok) return result.response;
  return redirect(value.intent === "attendance" ? `/groups/${groupId}` : `/groups/${groupId}/meetings/${meetingId}`);
}

export default function MeetingPage() {
  const { group, meeting, members, details, happened, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("groups");
  const dates = useDateLocale();
  const f = useGroupFormState(actionData?.result);
  const named = meeting.attendanceMode === "named";
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
        <h1 className="govuk-heading-l" suppressHydrationWarning>{t("meeting.pageTitle", { date: formatDate(meeting.heldOn, dates) })}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("fields.topic")}</dt>
            <dd className="govuk-summary-list__value">
              <bdi>{meeting.topic}</bdi>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("fields.language")}</dt>
            <dd className="govuk-summary-list__value">{t(`languages.${meeting.language}`, { ns: "common" })}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("fields.attendance")}</dt>
            <dd className="govuk-summary-list__value" suppressHydrationWarning>
              {named ? t("group.namedCount", { count: meeting.attendance.length }) : t("group.headCount", { adults: meeting.headCountAdults ?? 0, children: meeting.headCountChildren ?? 0 })}
            </dd>
          </div>
          {meeting.notes ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("meeting.notes")}</dt>
              <dd className="govuk-summary-list__value eh-groups-notes">{meeting.notes}</dd>
            </div>
          ) : null}
        </dl>

        {details && meeting.followUps.length ? (
          <>
            <h2 className="govuk-heading-m">{t("staff.followUps.title")}</h2>
            <ul className="govuk-list">
              {meeting.followUps.map((fu) => (
                <li key={fu.id} className="eh-groups-followup">
                  <span>{fu.description}</span>{" "}
                  {fu.doneOn ? (
                    <strong className="govuk-tag govuk-tag--green">{t("staff.followUps.done")}</strong>
                  ) : canWrite ? (
                    <Form method="post" className="eh-inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="followUpDone" />
                      <input type="hidden" name="followUpId" value={fu.id} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                        {t("staff.followUps.markDone")}
                        <span className="govuk-visually-hidden">: {fu.description}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {canWrite ? (
          <>
            <h2 className="govuk-heading-m">{t("meeting.attendanceHeading")}</h2>
            {!happened ? <p className="govuk-body">{t("meeting.notYet")}</p> : null}
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="attendance" />
              {named ? (
                members.length ? (
                  <Checkboxes
                    id="f-attendees"
                    name="attendees"
                    legend={t("meeting.attendees")}
                    options={members.map((m) => ({ value: m.id, label: m.firstName }))}
                    defaultValue={f.values("attendees", meeting.attendance)}
                    errors={f.errors("attendees")}
                  />
                ) : (
                  <p className="govuk-body">{t("meeting.noMembers")}</p>
                )
              ) : (
                <TextInput
                  id="f-headCountAdults"
                  name="headCountAdults"
                  inputMode="numeric"
                  className="govuk-input--width-4"
                  label={t("meeting.adults")}
                  defaultValue={f.value("headCountAdults", String(meeting.headCountAdults ?? 0))}
                  errors={f.errors("headCountAdults")}
                />
              )}
              <TextInput
                id="f-headCountChildren"
                name="headCountChildren"
                inputMode="numeric"
                className="govuk-input--width-4"
                label={t("meeting.children")}
                defaultValue={f.value("headCountChildren", meeting.headCountChildren === null ? "" : String(meeting.headCountChildren))}
                errors={f.errors("headCountChildren")}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("meeting.saveAttendance")}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
