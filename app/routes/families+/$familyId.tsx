import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getFamilyPage } from "~/models/casework/family.server";
import { userHasPermission } from "~/utils/permissions";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "families", "casework", "dataprotection"] };

const ParamsSchema = z.object({ familyId: z.string().min(1).max(64).regex(/^[a-z0-9]+$/i) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.family.name} (${data.family.reference})` : "Family" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId } = parseParams(params, ParamsSchema);
  const { family, episodes } = await getFamilyPage(actor, familyId);
  return json({ family, episodes, canWrite: userHasPermission(actor.user, "write:family"), canExport: userHasPermission(actor.user, "manage:family") });
}

export default function FamilyPage() {
  const { family, episodes, canWrite, canExport } = useLoaderData<typeof loader>();
  const { t } = useTranslation("families");
  const dates = useDateLocale();
  const { t: tc } = useTranslation("casework");
  // Its own hook, so the namespace loads when this page is reached by client-side navigation.
  const { t: tdp } = useTranslation("dataprotection");
  const adults = family.members.filter((m) => m.kind === "adult");
  const children = family.members.filter((m) => m.kind === "child");
  return (
    <>
      <Link to="/families" className="govuk-back-link">
        {t("detail.back")}
      </Link>
      <span className="govuk-caption-l">
        <bdi>{family.reference}</bdi> · {family.team.name}
      </span>
      <h1 className="govuk-heading-l">
        <bdi>{family.name}</bdi>
      </h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.language")}</dt>
          <dd className="govuk-summary-list__value">{t(`languages.${family.preferredLanguage}`, { ns: "common" })}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("fields.address")}</dt>
          <dd className="govuk-summary-list__value">
            <bdi>{[family.addressLine1, family.town, family.postcode].filter(Boolean).join(", ") || t("detail.notRecorded")}</bdi>
          </dd>
        </div>
        {family.resettlementScheme ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("fields.resettlement")}</dt>
            <dd className="govuk-summary-list__value">
              {t(`schemes.${family.resettlementScheme}`)}
              {family.arrivalDate ? ` · ${t("detail.arrived", { date: formatDate(family.arrivalDate, dates) })}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      <ul className="govuk-list eh-action-links">
        {canWrite ? (
          <li>
            <Link className="govuk-link" to={`/families/${family.id}/contacts/new`}>
              {tc("family.recordContact")}
            </Link>
          </li>
        ) : null}
        {canWrite ? (
          <li>
            <Link className="govuk-link" to={`/families/${family.id}/notes/new`}>
              {tc("family.addNote")}
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to={`/families/${family.id}/chronology`}>
            {tc("family.chronology")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/families/${family.id}/consents`}>
            {tc("family.consents")}
          </Link>
        </li>
        {canWrite ? (
          <li>
            <Link className="govuk-link" to={`/families/${family.id}/members`}>
              {tc("family.members")}
            </Link>
          </li>
        ) : null}
        {canWrite ? <li><Link className="govuk-link" to={`/courses/enrol?familyId=${family.id}`}>{t("nav.enrolOnCourse", { ns: "common" })}</Link></li> : null}
        {canExport ? (
          <li>
            <Link className="govuk-link" to={`/families/${family.id}/export`}>
              {tdp("export.link")}
            </Link>
          </li>
        ) : null}
        {family.resettlementScheme ? (
          <li>
            <Link className="govuk-link" to={`/families/${family.id}/resettlement`}>
              {tc("family.resettlement")}
            </Link>
          </li>
        ) : null}
      </ul>
      <h2 className="govuk-heading-m">{tc("family.episodes")}</h2>
      {episodes.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{tc("family.episodes")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{tc("family.received")}</th>
              <th scope="col" className="govuk-table__header">{tc("contact.source")}</th>
              <th scope="col" className="govuk-table__header">{tc("family.status")}</th>
              <th scope="col" className="govuk-table__header">{tc("episode.practitioner")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {episodes.map((e) => (
              <tr key={e.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/families/${family.id}/contacts/${e.id}`}>
                    {formatDate(e.receivedOn, dates)}
                  </Link>
                </td>
                <td className="govuk-table__cell">{tc(`sources.${e.source}`)}</td>
                <td className="govuk-table__cell">
                  {tc(`statuses.${e.status}`)}
                  {e.reReferral ? (
                    <>
                      {" "}
                      <strong className="govuk-tag govuk-tag--orange">{tc("family.reReferral")}</strong>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{e.allocations[0] ? <bdi>{e.allocations[0].practitioner.name}</bdi> : tc("episode.unallocated")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{tc("family.noEpisodes")}</p>
      )}
      <h2 className="govuk-heading-m">{t("detail.adults")}</h2>
      <MemberTable members={adults} kind="adult" />
      <h2 className="govuk-heading-m">{t("detail.children")}</h2>
      <MemberTable members={children} kind="child" />
    </>
  );
}

type Member = ReturnType<typeof useLoaderData<typeof loader>>["family"]["members"][number];

function MemberTable({ members, kind }: { members: Member[]; kind: "adult" | "child" }) {
  const { t } = useTranslation("families");
  const dates = useDateLocale();
  if (!members.length) return <p className="govuk-body">{t("detail.none")}</p>;
  return (
    <table className="govuk-table">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("fields.memberName")}</th>
          {kind === "adult" ? (
            <>
              <th scope="col" className="govuk-table__header">{t("fields.relationship")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.phone")}</th>
            </>
          ) : (
            <>
              <th scope="col" className="govuk-table__header">{t("fields.dateOfBirth")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.school")}</th>
            </>
          )}
          <th scope="col" className="govuk-table__header">{t("fields.language")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {members.map((m) => (
          <tr key={m.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <bdi>
                {m.firstName} {m.lastName}
              </bdi>
            </td>
            {kind === "adult" ? (
              <>
                <td className="govuk-table__cell">{m.relationship ?? ""}</td>
                <td className="govuk-table__cell">
                  <bdi>{m.phone ?? ""}</bdi>
                </td>
              </>
            ) : (
              <>
                <td className="govuk-table__cell">{formatDate(m.dateOfBirth, dates)}</td>
                <td className="govuk-table__cell">
                  <bdi>{m.school ?? ""}</bdi>
                </td>
              </>
            )}
            <td className="govuk-table__cell">
              {(() => {
                const code = (kind === "adult" ? m.preferredLanguage : m.firstLanguage) ?? "";
                return code ? t(`languages.${code}`, { ns: "common", defaultValue: code }) : "";
              })()}
              {m.interpreterNeeded ? ` · ${t("detail.interpreter")}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
