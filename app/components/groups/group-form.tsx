import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { Checkboxes } from "~/components/ui/choice-fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Radios, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { AUDIENCE_TAGS, GROUP_STATUSES } from "~/models/groups/schemas";
import { LANGUAGES } from "~/utils/languages";
import { useGroupFormState } from "./form-state";

type Candidate = { id: string; name: string; organisation?: string | null };
export type GroupFormValues = {
  name: string;
  purpose: string;
  languages: string[];
  meetingPattern: string;
  venue: string;
  audienceTags: string[];
  status: string;
  facilitatorIds: string[];
  championIds: string[];
  version?: number;
};

/** The create and edit form for a group (lead only, English staff strings). */
export function GroupForm({ reply, initial, candidates, submitLabel }: { reply: FormReply; initial?: GroupFormValues; candidates: { facilitators: Candidate[]; champions: Candidate[] }; submitLabel: string }) {
  const { t } = useTranslation("groups");
  const f = useGroupFormState(reply);
  return (
    <>
      <ErrorSummary errors={f.summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        {initial?.version ? <input type="hidden" name="version" value={initial.version} /> : null}
        <TextInput id="f-name" name="name" label={t("staff.form.name")} defaultValue={f.value("name", initial?.name)} errors={f.errors("name")} />
        <TextArea name="purpose" label={t("staff.form.purpose")} hint={t("staff.form.purposeHint")} defaultValue={f.value("purpose", initial?.purpose)} errors={f.errors("purpose")} rows={3} />
        <Checkboxes
          id="f-languages"
          name="languages"
          legend={t("staff.form.languages")}
          hint={t("staff.form.languagesHint")}
          options={LANGUAGES.map((l) => ({ value: l.code, label: t(`languages.${l.code}`, { ns: "common" }) }))}
          defaultValue={f.values("languages", initial?.languages ?? [])}
          errors={f.errors("languages")}
        />
        <TextInput id="f-meetingPattern" name="meetingPattern" label={t("staff.form.pattern")} hint={t("staff.form.patternHint")} defaultValue={f.value("meetingPattern", initial?.meetingPattern)} errors={f.errors("meetingPattern")} />
        <TextInput id="f-venue" name="venue" label={t("staff.form.venue")} defaultValue={f.value("venue", initial?.venue)} errors={f.errors("venue")} />
        <Checkboxes
          id="f-audienceTags"
          name="audienceTags"
          legend={t("staff.form.audience")}
          options={AUDIENCE_TAGS.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
          defaultValue={f.values("audienceTags", initial?.audienceTags ?? [])}
          errors={f.errors("audienceTags")}
        />
        <Radios
          name="status"
          legend={t("fields.status")}
          inline
          defaultValue={f.value("status", initial?.status ?? "active")}
          errors={f.errors("status")}
          options={GROUP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Checkboxes
          id="f-facilitatorIds"
          name="facilitatorIds"
          legend={t("staff.form.facilitators")}
          hint={t("staff.form.facilitatorsHint")}
          options={candidates.facilitators.map((c) => ({ value: c.id, label: c.organisation ? `${c.name} (${c.organisation})` : c.name }))}
          defaultValue={f.values("facilitatorIds", initial?.facilitatorIds ?? [])}
          errors={f.errors("facilitatorIds")}
        />
        <Checkboxes
          id="f-championIds"
          name="championIds"
          legend={t("staff.form.champions")}
          hint={t("staff.form.championsHint")}
          options={candidates.champions.map((c) => ({ value: c.id, label: c.name }))}
          defaultValue={f.values("championIds", initial?.championIds ?? [])}
          errors={f.errors("championIds")}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
