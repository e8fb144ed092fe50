import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** GOV.UK pagination: previous, "Page n of m", next. Nothing when there is one page. Needs the "common" namespace. */
export function Pagination({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  const { t } = useTranslation("common");
  if (pageCount <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">{t("pagination.previous")}</span>
          </Link>
        </div>
      ) : null}
      <p className="govuk-body govuk-!-margin-bottom-0">{t("pagination.pageOf", { page, pageCount })}</p>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">{t("pagination.next")}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
