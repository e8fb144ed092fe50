import { useTranslation } from "react-i18next";
import { Checkboxes, Select } from "~/components/ui/choice-fields";
import { TextInput } from "~/components/ui/text-input";
import { LANGUAGES } from "~/utils/languages";
import { ROLES } from "~/utils/permissions";
import { translateErrors } from "~/utils/validation";

/** What the component needs of a Conform field. */
type Field = { id: string; name: string; initialValue?: unknown; errors?: string[] };

type Fields = { name: Field; email?: Field; roles: Field; teamId: Field; organisation: Field; preferredLanguage: Field };

/** The fields of a staff account, shared by the add and edit pages. */
export function UserFormFields({ fields, teams }: { fields: Fields; teams: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation(["admin", "common"]);
  const tr = (key: string) => t(key, { ns: ["admin", "common"] });
  return (
    <>
      <TextInput id={fields.name.id} name={fields.name.name} label={t("userForm.name")} defaultValue={(fields.name.initialValue as string) ?? ""} autoComplete="off" errors={translateErrors(tr, fields.name.errors)} />
      {fields.email ? (
        <TextInput
          id={fields.email.id}
          name={fields.email.name}
          type="email"
          label={t("userForm.email")}
          defaultValue={(fields.email.initialValue as string) ?? ""}
          spellCheck={false}
          autoComplete="off"
          errors={translateErrors(tr, fields.email.errors)}
        />
      ) : null}
      <Checkboxes
        id={fields.roles.id}
        name={fields.roles.name}
        legend={t("userForm.roles")}
        hint={t("userForm.rolesHint")}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: "common" }) }))}
        defaultValue={(fields.roles.initialValue as string[] | undefined) ?? []}
        errors={translateErrors(tr, fields.roles.errors)}
      />
      <Select
        id={fields.teamId.id}
        name={fields.teamId.name}
        label={t("userForm.team")}
        hint={t("userForm.teamHint")}
        options={[{ value: "", label: t("userForm.noTeam") }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
        defaultValue={(fields.teamId.initialValue as string) ?? ""}
        errors={translateErrors(tr, fields.teamId.errors)}
      />
      <TextInput
        id={fields.organisation.id}
        name={fields.organisation.name}
        label={t("userForm.organisation")}
        hint={t("userForm.organisationHint")}
        defaultValue={(fields.organisation.initialValue as string) ?? ""}
        errors={translateErrors(tr, fields.organisation.errors)}
      />
      <Select
        id={fields.preferredLanguage.id}
        name={fields.preferredLanguage.name}
        label={t("userForm.language")}
        options={LANGUAGES.map((l) => ({ value: l.code, label: `${l.name} (${t(`languages.${l.code}`, { ns: "common" })})` }))}
        defaultValue={(fields.preferredLanguage.initialValue as string) ?? "en"}
        errors={translateErrors(tr, fields.preferredLanguage.errors)}
      />
    </>
  );
}
