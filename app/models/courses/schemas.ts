import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/languages";
import { parseIsoDate } from "~/models/casework/rules";

/**
 * Zod schemas for the course forms, shared by routes and tests. Error messages are keys
 * in the `courses` namespace. Conform turns empty fields into undefined.
 */

export const ENROLMENT_STATUSES = ["referred", "offered", "enrolled", "waiting", "withdrawn", "completed"] as const;
/** Statuses a person can choose when enrolling or changing an enrolment (completion is computed). */
export const CHOOSABLE_STATUSES = ["referred", "offered", "enrolled", "waiting", "withdrawn"] as const;
export const ATTENDANCE_STATUSES = ["present", "absent", "apologies"] as const;
export const COHORT_STATUSES = ["planned", "running", "completed", "cancelled"] as const;
export const COMPLETION_RULES = ["min_sessions", "percentage"] as const;

const text = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const int = (min: number, max: number) =>
  z.coerce.number({ error: "errors.number" }).int("errors.number").min(min, "errors.numberRange").max(max, "errors.numberRange");
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const dateField = z
  .string({ error: "errors.dateRequired" })
  .trim()
  .transform((v, ctx) => {
    const d = parseIsoDate(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "errors.dateInvalid" });
      return z.NEVER;
    }
    return d;
  });
