import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "casework"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Request sent" }];

const QuerySchema = z.strictObject({ ref: z.string().regex(/^RFS-[A-Z0-9]{8}$/) });

/** Shows only the reference: nothing about the family or what was sent comes back. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ref } = parseQuery(request, QuerySchema);
  const t = await getFixedT(request, "casework");
  return json({ title: t("request.sentTitle"), ref });
}

export default function RequestSent() {
  const { ref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("request.sentTitle")}</h1>
          <div className="govuk-panel__body">
            {t("request.yourReference")}
            <br />
            <strong>
              <bdi>{ref}</bdi>
            </strong>
          </div>
        </div>
        <p className="govuk-body">{t("request.whatNext")}</p>
      </div>
    </div>
  );
}
