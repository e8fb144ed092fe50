import { addDays, isoDate, startOfDay } from "~/models/casework/rules";

/**
 * Rules for peer support groups that need no database: which meeting dates are allowed,
 * and the reach figures (see docs/decisions/0006-groups.md for the definitions).
 */

/** Meetings may be planned up to this many days ahead; later dates are refused. */
export const MAX_DAYS_AHEAD = 366;
/** Nothing before this date is a plausible meeting. */
export const EARLIEST_MEETING = "2000-01-01";

export function latestMeetingDate(today: Date): Date {
  return addDays(startOfDay(today), MAX_DAYS_AHEAD);
}

/** Whether a meeting on this date has happened (attendance can be recorded). */
export function hasHappened(heldOn: Date, today: Date): boolean {
  return startOfDay(heldOn) <= startOfDay(today);
}

/** "2026-03" for a date. */
export function monthKey(date: Date): string {
  return isoDate(date).slice(0, 7);
}

/** Every month key from `from` to `to` inclusive ("YYYY-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export type ReachMeeting = {
  heldOn: Date;
  language: string;
  attendanceMode: "named" | "head_count";
  headCountAdults: number | null;
  headCountChildren: number | null;
  /** Person keys of the named attendees (see personKey). */
  attendees: string[];
};

export type ReachMember = { key: string; language: string; joinedOn: Date; source: string };

export type ReachFigures = {
  meetings: number;
  /** Different named parents who came at least once. */
  uniqueParents: number;
  /** Of those, how many came to two or more meetings in the same period. */
  repeatParents: number;
  newMembers: number;
  /** New members who came from a parenting course (source course_graduate). */
  fromCourse: number;
  /** Adults and children counted at head-count (drop-in) meetings; not people, visits. */
  headCountAdults: number;
  headCountChildren: number;
};

export type Reach = {
  months: Array<{ month: string } & ReachFigures>;
  languages: Array<{ language: string } & ReachFigures>;
  total: ReachFigures;
};

/**
 * A parent's identity across groups: the family member when linked (so a mother in two
 * groups counts once overall), otherwise the group membership.
 */
export function personKey(m: { id: string; familyMemberId: string | null }): string {
  return m.familyMemberId ? `fm:${m.familyMemberId}` : `gm:${m.id}`;
}

function figures(meetings: ReachMeeting[], members: ReachMember[], attendeeFilter: (key: string) => boolean = () => true): ReachFigures {
  const visits = new Map<string, number>();
  let headCountAdults = 0;
  let headCountChildren = 0;
  for (const m of meetings) {
    for (const key of new Set(m.attendees)) if (attendeeFilter(key)) visits.set(key, (visits.get(key) ?? 0) + 1);
    headCountAdults += m.headCountAdults ?? 0;
    headCountChildren += m.headCountChildren ?? 0;
  }
  const newKeys = new Set(members.map((m) => m.key));
  const fromCourse = new Set(members.filter((m) => m.source === "course_graduate").map((m) => m.key));
  return {
    meetings: meetings.length,
    uniqueParents: visits.size,
    repeatParents: [...visits.values()].filter((n) => n >= 2).length,
    newMembers: newKeys.size,
    fromCourse: fromCourse.size,
    headCountAdults,
    headCountChildren,
  };
}

/**
 * Reach over a period of whole months, by month, by language and in total. Only
 * meetings that have happened count. Per-month unique and repeat figures are within the
 * month; the total's are over the whole period, so it is not the sum of the months.
 * By language: meetings and head counts by the meeting's language, parents by their own.
 */
export function computeReach(input: { from: string; to: string; today: Date; meetings: ReachMeeting[]; members: ReachMember[] }): Reach {
  const months = monthsBetween(input.from, input.to);
  const inPeriod = (d: Date) => {
    const k = monthKey(d);
    return k >= input.from && k <= input.to;
  };
  const meetings = input.meetings.filter((m) => inPeriod(m.heldOn) && hasHappened(m.heldOn, input.today));
  const members = input.members.filter((m) => inPeriod(m.joinedOn));
  const languageOf = new Map<string, string>();
  for (const m of input.members) if (!languageOf.has(m.key)) languageOf.set(m.key, m.language);

  const languages = new Set<string>([...meetings.map((m) => m.language), ...members.map((m) => m.language)]);
  for (const m of meetings) for (const a of m.attendees) languages.add(languageOf.get(a) ?? "en");

  return {
    months: months.map((month) => ({
      month,
      ...figures(
        meetings.filter((m) => monthKey(m.heldOn) === month),
        members.filter((m) => monthKey(m.joinedOn) === month),
      ),
    })),
    languages: [...languages].sort().map((language) => {
      const meetingStats = figures(meetings.filter((m) => m.language === language), []);
      const parentStats = figures(meetings, members.filter((m) => m.language === language), (key) => (languageOf.get(key) ?? "en") === language);
      return {
        language,
        ...parentStats,
        meetings: meetingStats.meetings,
        headCountAdults: meetingStats.headCountAdults,
        headCountChildren: meetingStats.headCountChildren,
      };
    }),
    total: figures(meetings, members),
  };
}