const timeField = z.string({ error: "errors.timeInvalid" }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errors.timeInvalid");
const language = z.enum(LANGUAGE_CODES, { error: "errors.language" });
export const IdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

const programmeFields = {
  name: text(200),
  description: text(2000),
  sessionCount: int(1, 52),
  sessionMinutes: int(15, 480),
  completionRule: z.enum(COMPLETION_RULES, { error: "errors.completionRule" }),
  completionValue: int(1, 100),
  measureKeys: list(z.string().regex(/^[a-z_]{2,40}$/)).default([]),
  languages: list(language).pipe(z.array(language).min(1, "errors.languagesRequired")),
};
const completionWithinSessions = {
  check: (p: { completionRule?: string; completionValue?: number; sessionCount?: number }) =>
    p.completionRule !== "min_sessions" || p.completionValue === undefined || p.sessionCount === undefined || p.completionValue <= p.sessionCount,
  params: { message: "errors.completionAboveSessions", path: ["completionValue"] },
};

export const ProgrammeSchema = z.strictObject(programmeFields).refine(completionWithinSessions.check, completionWithinSessions.params);

/**
 * Changing a programme. Its sessions, completion rule and measures are absent from the
 * form once cohorts use it (they would rewrite those cohorts' figures), so they are
 * optional here and the model decides: required when unused, refused if changed when used.
 */
export const ProgrammeEditSchema = z
  .strictObject({
    ...programmeFields,
    sessionCount: programmeFields.sessionCount.optional(),
    completionRule: programmeFields.completionRule.optional(),
    completionValue: programmeFields.completionValue.optional(),
    measureKeys: list(z.string().regex(/^[a-z_]{2,40}$/)).optional(),
    version: z.coerce.number({ error: "errors.badVersion" }).int().min(1),
  })
  .refine(completionWithinSessions.check, completionWithinSessions.params);
export type ProgrammeEditInput = z.infer<typeof ProgrammeEditSchema>;
export type ProgrammeInput = z.infer<typeof ProgrammeSchema>;

export const CohortSchema = z
  .strictObject({
    programmeId: IdSchema,
    name: text(200),
    startDate: dateField,
    startTime: timeField,
    venue: optionalText(300),
    onlineLink: z.string().trim().max(500).pipe(z.url({ protocol: /^https$/, error: "errors.linkInvalid" })).optional(),
    languages: list(language).pipe(z.array(language).min(1, "errors.languagesRequired")),
    interpreter: optionalText(300),
    crechePlaces: int(0, 100).default(0),
    capacity: int(1, 200),
    facilitatorIds: list(IdSchema).default([]),
  })
  .refine((c) => c.venue || c.onlineLink, { message: "errors.venueOrLink", path: ["venue"] });
export type CohortInput = z.infer<typeof CohortSchema>;

export const EnrolSchema = z
  .strictObject({
    familyId: IdSchema.optional(),
    familyMemberId: IdSchema.optional(),
    name: optionalText(200),
    phone: optionalText(40),
    email: z.string().trim().max(254).pipe(z.email("errors.emailInvalid")).optional(),
    preferredLanguage: language.default("en"),
    status: z.enum(["referred", "offered", "enrolled", "waiting"], { error: "errors.status" }),
  })
  .refine((e) => e.familyMemberId || e.name, { message: "errors.nameRequired", path: ["name"] })
  .refine((e) => !e.familyMemberId || e.familyId, { message: "errors.notFound", path: ["familyMemberId"] })
  .refine((e) => e.familyMemberId || e.phone || e.email, { message: "errors.contactRequired", path: ["phone"] });
export type EnrolInput = z.infer<typeof EnrolSchema>;

export const EnrolmentStatusSchema = z
  .strictObject({
    intent: z.literal("status"),
    status: z.enum(CHOOSABLE_STATUSES, { error: "errors.status" }),
    withdrawnReason: optionalText(1000),
  })
  .refine((s) => s.status !== "withdrawn" || s.withdrawnReason, { message: "errors.withdrawnReasonRequired", path: ["withdrawnReason"] });

export const MeasureSchema = z.strictObject({
  intent: z.literal("measure"),
  measureKey: z.string({ error: "errors.measureRequired" }).regex(/^[a-z_]{2,40}$/, "errors.measureRequired"),
  timepoint: z.enum(["pre", "post"], { error: "errors.timepoint" }),
  recordedOn: dateField,
  // Out-of-scale values are the model's to refuse (it knows the measure's scale).
  answers: z.array(z.coerce.number({ error: "errors.scoreOutOfScale" }).int("errors.scoreOutOfScale"), { error: "errors.measureIncomplete" }),
});
export type MeasureInput = z.infer<typeof MeasureSchema>;

export const RegisterSchema = z.strictObject({
  intent: z.literal("register"),
  attendance: z.record(IdSchema, z.enum(ATTENDANCE_STATUSES, { error: "errors.attendanceStatus" }), { error: "errors.registerEmpty" }),
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const SessionEditSchema = z.strictObject({
  intent: z.literal("session"),
  date: dateField,
  startTime: timeField,
  cancelled: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  note: optionalText(500),
});
export type SessionEditInput = z.infer<typeof SessionEditSchema>;

export const CohortActionSchema = z.discriminatedUnion("intent", [
  z.strictObject({ intent: z.literal("offerNext") }),
  z.strictObject({ intent: z.literal("complete") }),
]);

export const CohortParamsSchema = z.object({ cohortId: IdSchema });
export const SessionParamsSchema = z.object({ cohortId: IdSchema, sessionId: IdSchema });
export const EnrolmentParamsSchema = z.object({ cohortId: IdSchema, enrolmentId: IdSchema });

/** Editing a cohort: the same fields less the programme and start (the schedule is per session), plus its status. */
export const CohortEditSchema = z
  .strictObject({
    name: text(200),
    venue: optionalText(300),
    onlineLink: z.string().trim().max(500).pipe(z.url({ protocol: /^https$/, error: "errors.linkInvalid" })).optional(),
    languages: list(language).pipe(z.array(language).min(1, "errors.languagesRequired")),
    interpreter: optionalText(300),
    crechePlaces: int(0, 100).default(0),
    capacity: int(1, 200),
    facilitatorIds: list(IdSchema).default([]),
    status: z.enum(["planned", "running", "cancelled"], { error: "errors.status" }),
  })
  .refine((c) => c.venue || c.onlineLink, { message: "errors.venueOrLink", path: ["venue"] });
export type CohortEditInput = z.infer<typeof CohortEditSchema>;
