import { z } from "zod";
import { withLatinDigits } from "~/utils/digits";
import { parseIsoDate, startOfDay } from "./rules";

/**
 * Zod schemas for the casework forms, shared by routes and tests. Error messages are
 * keys in the `casework` namespace. Conform turns empty fields into undefined.
 */

export const HEADLINE_OUTCOMES = [
  "education",
  "early_years",
  "health",
  "substance_misuse",
  "family_relationships",
  "safety_abuse_exploitation",
  "crime",
  "domestic_abuse",
  "housing",
  "financial_stability",
] as const;
export const CONTACT_SOURCES = ["MASH", "school", "health", "self_referral", "step_down_csc", "resettlement", "other"] as const;
export const CONSENT_PURPOSES = ["early_help_support", "sharing_with_agency", "survey_contact"] as const;
export const CONSENT_STATUSES = ["given", "refused", "withdrawn", "overridden"] as const;
export const DECISION_STAGES = ["contact", "assessment_signoff", "review", "closure", "step_up", "step_down"] as const;
export const DECISION_OUTCOMES = [
  "accept_for_assessment",
  "signpost",
  "step_up_to_social_care",
  "step_down_to_early_help",
  "no_further_action",
  "approve",
  "return_for_work",
  "continue_plan",
  "close",
] as const;
/** Which outcomes a lead may record at each stage. */
export const OUTCOMES_BY_STAGE: Record<(typeof DECISION_STAGES)[number], readonly (typeof DECISION_OUTCOMES)[number][]> = {
  contact: ["accept_for_assessment", "signpost", "step_up_to_social_care", "no_further_action"],
  assessment_signoff: ["approve", "return_for_work"],
  review: ["continue_plan", "step_up_to_social_care", "close"],
  closure: ["close"],
  step_up: ["step_up_to_social_care"],
  step_down: ["step_down_to_early_help"],
};
export const VISIT_TYPES = ["home", "office", "phone", "video", "school"] as const;
export const CLOSURE_REASONS = ["outcomes_met", "stepped_up", "family_declined", "moved_away", "other"] as const;
export const NEED_RESULTS = ["met", "partly_met", "not_met"] as const;
export const ACTION_STATUSES = ["not_started", "in_progress", "done", "cancelled"] as const;
export const RESETTLEMENT_ITEMS = ["school_place", "gp", "benefits", "bank_account", "esol", "housing", "home_office_interview"] as const;

export const SHORT = 200;
export const LONG = 10_000;

const text = (max: number, required = "errors.required") => z.string({ error: required }).trim().min(1, required).max(max, "errors.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();

/**
 * A YYYY-MM-DD date (from `<input type="date">`, or typed), as a UTC-midnight Date.
 * Persian (۰–۹) and Arabic-Indic (٠–٩) digits are accepted and normalised.
 */
export const dateField = (required = "errors.dateRequired") =>
  withLatinDigits(
    z
      .string({ error: required })
      .trim()
      .transform((v, ctx) => {
        const d = parseIsoDate(v);
        if (!d) {
          ctx.addIssue({ code: "custom", message: "errors.dateInvalid" });
          return z.NEVER;
        }
        return d;
      }),
  );

/** A date not after today (contacts, visits, reviews, dates of birth). */
export const pastDateField = (required?: string) =>
  dateField(required).refine((d) => d <= startOfDay(new Date()), "errors.dateInFuture");

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "yes");

/** Drops blank rows (conform leaves them undefined or empty) before validating a list. */
const compact = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v.filter((x) => x !== undefined && x !== null && (typeof x !== "object" || Object.values(x).some((y) => y !== undefined && y !== ""))) : v), schema);

export const versionField = withLatinDigits(z.coerce.number({ error: "errors.badVersion" }).int().min(1));

export const MemberSchema = z.strictObject({
  kind: z.enum(["adult", "child"], { error: "errors.memberKind" }),
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: pastDateField().optional(),
  relationship: optionalText(100),
  phone: optionalText(40),
  email: z.string().trim().max(254).pipe(z.email("errors.emailInvalid")).optional(),
  preferredLanguage: optionalText(20),
  interpreterNeeded: checkbox,
  school: optionalText(SHORT),
  firstLanguage: optionalText(20),
});
export type MemberInput = z.infer<typeof MemberSchema>;

