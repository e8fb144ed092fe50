import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type CaseloadRowView = {
  familyId: string;
  reference: string;
  familyName: string;
  contactId: string;
  status: string;
  practitioner: string | null;
  reReferral: boolean;
  overdue: { assessment: boolean; actions: number; review: boolean };
};

/** Open cases with their overdue work, for my caseload and the team's. */
export function CaseloadTable({ rows, showPractitioner, caption }: { rows: CaseloadRowView[]; showPractitioner?: boolean; caption: string }) {
  const { t } = useTranslation("casework");
  if (!rows.length) return <p className="govuk-body">{t("caseload.none")}</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("caseload.family")}</th>
          <th scope="col" className="govuk-table__header">{t("family.status")}</th>
          {showPractitioner ? <th scope="col" className="govuk-table__header">{t("episode.practitioner")}</th> : null}
          <th scope="col" className="govuk-table__header">{t("caseload.overdue")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr key={r.contactId} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/families/${r.familyId}/contacts/${r.contactId}`}>
                <bdi>{r.familyName}</bdi>
              </Link>{" "}
              <span className="govuk-hint govuk-!-margin-0">
                <bdi>{r.reference}</bdi>
              </span>
            </td>
            <td className="govuk-table__cell">
              {t(`statuses.${r.status}`)}
              {r.reReferral ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--orange">{t("family.reReferral")}</strong>
                </>
              ) : null}
            </td>
            {showPractitioner ? <td className="govuk-table__cell">{r.practitioner ? <bdi>{r.practitioner}</bdi> : t("episode.unallocated")}</td> : null}
            <td className="govuk-table__cell">
              <ul className="govuk-list govuk-!-margin-0">
                {r.overdue.assessment ? (
                  <li>
                    <strong className="govuk-tag govuk-tag--red">{t("caseload.assessmentOverdue")}</strong>
                  </li>
                ) : null}
                {r.overdue.actions ? (
                  <li>
                    <strong className="govuk-tag govuk-tag--red">{t("caseload.actionsOverdue", { count: r.overdue.actions })}</strong>
                  </li>
                ) : null}
                {r.overdue.review ? (
                  <li>
                    <strong className="govuk-tag govuk-tag--red">{t("caseload.reviewOverdue")}</strong>
                  </li>
                ) : null}
                {!r.overdue.assessment && !r.overdue.actions && !r.overdue.review ? <li>{t("caseload.nothingOverdue")}</li> : null}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
