import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/languages";
import { parseIsoDate, startOfDay } from "~/models/casework/rules";
import { EARLIEST_MEETING, latestMeetingDate } from "./rules";

/**
 * Zod schemas for the group forms, shared by routes, the invite endpoint and tests.
 * Error messages are keys in the `groups` namespace.
 */

export const GROUP_STATUSES = ["active", "paused", "closed"] as const;
export const AUDIENCE_TAGS = ["resettled_afghan", "course_graduates", "fathers", "mothers", "young_parents", "send", "other"] as const;
export const MEMBER_SOURCES = ["direct", "course_graduate", "referral", "self"] as const;
export const ATTENDANCE_MODES = ["named", "head_count"] as const;

const text = (max: number, required = "errors.required") => z.string({ error: required }).trim().min(1, required).max(max, "errors.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const id = z.string().min(1).max(64).regex(/^[a-z0-9]+$/i, "errors.badId");
const language = z.enum(LANGUAGE_CODES, { error: "errors.language" });
/** A form field that may come once (a string) or several times (an array). */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v.filter((x) => x !== "" && x !== undefined) : [v]), z.array(item).max(max, "errors.tooMany"));

const day = (required: string) =>
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
    });

/** A meeting date: not before 2000, at most a year ahead (planned meetings). */
export const meetingDate = day("errors.dateRequired")
  .refine((d) => d >= parseIsoDate(EARLIEST_MEETING)!, "errors.dateTooEarly")
  .refine((d) => d <= latestMeetingDate(new Date()), "errors.dateTooFarAhead");

const pastDay = day("errors.dateRequired").refine((d) => d <= startOfDay(new Date()), "errors.dateInFuture");

const count = z.coerce
  .number({ error: "errors.headCount" })
  .int("errors.headCount")
  .min(0, "errors.headCountNegative")
  .max(1000, "errors.headCount");

export const GroupSchema = z.strictObject({
  name: text(200),
  purpose: z.string().trim().max(2000, "errors.tooLong").default(""),
  languages: list(language, 10).refine((l) => l.length > 0, "staff.errors.languagesRequired"),
  meetingPattern: z.string().trim().max(200, "errors.tooLong").default(""),
  venue: z.string().trim().max(200, "errors.tooLong").default(""),
  audienceTags: list(z.enum(AUDIENCE_TAGS, { error: "staff.errors.audience" }), AUDIENCE_TAGS.length),
  status: z.enum(GROUP_STATUSES, { error: "staff.errors.status" }).default("active"),
  facilitatorIds: list(id, 20),
  championIds: list(id, 20),
});
export type GroupInput = z.infer<typeof GroupSchema>;

export const MemberSchema = z
  .strictObject({
    /** A family member's id, when the parent has a family record the user may see. */
    familyMemberId: id.optional(),
    firstName: optionalText(100),
    contact: optionalText(200),
    language,
    consentToContact: z.enum(["yes", "no"], { error: "errors.consentRequired" }).transform((v) => v === "yes"),
    source: z.enum(MEMBER_SOURCES, { error: "errors.source" }).default("direct"),
    sourceCohortId: optionalText(64),
    joinedOn: pastDay.optional(),
  })
  .refine((m) => !!m.familyMemberId || !!m.firstName, { message: "errors.firstNameRequired", path: ["firstName"] });
export type MemberInput = z.infer<typeof MemberSchema>;

/**
 * Changing a member. A linked member's name and contact details live on the family
 * record, so only a light record's first name and contact can change here.
 */
export const MemberUpdateSchema = z.strictObject({
  intent: z.literal("update"),
  version: z.coerce.number({ error: "staff.errors.badVersion" }).int().min(1),
  firstName: optionalText(100),
  contact: optionalText(200),
  language,
  consentToContact: z.enum(["yes", "no"], { error: "errors.consentRequired" }).transform((v) => v === "yes"),
});
export type MemberUpdateInput = z.infer<typeof MemberUpdateSchema>;

/** Marking a member as having left the group, on a day no earlier than they joined. */
export const MemberLeftSchema = z.strictObject({
  intent: z.literal("left"),
  version: z.coerce.number({ error: "staff.errors.badVersion" }).int().min(1),
  leftOn: pastDay,
});
export type MemberLeftInput = z.infer<typeof MemberLeftSchema>;

/** One person in an invitation from a course cohort. */
export const InviteePersonSchema = z.strictObject({
  familyMemberId: id.optional(),
  firstName: optionalText(100),
  contact: optionalText(200),
  language,
  consentToContact: z.enum(["yes", "no"]).default("no").transform((v) => v === "yes"),
  source: z.literal("course_graduate", { error: "errors.source" }).default("course_graduate"),
  sourceCohortId: text(64, "staff.errors.cohortRequired"),
}).refine((m) => !!m.familyMemberId || !!m.firstName, { message: "errors.firstNameRequired", path: ["firstName"] });
export type InviteePerson = z.infer<typeof InviteePersonSchema>;

/** The invite form: `people[0].firstName`, `people[0].language`, …, and where to go back to. */
export const InviteSchema = z.strictObject({
  people: z.preprocess(
    (v) => (Array.isArray(v) ? v.filter((p) => p && typeof p === "object" && Object.values(p).some((x) => x !== undefined && x !== "")) : v),
    z.array(InviteePersonSchema, { error: "staff.errors.noInvitees" }).min(1, "staff.errors.noInvitees").max(100, "errors.tooMany"),
  ),
  returnTo: z
    .string()
    .max(2000)
    .refine((v) => v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\"), "staff.errors.badReturnTo")
    .optional(),
});

export const MeetingSchema = z
  .strictObject({
    heldOn: meetingDate,
    topic: text(200),
    language,
    attendanceMode: z.enum(ATTENDANCE_MODES, { error: "errors.attendanceMode" }),
    attendees: list(id, 500),
    headCountAdults: count.optional(),
    headCountChildren: count.optional(),
    notes: z.string().trim().max(10_000, "errors.tooLong").default(""),
    /** One follow-up for the lead per line. */
    followUps: z
      .string()
      .max(5000, "errors.tooLong")
      .default("")
      .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
      .refine((l) => l.length <= 20 && l.every((x) => x.length <= 500), "errors.followUpsTooLong"),
  })
  .refine((m) => m.attendanceMode !== "head_count" || m.headCountAdults !== undefined, { message: "errors.headCountRequired", path: ["headCountAdults"] })
  .refine((m) => m.attendanceMode !== "head_count" || m.attendees.length === 0, { message: "errors.namedInHeadCount", path: ["attendees"] })
  .refine((m) => m.attendanceMode !== "named" || m.headCountAdults === undefined, { message: "errors.adultsInNamed", path: ["headCountAdults"] });
export type MeetingInput = z.infer<typeof MeetingSchema>;

/** The attendance form on a meeting's page. */
export const AttendanceSchema = z.strictObject({
  intent: z.literal("attendance"),
  attendees: list(id, 500),
  headCountAdults: count.optional(),
  headCountChildren: count.optional(),
});
export type AttendanceInput = z.infer<typeof AttendanceSchema>;

export const FollowUpDoneSchema = z.strictObject({ intent: z.literal("followUpDone"), followUpId: id });

export const FamilyLookupSchema = z.strictObject({ family: z.string().trim().max(40).optional() });

export const ReachQuerySchema = z
  .strictObject({
    from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
    to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to);

export const GroupParamsSchema = z.object({ groupId: id });
export const MeetingParamsSchema = z.object({ groupId: id, meetingId: id });
export const MemberParamsSchema = z.object({ groupId: id, memberId: id });