export const FamilySchema = z.strictObject({
  name: text(SHORT),
  addressLine1: optionalText(SHORT),
  town: optionalText(100),
  postcode: optionalText(10),
  preferredLanguage: z.string().trim().max(20).default("en"),
  resettlementScheme: z.enum(["ACRS", "ARAP", "HOMES_FOR_UKRAINE", "OTHER"]).optional(),
  arrivalDate: pastDateField().optional(),
  // A row with no name is a blank row of the form, not a member.
  members: z.preprocess(
    (v) => (Array.isArray(v) ? v.filter((m) => m && typeof m === "object" && (m.firstName || m.lastName)) : v),
    z.array(MemberSchema).max(20).default([]),
  ),
  /** Set when the user has seen the duplicate warning and goes on anyway. */
  confirmNotDuplicate: checkbox,
});
export type FamilyInput = z.infer<typeof FamilySchema>;

export const ConsentSchema = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES, { error: "errors.consentPurpose" }),
    status: z.enum(CONSENT_STATUSES, { error: "errors.consentStatus" }),
    agencyName: optionalText(SHORT),
    recordedOn: pastDateField(),
    overrideReason: optionalText(LONG),
    memberId: z.string().max(64).optional(),
  })
  .refine((c) => c.status !== "overridden" || !!c.overrideReason, { message: "errors.overrideReasonRequired", path: ["overrideReason"] })
  .refine((c) => c.purpose !== "sharing_with_agency" || !!c.agencyName, { message: "errors.agencyRequired", path: ["agencyName"] });
export type ConsentInput = z.infer<typeof ConsentSchema>;

export const ContactSchema = z.strictObject({
  receivedOn: pastDateField(),
  source: z.enum(CONTACT_SOURCES, { error: "errors.source" }),
  sourceDetail: optionalText(SHORT),
  reason: text(LONG),
  assessmentDays: withLatinDigits(z.coerce.number().int().min(1, "errors.assessmentDays").max(120, "errors.assessmentDays")).default(45),
  /** Consent to early help support, recorded with the contact. */
  consentStatus: z.enum(CONSENT_STATUSES, { error: "errors.consentStatus" }),
  overrideReason: optionalText(LONG),
});
export type ContactInput = z.infer<typeof ContactSchema>;

export const DecisionSchema = z
  .strictObject({
    stage: z.enum(DECISION_STAGES, { error: "errors.stage" }),
    outcome: z.enum(DECISION_OUTCOMES, { error: "errors.outcome" }),
    rationale: text(LONG, "errors.rationaleRequired"),
    pathway: optionalText(SHORT),
  })
  .refine((d) => OUTCOMES_BY_STAGE[d.stage].includes(d.outcome), { message: "errors.outcomeNotForStage", path: ["outcome"] })
  .refine((d) => !(d.outcome === "step_up_to_social_care" || d.stage === "step_down") || !!d.pathway, {
    message: "errors.pathwayRequired",
    path: ["pathway"],
  });
export type DecisionInput = z.infer<typeof DecisionSchema>;

export const AllocationSchema = z.strictObject({ practitionerId: z.string({ error: "errors.practitionerRequired" }).max(64) });

export const AssessmentSchema = z.strictObject({
  version: versionField,
  strengths: z.string().max(LONG, "errors.tooLong").default(""),
  risks: z.string().max(LONG, "errors.tooLong").default(""),
  parentsViews: z.string().max(LONG, "errors.tooLong").default(""),
  analysis: z.string().max(LONG, "errors.tooLong").default(""),
  needs: z
    .array(
      z.strictObject({
        outcome: z.enum(HEADLINE_OUTCOMES),
        present: checkbox,
        severity: withLatinDigits(z.coerce.number().int().min(1).max(3)).optional(),
        notes: z.string().max(LONG, "errors.tooLong").default(""),
      }),
    )
    .max(HEADLINE_OUTCOMES.length)
    .default([]),
  children: z
    .array(
      z.strictObject({
        memberId: z.string().max(64),
        wishesAndFeelings: z.string().max(LONG, "errors.tooLong").default(""),
        seenAlone: checkbox,
        directWorkTool: z.string().max(SHORT, "errors.tooLong").default(""),
      }),
    )
    .max(20)
    .default([]),
  intent: z.enum(["save", "submit"]).default("save"),
});
export type AssessmentInput = z.infer<typeof AssessmentSchema>;

export const SignOffSchema = z.strictObject({
  version: versionField,
  outcome: z.enum(["approve", "return_for_work"], { error: "errors.outcome" }),
  rationale: text(LONG, "errors.rationaleRequired"),
});

