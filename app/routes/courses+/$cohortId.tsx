import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { completeCohort, getCohortOverview } from "~/models/courses/cohort.server";
import { listCompletedParticipants, offerNextPlace } from "~/models/courses/enrolment.server";
import { listGroups } from "~/models/groups/group.server";
import { CohortActionSchema, CohortParamsSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate, formatNumber } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { LANGUAGES } from "~/utils/languages";
import { userHasPermission } from "~/utils/permissions";
import { parseParams, parseQuery } from "~/utils/query.server";
import { z } from "zod";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.overview.cohort.name ?? "Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:cohort");
  const { cohortId } = parseParams(params, CohortParamsSchema);
  const { invited, alreadyMembers } = parseQuery(request, InvitedQuerySchema);
  const overview = await getCohortOverview(actor, cohortId);
  // Course graduates can be invited to a peer support group by whoever may run groups.
  let invite: { graduates: Awaited<ReturnType<typeof listCompletedParticipants>>; groups: Array<{ id: string; name: string }> } | null = null;
  if (userHasPermission(actor.user, "write:group")) {
    const graduates = await listCompletedParticipants(actor, cohortId);
    if (graduates.length) {
      const groups = (await listGroups(actor)).filter((g) => g.status === "active").map((g) => ({ id: g.id, name: g.name }));
      invite = { graduates, groups };
    }
  }
  return json({ overview, invite, invited: invited ?? null, alreadyMembers: alreadyMembers ?? null });
}

const InvitedQuerySchema = z.object({ invited: z.coerce.number().int().min(0).max(1000).optional(), alreadyMembers: z.coerce.number().int().min(0).max(1000).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:cohort");
  const { cohortId } = parseParams(params, CohortParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: CohortActionSchema });
  if (submission.status !== "success") return invalid(submission);
  const intent = submission.value.intent;
  const result = await attempt(submission, async () => {
    if (intent === "complete") await completeCohort(actor, cohortId);
    else await offerNextPlace(actor, cohortId);
  });
  if (!result.ok) return result.response;
  return redirect(`/courses/${cohortId}`);
}

const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

