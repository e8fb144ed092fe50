import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/languages";
import { ROLES } from "~/utils/permissions";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "userForm.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

export const UserFieldsSchema = {
  name: z.string({ error: "userForm.errors.nameRequired" }).trim().min(1, "userForm.errors.nameRequired").max(120, "userForm.errors.tooLong"),
  roles: z.array(z.enum(ROLES, { error: "userForm.errors.rolesRequired" }), { error: "userForm.errors.rolesRequired" }).min(1, "userForm.errors.rolesRequired").max(ROLES.length),
  teamId: optionalText(40),
  organisation: optionalText(120),
  preferredLanguage: z.enum(LANGUAGE_CODES, { error: "userForm.errors.language" }),
};

/** Adding a staff account. */
export const NewUserSchema = z.strictObject(
  {
    ...UserFieldsSchema,
    email: z.string({ error: "userForm.errors.emailRequired" }).trim().max(254, "userForm.errors.emailInvalid").pipe(z.email("userForm.errors.emailInvalid")),
  },
  { error: "errors.unknownField" },
);

/** Editing one: the email is the sign-in identity and does not change here. */
export const EditUserSchema = z.strictObject({ intent: z.literal("save"), ...UserFieldsSchema }, { error: "errors.unknownField" });
