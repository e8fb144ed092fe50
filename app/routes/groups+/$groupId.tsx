import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getGroupPage } from "~/models/groups/group.server";
import { GroupParamsSchema } from "~/models/groups/schemas";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.group.name ?? "Group" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:group");
  const { groupId } = parseParams(params, GroupParamsSchema);
  const page = await getGroupPage(actor, groupId);
  const today = new Date().toISOString().slice(0, 10);
  return json({
    ...page,
    today,
    canWrite: userHasPermission(actor.user, "write:group"),
    canManage: userHasPermission(actor.user, "manage:group"),
  });
}

// Dates and numbers come from Intl, whose locale data differs between Node and Chromium
// (Pashto digits and month names, for one), so that text keeps the server's rendering
// (suppressHydrationWarning) rather than failing hydration. Same on the other group pages.
export default function GroupPage() {
  const { group, details, leaders, members, formerMembers, meetings, followUps, canWrite, canManage, today } = useLoaderData<typeof loader>();
  const canEditMembers = canWrite && details;
  const { t, i18n } = useTranslation("groups");
  const dates = useDateLocale();
  const lng = useDateLocale();
  const facilitators = leaders.filter((l) => l.role === "facilitator");
  const champions = leaders.filter((l) => l.role === "parent_champion");
  return (
    <>
      <Link to="/groups" className="govuk-back-link">
        {t("backToGroups")}
      </Link>
      <h1 className="govuk-heading-l">
        <bdi>{group.name}</bdi>
      </h1>
      <div className="eh-groups-actions">
        {canWrite ? (
          <>
            <Link to={`/groups/${group.id}/meetings/new`} className="govuk-button" data-module="govuk-button">
              {t("group.recordMeeting")}
            </Link>
            <Link to={`/groups/${group.id}/members/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("group.addMember")}
            </Link>
          </>
        ) : null}
        <Link to={`/groups/${group.id}/reach`} className="govuk-link govuk-body">
          {t("group.reach")}
        </Link>
        {canManage ? (
          <Link to={`/groups/${group.id}/edit`} className="govuk-link govuk-body">
            {t("staff.group.edit")}
          </Link>
        ) : null}
      </div>
      <dl className="govuk-summary-list">
        {group.purpose ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("fields.purpose")}</dt>
            <dd className="govuk-summary-list__value">{group.purpose}</dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.languages")}</dt>
          <dd className="govuk-summary-list__value">{group.languages.map((l) => t(`languages.${l}`, { ns: "common" })).join(", ")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.pattern")}</dt>
          <dd className="govuk-summary-list__value">{group.meetingPattern || "–"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.venue")}</dt>
          <dd className="govuk-summary-list__value">{group.venue || "–"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.audience")}</dt>
          <dd className="govuk-summary-list__value">{group.audienceTags.map((a) => t(`audience.${a}`)).join(", ") || "–"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.facilitators")}</dt>
          <dd className="govuk-summary-list__value">{facilitators.map((l) => l.name).join(", ") || "–"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.champions")}</dt>
          <dd className="govuk-summary-list__value">{champions.map((l) => l.name).join(", ") || "–"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.status")}</dt>
          <dd className="govuk-summary-list__value">{t(`status.${group.status}`)}</dd>
        </div>
      </dl>

      {details && followUps.length ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-m">{t("staff.followUps.title")}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {followUps.map((f) => (
              <li key={f.id}>
                {f.description}{" "}
                <Link className="govuk-link" to={`/groups/${group.id}/meetings/${f.meetingId}`}>
                  <span suppressHydrationWarning>{t("staff.followUps.from", { date: formatDate(f.heldOn, dates) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">{t("group.meetingsHeading")}</h2>
      {meetings.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("group.meetingsHeading")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("fields.date")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.topic")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.language")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.attendance")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {meetings.map((m) => (
              <tr key={m.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/groups/${group.id}/meetings/${m.id}`}>
                    <span suppressHydrationWarning>{formatDate(m.heldOn, dates)}</span>
                  </Link>
                  {m.heldOn.slice(0, 10) > today ? <strong className="govuk-tag govuk-tag--blue govuk-!-margin-inline-start-2">{t("group.planned")}</strong> : null}
                </td>
                <td className="govuk-table__cell">
                  <bdi>{m.topic}</bdi>
                </td>
                <td className="govuk-table__cell">{t(`languages.${m.language}`, { ns: "common" })}</td>
                <td className="govuk-table__cell" suppressHydrationWarning>
                  {m.attendanceMode === "named"
                    ? t("group.namedCount", { count: m._count.attendance })
                    : t("group.headCount", { adults: m.headCountAdults ?? 0, children: m.headCountChildren ?? 0 })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("group.noMeetings")}</p>
      )}

      <h2 className="govuk-heading-m">{t("group.membersHeading")}</h2>
      <p className="govuk-body" suppressHydrationWarning>{t("group.membersCount", { count: members.length })}</p>
      {members.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("group.membersHeading")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("fields.firstName")}</th>
              {details ? (
                <>
                  <th scope="col" className="govuk-table__header">{t("fields.language")}</th>
                  <th scope="col" className="govuk-table__header">{t("staff.fields.contact")}</th>
                  <th scope="col" className="govuk-table__header">{t("staff.fields.source")}</th>
                  <th scope="col" className="govuk-table__header">{t("staff.fields.joined")}</th>
                </>
              ) : null}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("fields.attended")}</th>
              {canEditMembers ? (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">{t("memberEdit.actions")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {members.map((m) => (
              <tr key={m.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <bdi>{m.lastName ? `${m.firstName} ${m.lastName}` : m.firstName}</bdi>
                  {m.familyId ? (
                    <>
                      {" "}
                      <Link className="govuk-link govuk-body-s" to={`/families/${m.familyId}`}>
                        <bdi>{m.familyReference}</bdi>
                      </Link>
                    </>
                  ) : null}
                </td>
                {details ? (
                  <>
                    <td className="govuk-table__cell">{m.language ? t(`languages.${m.language}`, { ns: "common" }) : ""}</td>
                    <td className="govuk-table__cell">
                      {m.consentToContact ? (m.contact ? <bdi>{m.contact}</bdi> : m.familyId ? t("staff.fields.onFamilyRecord") : "–") : t("staff.fields.noConsent")}
                    </td>
                    <td className="govuk-table__cell">{m.source ? t(`sources.${m.source}`) : ""}</td>
                    <td className="govuk-table__cell" suppressHydrationWarning>
                      {m.joinedOn ? formatDate(m.joinedOn, dates) : ""}
                    </td>
                  </>
                ) : null}
                <td className="govuk-table__cell govuk-table__cell--numeric" suppressHydrationWarning>{formatNumber(m.attended, lng)}</td>
                {canEditMembers ? (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/groups/${group.id}/members/${m.id}`}>
                      {t("memberEdit.change")}
                      <span className="govuk-visually-hidden">
                        {" "}
                        <bdi>{m.firstName}</bdi>
                      </span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("group.noMembers")}</p>
      )}
      {details && formerMembers.length ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("memberEdit.former", { count: formerMembers.length })}</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {formerMembers.map((m) => (
                <li key={m.id} suppressHydrationWarning>
                  {canEditMembers ? (
                    <Link className="govuk-link" to={`/groups/${group.id}/members/${m.id}`}>
                      <bdi>{m.firstName}</bdi>
                    </Link>
                  ) : (
                    <bdi>{m.firstName}</bdi>
                  )}{" "}
                  {t("memberEdit.leftOn", { date: formatDate(m.leftOn, lng) })}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </>
  );
}
