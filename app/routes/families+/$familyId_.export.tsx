import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDateLocale } from "~/utils/use-date-locale";
import { FamilyCaption } from "~/components/casework/family-caption";
import { getSubjectAccessExport } from "~/models/data-protection/export.server";
import { FamilyParamsSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "families", "casework", "courses", "groups", "dataprotection"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.records.family.name}` : "Subject access export" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const records = await getSubjectAccessExport(actor, familyId, "html");
  const t = await getFixedT(request, "dataprotection");
  return json({ title: t("export.title"), records });
}

// A family's whole record: never kept by a browser or proxy cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

type Row = [label: string, value: ReactNode];

/** One record as a GOV.UK summary list; empty values are left out. */
function Fields({ rows }: { rows: Row[] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <dl className="govuk-summary-list eh-export-record">
      {shown.map(([label, value], i) => (
        <div key={i} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{label}</dt>
          <dd className="govuk-summary-list__value eh-pre-line">{typeof value === "string" ? <bdi>{value}</bdi> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation("dataprotection");
  return (
    <section aria-labelledby={`section-${id}`} className="eh-export-section">
      <h2 className="govuk-heading-m" id={`section-${id}`}>
        {title}
      </h2>
      {count ? children : <p className="govuk-body">{t("export.none")}</p>}
    </section>
  );
}

function Item({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="eh-export-item">
      <h3 className="govuk-heading-s">{title}</h3>
      {children}
    </div>
  );
}

export default function SubjectAccessExport() {
  const { records: r } = useLoaderData<typeof loader>();
  // Every namespace the page borrows labels from, so they load on client-side navigation too.
  const { t, i18n } = useTranslation(["dataprotection", "casework", "courses", "groups", "families", "common"]);
  const lng = useDateLocale();
  const cw = (key: string, values?: Record<string, unknown>) => t(key, { ns: "casework", ...values });
  const co = (key: string, values?: Record<string, unknown>) => t(key, { ns: "courses", ...values });
  const gr = (key: string) => t(key, { ns: "groups" });
  const fa = (key: string) => t(key, { ns: "families" });
  const date = (v: string | null | undefined) => (v ? formatDate(v, lng) : null);
  const yesNo = (v: boolean) => (v ? cw("common.yes") : cw("common.no"));
  const language = (code: string | null | undefined) => (code ? t(`languages.${code}`, { ns: "common", defaultValue: code }) : null);

  return (
    <>
      <Link to={`/families/${r.familyId}`} className="govuk-back-link eh-no-print">
        {cw("common.backToFamily")}
      </Link>
      <FamilyCaption family={r.family} />
      <h1 className="govuk-heading-l">{t("export.title")}</h1>
      <p className="govuk-body">{t("export.intro")}</p>
      <p className="govuk-body">{t("export.exportedBy", { name: r.exportedBy, date: formatDateTime(r.exportedAt, lng) })}</p>
      <ul className="govuk-list eh-no-print">
        <li>
          <a className="govuk-link" href={`/families/${r.familyId}/export.json`} download>
            {t("export.downloadJson")}
          </a>
        </li>
        <li>{t("export.printHint")}</li>
      </ul>

      <Section id="family" title={t("export.sections.family")} count={1}>
        <Fields
          rows={[
            [fa("fields.reference"), r.family.reference],
            [fa("fields.name"), r.family.name],
            [t("export.fields.team"), r.family.team],
            [fa("fields.address"), [r.family.addressLine1, r.family.town, r.family.postcode].filter(Boolean).join(", ")],
            [fa("fields.language"), language(r.family.preferredLanguage)],
            [fa("fields.resettlement"), r.family.resettlementScheme ? fa(`schemes.${r.family.resettlementScheme}`) : null],
            [cw("newFamily.arrivalDate"), date(r.family.arrivalDate)],
            [t("export.fields.createdAt"), formatDateTime(r.family.createdAt, lng)],
            [t("export.fields.updatedAt"), formatDateTime(r.family.updatedAt, lng)],
          ]}
        />
      </Section>

      <Section id="members" title={t("export.sections.members")} count={r.members.length}>
        {r.members.map((m, i) => (
          <Item key={i} title={`${m.firstName} ${m.lastName}`}>
            <Fields
              rows={[
                [cw("member.kind"), cw(`member.${m.kind}`)],
                [cw("member.dateOfBirth"), date(m.dateOfBirth)],
                [cw("member.relationship"), m.relationship],
                [cw("member.phone"), m.phone],
                [t("export.fields.email"), m.email],
                [fa("fields.language"), language(m.preferredLanguage)],
                [cw("member.firstLanguage"), language(m.firstLanguage)],
                [cw("member.interpreterNeeded"), yesNo(m.interpreterNeeded)],
                [cw("member.school"), m.school],
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="contacts" title={t("export.sections.contacts")} count={r.contacts.length}>
        {r.contacts.map((c, i) => (
          <Item key={i} title={cw("episode.heading", { date: date(c.receivedOn) })}>
            <Fields
              rows={[
                [cw("contact.source"), cw(`sources.${c.source}`)],
                [cw("contact.sourceDetail"), c.sourceDetail],
                [cw("contact.reason"), c.reason],
                [cw("family.status"), cw(`statuses.${c.status}`)],
                [cw("family.reReferral"), c.reReferral ? date(c.previousClosedOn) ?? cw("common.yes") : null],
                [t("export.fields.request"), c.request ? c.request.reference : null],
                [cw("request.referrerAgency"), c.request?.referrerAgency],
                [cw("request.children"), c.request?.children],
                [cw("request.concern"), c.request?.concern],
                [cw("triage.consents"), c.request ? yesNo(c.request.familyConsents) : null],
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="consents" title={t("export.sections.consents")} count={r.consents.length}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("export.sections.consents")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{cw("consent.recordedOn")}</th>
              <th scope="col" className="govuk-table__header">{cw("consent.purpose")}</th>
              <th scope="col" className="govuk-table__header">{cw("consent.status")}</th>
              <th scope="col" className="govuk-table__header">{t("export.fields.details")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {r.consents.map((c, i) => (
              <tr key={i} className="govuk-table__row">
                <td className="govuk-table__cell">{date(c.recordedOn)}</td>
                <td className="govuk-table__cell">
                  {cw(`consentPurposes.${c.purpose}`)}
                  {c.agencyName ? (
                    <>
                      {" "}
                      (<bdi>{c.agencyName}</bdi>)
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{cw(`consentStatuses.${c.status}`)}</td>
                <td className="govuk-table__cell eh-pre-line">
                  {[c.member, c.overrideReason, c.overrideLead].filter(Boolean).map((v, j) => (
                    <span key={j} className="eh-block">
                      <bdi>{v}</bdi>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="decisions" title={t("export.sections.decisions")} count={r.decisions.length}>
        {r.decisions.map((d, i) => (
          <Item key={i} title={`${cw(`stages.${d.stage}`)}: ${cw(`outcomes.${d.outcome}`)}`}>
            <Fields
              rows={[
                [t("export.fields.decidedBy"), cw("decision.by", { name: d.decidedBy, date: formatDateTime(d.decidedAt, lng) })],
                [cw("decision.rationale"), d.rationale],
                [cw("decision.pathway"), d.pathway],
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="allocations" title={t("export.sections.allocations")} count={r.allocations.length}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("export.sections.allocations")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{cw("episode.practitioner")}</th>
              <th scope="col" className="govuk-table__header">{cw("episode.from")}</th>
              <th scope="col" className="govuk-table__header">{cw("episode.to")}</th>
              <th scope="col" className="govuk-table__header">{cw("episode.allocatedBy")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {r.allocations.map((a, i) => (
              <tr key={i} className="govuk-table__row">
                <td className="govuk-table__cell"><bdi>{a.practitioner}</bdi></td>
                <td className="govuk-table__cell">{date(a.startedAt)}</td>
                <td className="govuk-table__cell">{a.endedAt ? date(a.endedAt) : cw("episode.current")}</td>
                <td className="govuk-table__cell"><bdi>{a.allocatedBy}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="assessments" title={t("export.sections.assessments")} count={r.assessments.length}>
        {r.assessments.map((a, i) => (
          <Item key={i} title={`${cw("assessment.title")} (${cw(`assessmentStatuses.${a.status}`)})`}>
            <Fields
              rows={[
                [t("export.fields.dueOn"), date(a.dueOn)],
                [t("export.fields.signedOff"), a.signedOffBy ? cw("decision.by", { name: a.signedOffBy, date: date(a.signedOffAt) }) : null],
                [cw("assessment.strengths"), a.strengths],
                [cw("assessment.risks"), a.risks],
                [cw("assessment.parentsViews"), a.parentsViews],
                [cw("assessment.analysis"), a.analysis],
                ...a.needs.map((n): Row => [cw(`needs.${n.outcome}`), [n.severity ? cw(`severity.${n.severity}`) : cw("assessment.severityNone"), n.notes].filter(Boolean).join("\n")]),
                ...a.childVoices.map((v): Row => [
                  `${cw("assessment.childVoice")}: ${v.member}`,
                  [v.wishesAndFeelings, `${cw("assessment.seenAlone")}: ${yesNo(v.seenAlone)}`, v.directWorkTool ? `${cw("assessment.directWork")}: ${v.directWorkTool}` : ""].filter(Boolean).join("\n"),
                ]),
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="plans" title={t("export.sections.plans")} count={r.plans.length}>
        {r.plans.map((p, i) => (
          <Item key={i} title={`${cw("plan.title")} (${date(p.startedOn)})`}>
            <Fields
              rows={[
                [cw("episode.nextReview"), date(p.nextReviewOn)],
                ...p.outcomes.map((o): Row => [`${cw("plan.outcome")}: ${cw(`needs.${o.need}`)}`, o.description]),
                ...p.actions.map((a): Row => [
                  cw("plan.action"),
                  [a.description, `${cw("plan.owner")}: ${a.owner} (${a.agency})`, `${cw("plan.dueOn")}: ${date(a.dueOn)}`, `${cw("plan.status")}: ${cw(`actionStatuses.${a.status}`)}${a.completedOn ? ` (${date(a.completedOn)})` : ""}`].join("\n"),
                ]),
                ...p.meetings.map((m): Row => [`${cw("plan.meetings")}: ${date(m.heldOn)}`, [cw("plan.attendeesShown", { attendees: m.attendees }), m.minutes].join("\n")]),
                ...p.reviews.map((rv, n): Row => [
                  cw("plan.reviewN", { n: n + 1, date: date(rv.heldOn) }),
                  [rv.summary, ...rv.scores.map((s) => `${s.outcome}: ${s.score}/10`)].filter(Boolean).join("\n"),
                ]),
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="notes" title={t("export.sections.caseNotes")} count={r.caseNotes.length}>
        {r.caseNotes.map((n, i) => (
          <Item key={i} title={`${date(n.occurredOn)}: ${n.purpose}`}>
            <Fields
              rows={[
                [cw("note.type"), cw(`visitTypes.${n.type}`)],
                [cw("note.whoSeen"), n.whoSeen],
                [cw("note.childSeenAlone"), yesNo(n.childSeenAlone)],
                [cw("note.whatHappened"), n.whatHappened],
                [cw("note.childVoice"), n.childVoice],
                [cw("note.differenceMade"), n.differenceMade],
                [cw("note.nextSteps"), n.nextSteps],
                [t("export.fields.author"), n.author],
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="closures" title={t("export.sections.closures")} count={r.closures.length}>
        {r.closures.map((c, i) => (
          <Item key={i} title={`${cw("episode.closed")}: ${date(c.closedOn)}`}>
            <Fields
              rows={[
                [cw("closure.reason"), cw(`closureReasons.${c.reason}`)],
                [cw("closure.summary"), c.summary],
                [t("export.fields.signedOff"), c.signedOffBy],
                ...c.outcomes.map((o): Row => [cw(`needs.${o.need}`), cw(`needResults.${o.result}`)]),
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="resettlement" title={t("export.sections.resettlement")} count={r.resettlementTasks.length}>
        <Fields rows={r.resettlementTasks.map((task): Row => [cw(`resettlement.items.${task.item}`), [date(task.doneOn) ?? t("export.outstanding"), task.notes].filter(Boolean).join("\n")])} />
      </Section>

      <Section id="courses" title={t("export.sections.courses")} count={r.courseEnrolments.length}>
        {r.courseEnrolments.map((e, i) => (
          <Item key={i} title={`${e.course} (${e.programme})`}>
            <Fields
              rows={[
                [co("enrol.name"), e.name],
                [co("cohort.starts"), date(e.startDate)],
                [co("enrol.status"), co(`enrolmentStatus.${e.status}`)],
                [co("enrol.language"), language(e.preferredLanguage)],
                [co("participant.withdrawnReason"), e.withdrawnReason],
                [co("participant.attendanceHeading"), e.attendance.map((a) => `${t("export.session", { n: a.session, date: date(a.date) })}: ${co(`attendance.${a.status}`)}`).join("\n")],
                [co("participant.measuresHeading"), e.measures.map((m) => `${m.measureKey} (${co(`timepoint.${m.timepoint}`)}, ${date(m.recordedOn)}): ${m.score}`).join("\n")],
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="groups" title={t("export.sections.groups")} count={r.groupMemberships.length}>
        {r.groupMemberships.map((g, i) => (
          <Item key={i} title={g.group}>
            <Fields
              rows={[
                [gr("fields.firstName"), g.firstName],
                [gr("fields.language"), language(g.language)],
                [gr("member.consent"), yesNo(g.consentToContact)],
                [gr("member.source"), gr(`sources.${g.source}`)],
                [gr("member.joinedOn"), date(g.joinedOn)],
                [t("export.fields.leftOn"), date(g.leftOn)],
                [gr("fields.attended"), g.meetingsAttended.map((m) => `${date(m.heldOn)}: ${m.topic}`).join("\n")],
              ]}
            />
          </Item>
        ))}
      </Section>

      <Section id="surveys" title={t("export.sections.surveys")} count={r.surveyInvitations.length}>
        <Fields
          rows={r.surveyInvitations.map((s): Row => [
            String(s.year),
            [language(s.language), s.sentAt ? t("export.sent", { date: date(s.sentAt) }) : t("export.notSent"), s.completed ? t("export.completed") : ""].filter(Boolean).join("\n"),
          ])}
        />
        <p className="govuk-body">{t("export.surveyNote")}</p>
      </Section>
    </>
  );
}