export const PlanOutcomeSchema = z.strictObject({
  version: versionField,
  need: z.enum(HEADLINE_OUTCOMES, { error: "errors.need" }),
  description: text(LONG),
});
export const PlanActionSchema = z.strictObject({
  version: versionField,
  outcomeId: z.string().max(64).optional(),
  description: text(LONG),
  owner: text(SHORT),
  agency: text(SHORT),
  dueOn: dateField("errors.dueDateRequired"),
});
export const PlanActionStatusSchema = z.strictObject({
  version: versionField,
  actionId: z.string().max(64),
  status: z.enum(ACTION_STATUSES),
});
export const PlanSettingsSchema = z.strictObject({
  version: versionField,
  reviewIntervalWeeks: withLatinDigits(z.coerce.number().int().min(1, "errors.interval").max(26, "errors.interval")),
});

/** What a review decides: carry on with the plan, or work towards closure. */
export const REVIEW_OUTCOMES = ["continue_plan", "close"] as const;

export const ReviewSchema = z.strictObject({
  heldOn: pastDateField(),
  summary: z.string().max(LONG, "errors.tooLong").default(""),
  outcome: z.enum(REVIEW_OUTCOMES, { error: "errors.reviewOutcome" }),
  rationale: text(LONG, "errors.rationaleRequired"),
  scores: z
    .array(z.strictObject({ outcomeId: z.string().max(64), score: withLatinDigits(z.coerce.number({ error: "errors.score" }).int("errors.score").min(0, "errors.score").max(10, "errors.score")) }))
    .max(50)
    .default([]),
});
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const TafMeetingSchema = z.strictObject({ heldOn: pastDateField(), attendees: text(LONG), minutes: text(LONG) });

export const CaseNoteSchema = z.strictObject({
  occurredOn: pastDateField(),
  type: z.enum(VISIT_TYPES, { error: "errors.visitType" }),
  whoSeen: z.string().trim().max(SHORT, "errors.tooLong").default(""),
  childSeenAlone: checkbox,
  purpose: text(SHORT),
  whatHappened: text(LONG),
  childVoice: z.string().max(LONG, "errors.tooLong").default(""),
  differenceMade: z.string().max(LONG, "errors.tooLong").default(""),
  nextSteps: z.string().max(LONG, "errors.tooLong").default(""),
  contactId: z.string().max(64).optional(),
});
export type CaseNoteInput = z.infer<typeof CaseNoteSchema>;

export const ClosureSchema = z.strictObject({
  closedOn: pastDateField(),
  reason: z.enum(CLOSURE_REASONS, { error: "errors.closureReason" }),
  summary: text(LONG, "errors.rationaleRequired"),
  outcomes: z.array(z.strictObject({ need: z.enum(HEADLINE_OUTCOMES), result: z.enum(NEED_RESULTS, { error: "errors.needResult" }) })).max(10).default([]),
});
export type ClosureInput = z.infer<typeof ClosureSchema>;

export const ResettlementSchema = z.strictObject({
  items: z.array(z.strictObject({ item: z.enum(RESETTLEMENT_ITEMS), doneOn: pastDateField().optional(), notes: z.string().max(1000, "errors.tooLong").default("") })).max(7),
});

export const SupervisionSchema = z
  .strictObject({
    practitionerId: z.string({ error: "errors.practitionerRequired" }).max(64),
    month: withLatinDigits(
      z
        .string({ error: "errors.monthRequired" })
        .regex(/^\d{4}-\d{2}$/, "errors.monthInvalid")
        .transform((v) => parseIsoDate(`${v}-01`))
        .refine((d): d is Date => d !== null, "errors.monthInvalid"),
    ),
    held: z.enum(["yes", "no"], { error: "errors.heldRequired" }),
    heldOn: pastDateField().optional(),
    missedReason: optionalText(LONG),
    casesDiscussed: z.string().max(2000, "errors.tooLong").default(""),
    reflections: z.string().max(LONG, "errors.tooLong").default(""),
    actions: compact(z.array(z.strictObject({ description: text(1000), byWhen: dateField() })).max(10).default([])),
  })
  .refine((s) => s.held === "no" || !!s.heldOn, { message: "errors.heldOnRequired", path: ["heldOn"] })
  .refine((s) => s.held === "yes" || !!s.missedReason, { message: "errors.missedReasonRequired", path: ["missedReason"] });
export type SupervisionInput = z.infer<typeof SupervisionSchema>;

const id = z.string().min(1).max(64).regex(/^[a-z0-9]+$/i);
export const FamilyParamsSchema = z.object({ familyId: id });
export const EpisodeParamsSchema = z.object({ familyId: id, contactId: id });

/** Kinds of chronology entry; shared with the browser (the filter form uses them). */
export const CHRONOLOGY_TYPES = ["contact", "consent", "decision", "allocation", "assessment", "plan", "meeting", "review", "note", "closure"] as const;
export type ChronologyType = (typeof CHRONOLOGY_TYPES)[number];