export default function CohortPage() {
  const { overview: o, invite, invited, alreadyMembers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("courses");
  const dates = useDateLocale();
  const lng = i18n.language;
  const f = useCourseFormState(actionData?.result);
  const open = o.cohort.status === "planned" || o.cohort.status === "running";
  const pct = (x: number | null) => (x === null ? "–" : formatNumber(x, lng, { style: "percent", maximumFractionDigits: 0 }));
  const num = (x: number | null) => (x === null ? "–" : formatNumber(x, lng, { maximumFractionDigits: 2 }));
  return (
    <>
      <Link to="/courses" className="govuk-back-link">
        {t("backToCourses")}
      </Link>
      <ErrorSummary errors={f.summary} />
      <span className="govuk-caption-l">{o.programme.name}</span>
      <h1 className="govuk-heading-l">{o.cohort.name}</h1>
      {o.canManage && o.cohort.status !== "completed" ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/courses/${o.cohort.id}/edit`}>
            {t("editCohort.link")}
          </Link>
        </p>
      ) : null}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.status")}</dt>
          <dd className="govuk-summary-list__value">{t(`cohortStatus.${o.cohort.status}`)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.starts")}</dt>
          <dd className="govuk-summary-list__value">
            {formatDate(o.cohort.startDate, dates)} {o.cohort.startTime}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.where")}</dt>
          <dd className="govuk-summary-list__value">
            {o.cohort.venue}
            {o.cohort.venue && o.cohort.onlineLink ? <br /> : null}
            {o.cohort.onlineLink ? (
              <a className="govuk-link" href={o.cohort.onlineLink} rel="noreferrer">
                {t("cohort.onlineLink")}
              </a>
            ) : null}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.languages")}</dt>
          <dd className="govuk-summary-list__value">
            {o.cohort.languages.map(languageName).join(", ")}
            {o.cohort.interpreter ? (
              <>
                <br />
                {o.cohort.interpreter}
              </>
            ) : null}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.places")}</dt>
          <dd className="govuk-summary-list__value">
            {t("list.placesValue", { taken: o.placesTaken, capacity: o.cohort.capacity })} · {t("cohort.creche", { count: o.cohort.crechePlaces })}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.facilitators")}</dt>
          <dd className="govuk-summary-list__value">{o.facilitators.map((x) => (x.organisation ? `${x.name} (${x.organisation})` : x.name)).join(", ") || t("cohort.noFacilitators")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("cohort.completionRule")}</dt>
          <dd className="govuk-summary-list__value">{t(`completionRules.${o.programme.completionRule}`, { value: o.programme.completionValue })}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">{t("cohort.completionHeading")}</h2>
      <p className="govuk-body" data-testid="completion">
        {o.cohort.status === "completed"
          ? t("cohort.completionDone", { completed: o.completion.completed, active: o.completion.active, rate: pct(o.completion.rate) })
          : t("cohort.completionSoFar", { meeting: o.completion.meetingRule, active: o.completion.active })}
      </p>
      {open && o.canManage ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="complete" />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("cohort.complete")}
          </button>
        </Form>
      ) : null}

      <h2 className="govuk-heading-m">{t("cohort.sessionsHeading")}</h2>
      <div className="eh-courses-scroll">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("cohort.session")}</th>
              <th scope="col" className="govuk-table__header">{t("cohort.date")}</th>
              <th scope="col" className="govuk-table__header">{t("cohort.attendance")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {o.sessions.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/courses/${o.cohort.id}/sessions/${s.id}`}>
                    {t("cohort.sessionNumber", { number: s.number })}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {formatDate(s.date, dates)} {s.startTime}
                </td>
                <td className="govuk-table__cell">{s.cancelled ? t("cohort.cancelled") : s.marked ? t("cohort.presentOf", { present: s.present, marked: s.marked }) : t("cohort.notTaken")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m">{t("cohort.participantsHeading")}</h2>
      {open ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/courses/${o.cohort.id}/enrol`}>
            {t("cohort.enrol")}
          </Link>
        </p>
      ) : null}
      {o.participants.length ? (
        <div className="eh-courses-scroll">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("cohort.name")}</th>
                <th scope="col" className="govuk-table__header">{t("cohort.enrolmentStatus")}</th>
                <th scope="col" className="govuk-table__header">{t("cohort.attended")}</th>
                <th scope="col" className="govuk-table__header">{t("cohort.links")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {o.participants.map((p) => (
                <tr key={p.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/courses/${o.cohort.id}/participants/${p.id}`}>
                      {p.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    {t(`enrolmentStatus.${p.status}`)}
                    {p.withdrawnReason ? <span className="govuk-body-s"> ({p.withdrawnReason})</span> : null}
                  </td>
                  <td className="govuk-table__cell">
                    {p.status === "enrolled" || p.status === "completed" ? t("cohort.attendedValue", { attended: p.attended }) : "–"}
                    {p.status === "enrolled" && p.meetsRule ? <><br /><strong className="govuk-tag govuk-tag--green">{t("cohort.meetsRule")}</strong></> : null}
                  </td>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-body-s">
                      {p.familyId ? (
                        <li>
                          <Link className="govuk-link" to={`/families/${p.familyId}`}>
                            {t("cohort.familyRecord", { name: p.name })}
                          </Link>
                        </li>
                      ) : null}
                      {p.status === "completed" ? (
                        <li>
                          <Link className="govuk-link" to={`/courses/${o.cohort.id}/certificates/${p.id}`}>
                            {t("cohort.certificate", { name: p.name })}
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">{t("cohort.noParticipants")}</p>
      )}

      {invited !== null ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="invited-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="invited-title">
              {t("invite.doneTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("invite.done", { invited, already: alreadyMembers ?? 0 })}</p>
          </div>
        </div>
      ) : null}
      {invite ? (
        <section aria-labelledby="invite-heading">
          <h2 className="govuk-heading-m" id="invite-heading">
            {t("invite.heading")}
          </h2>
          <p className="govuk-body">{t("invite.intro", { count: invite.graduates.length })}</p>
          {invite.groups.length ? (
            <ul className="govuk-list">
              {invite.groups.map((g) => (
                <li key={g.id}>
                  <Form method="post" action={`/groups/${g.id}/invite`}>
                    <CsrfInput />
                    <input type="hidden" name="returnTo" value={`/courses/${o.cohort.id}`} />
                    {invite.graduates.map((p, i) => (
                      <div key={p.enrolmentId} hidden>
                        {p.familyMemberId ? <input type="hidden" name={`people[${i}].familyMemberId`} value={p.familyMemberId} /> : null}
                        <input type="hidden" name={`people[${i}].firstName`} value={p.name.split(/\s+/)[0] ?? p.name} />
                        {p.phone || p.email ? <input type="hidden" name={`people[${i}].contact`} value={p.phone || p.email || ""} /> : null}
                        <input type="hidden" name={`people[${i}].language`} value={p.preferredLanguage ?? "en"} />
                        <input type="hidden" name={`people[${i}].sourceCohortId`} value={o.cohort.id} />
                      </div>
                    ))}
                    <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                      {t("invite.button", { group: g.name })}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">{t("invite.noGroups")}</p>
          )}
        </section>
      ) : null}
      <h2 className="govuk-heading-m">{t("cohort.waitingHeading")}</h2>
      {o.waitingList.length ? (
        <>
          <ol className="govuk-list govuk-list--number">
            {o.waitingList.map((w) => (
              <li key={w.id}>
                <Link className="govuk-link" to={`/courses/${o.cohort.id}/participants/${w.id}`}>
                  {w.name}
                </Link>{" "}
                <span className="govuk-body-s">{t("cohort.waitingSince", { date: formatDate(w.waitingSince, dates) })}</span>
              </li>
            ))}
          </ol>
          {open ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="offerNext" />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("cohort.offerNext")}
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="govuk-body">{t("cohort.noWaiting")}</p>
      )}

      <h2 className="govuk-heading-m">{t("cohort.measuresHeading")}</h2>
      {o.change.map((c) => (
        <div key={c.key} className="govuk-summary-card" data-testid={`change-${c.key}`}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{c.name}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body">
              <strong>{t("cohort.basedOn", { count: c.basedOn })}</strong> {c.preOnly ? t("cohort.preOnly", { count: c.preOnly }) : null}
            </p>
            {c.basedOn ? (
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("cohort.meanPre")}</dt>
                  <dd className="govuk-summary-list__value">{num(c.meanPre)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("cohort.meanPost")}</dt>
                  <dd className="govuk-summary-list__value">{num(c.meanPost)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("cohort.meanChange")}</dt>
                  <dd className="govuk-summary-list__value">{num(c.meanChange)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("cohort.improved")}</dt>
                  <dd className="govuk-summary-list__value">{t("cohort.improvedValue", { improved: c.improved, count: c.basedOn, share: pct(c.improvedShare) })}</dd>
                </div>
              </dl>
            ) : null}
          </div>
        </div>
      ))}
      <h3 className="govuk-heading-s">{t("cohort.lackingPostHeading", { count: o.lackingPost.length })}</h3>
      {o.lackingPost.length ? (
        <ul className="govuk-list govuk-list--bullet" data-testid="lacking-post">
          {o.lackingPost.map((p) => (
            <li key={p.id}>
              <Link className="govuk-link" to={`/courses/${o.cohort.id}/participants/${p.id}#measures`}>
                {t("cohort.recordPostFor", { name: p.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
