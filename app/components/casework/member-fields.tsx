import { useTranslation } from "react-i18next";
import { Checkbox, DateField, Select } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { fieldId } from "~/components/ui/fields";
import type { useFormState } from "./form-state";

type Member = {
  kind?: string;
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  relationship?: string | null;
  phone?: string | null;
  school?: string | null;
  firstLanguage?: string | null;
  preferredLanguage?: string | null;
  interpreterNeeded?: boolean;
};

/** The fields of one family member; `prefix` is "" for a single member or "members[0]." in a list. */
export function MemberFields({ prefix, f, member }: { prefix: string; f: ReturnType<typeof useFormState>; member?: Member }) {
  const { t } = useTranslation("casework");
  const n = (name: string) => `${prefix}${name}`;
  const text = (name: keyof Member, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput id={fieldId(n(name))} name={n(name)} label={label} defaultValue={f.value(n(name), (member?.[name] as string | null | undefined) ?? undefined)} errors={f.errors(n(name))} {...extra} />
  );
  return (
    <>
      <Select
        name={n("kind")}
        label={t("member.kind")}
        defaultValue={f.value(n("kind"), member?.kind ?? "child")}
        errors={f.errors(n("kind"))}
        options={[
          { value: "adult", label: t("member.adult") },
          { value: "child", label: t("member.child") },
        ]}
      />
      {text("firstName", t("member.firstName"), { autoComplete: "off" })}
      {text("lastName", t("member.lastName"), { autoComplete: "off" })}
      <DateField name={n("dateOfBirth")} label={t("member.dateOfBirth")} defaultValue={f.value(n("dateOfBirth"), member?.dateOfBirth)} errors={f.errors(n("dateOfBirth"))} />
      {text("relationship", t("member.relationship"), { hint: t("member.relationshipHint") })}
      {text("phone", t("member.phone"), { type: "tel" })}
      {text("school", t("member.school"))}
      {text("firstLanguage", t("member.firstLanguage"), { className: "govuk-input--width-10" })}
      <Checkbox name={n("interpreterNeeded")} label={t("member.interpreterNeeded")} defaultChecked={f.checked(n("interpreterNeeded"), member?.interpreterNeeded ?? false)} />
    </>
  );
}
