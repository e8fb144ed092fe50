import {
  addWorkingDays,
  assessmentDueDate,
  isActionOverdue,
  isAssessmentOverdue,
  isReReferral,
  isReviewOverdue,
  isSupervisionOverdue,
  isWorkingDay,
  nextReviewDate,
  parseIsoDate,
  supervisionRecordProblem,
  workingDaysBetween,
} from "./rules";
import { scopeFor, userHasPermission } from "~/utils/permissions";

const d = (s: string) => parseIsoDate(s)!;
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("working days (England and Wales)", () => {
  it("skips weekends and bank holidays", () => {
    expect(isWorkingDay(d("2026-11-21"))).toBe(false); // Saturday
    expect(isWorkingDay(d("2026-12-28"))).toBe(false); // Boxing Day substitute
    expect(isWorkingDay(d("2027-03-26"))).toBe(false); // Good Friday 2027
    expect(isWorkingDay(d("2026-11-23"))).toBe(true);
    // Friday before Easter 2026 → Tuesday after Easter Monday
    expect(iso(addWorkingDays(d("2026-04-02"), 1))).toBe("2026-04-07");
    // Across Christmas 2025: 24 Dec + 1 working day = 29 Dec
    expect(iso(addWorkingDays(d("2025-12-24"), 1))).toBe("2025-12-29");
  });

  it("puts the assessment due date 45 working days after the contact by default", () => {
    const due = assessmentDueDate(d("2026-01-05"));
    expect(iso(due)).toBe("2026-03-09");
    expect(workingDaysBetween(d("2026-01-05"), due)).toBe(45);
    // Good Friday, Easter Monday and the early May bank holiday push it three days later.
    expect(iso(assessmentDueDate(d("2026-03-02")))).toBe("2026-05-07");
    expect(iso(assessmentDueDate(d("2026-03-02"), 20))).toBe("2026-03-30");
  });

  it("rejects impossible dates", () => {
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("26-02-01")).toBeNull();
    expect(parseIsoDate("2026-02-28")).not.toBeNull();
  });
});

describe("overdue detection", () => {
  const today = d("2026-11-23");
  it("flags unsigned assessments past their due date only", () => {
    expect(isAssessmentOverdue({ status: "draft", dueOn: d("2026-11-20") }, today)).toBe(true);
    expect(isAssessmentOverdue({ status: "draft", dueOn: d("2026-11-23") }, today)).toBe(false);
    expect(isAssessmentOverdue({ status: "signed_off", dueOn: d("2026-01-01") }, today)).toBe(false);
  });
  it("flags open plan actions past their due date", () => {
    expect(isActionOverdue({ status: "in_progress", dueOn: d("2026-11-22") }, today)).toBe(true);
    expect(isActionOverdue({ status: "done", dueOn: d("2026-11-01") }, today)).toBe(false);
    expect(isActionOverdue({ status: "cancelled", dueOn: d("2026-11-01") }, today)).toBe(false);
    expect(isActionOverdue({ status: "not_started", dueOn: d("2026-12-01") }, today)).toBe(false);
  });
  it("sets reviews six weeks apart and flags missed ones on open episodes", () => {
    expect(iso(nextReviewDate(d("2026-10-01")))).toBe("2026-11-12");
    expect(isReviewOverdue({ nextReviewOn: d("2026-11-12") }, true, today)).toBe(true);
    expect(isReviewOverdue({ nextReviewOn: d("2026-11-12") }, false, today)).toBe(false);
    expect(isReviewOverdue({ nextReviewOn: d("2026-12-12") }, true, today)).toBe(false);
  });
});

describe("re-referral", () => {
  it("is a re-referral within 12 months of the last closure", () => {
    expect(isReReferral(d("2026-11-23"), d("2025-11-23"))).toBe(true);
    expect(isReReferral(d("2026-11-24"), d("2025-11-23"))).toBe(false);
    expect(isReReferral(d("2026-11-23"), null)).toBe(false);
    expect(isReReferral(d("2026-01-10"), d("2026-01-09"))).toBe(true);
  });
});

describe("supervision", () => {
  const today = d("2026-11-23");
  it("is overdue when neither this month nor last is held or explained", () => {
    expect(isSupervisionOverdue([], today)).toBe(true);
    expect(isSupervisionOverdue([{ month: d("2026-09-01"), heldOn: d("2026-09-10"), missedReason: null }], today)).toBe(true);
    expect(isSupervisionOverdue([{ month: d("2026-10-01"), heldOn: d("2026-10-10"), missedReason: null }], today)).toBe(false);
    expect(isSupervisionOverdue([{ month: d("2026-10-01"), heldOn: null, missedReason: "Supervisor on leave" }], today)).toBe(false);
    expect(isSupervisionOverdue([{ month: d("2026-10-01"), heldOn: null, missedReason: "  " }], today)).toBe(true);
  });
  it("requires a reason for a missed month", () => {
    expect(supervisionRecordProblem({ heldOn: null, missedReason: "" })).toBe("supervision.errors.missedReasonRequired");
    expect(supervisionRecordProblem({ heldOn: d("2026-11-01"), missedReason: null })).toBeNull();
  });
});

describe("casework permissions per role", () => {
  it("lets practitioners and leads work on their team's families, and only leads decide", () => {
    expect(scopeFor(["practitioner"], "write:family")).toBe("team");
    expect(scopeFor(["practitioner"], "decide:family")).toBeNull();
    expect(scopeFor(["lead"], "decide:family")).toBe("team");
    expect(scopeFor(["lead"], "write:supervision")).toBe("team");
    expect(userHasPermission({ roles: ["practitioner"] }, "write:supervision")).toBe(false);
  });
  it("gives facilitators, champions and administrators no family access", () => {
    for (const role of ["facilitator", "parent_champion", "administrator"] as const) {
      expect(scopeFor([role], "read:family")).toBeNull();
      expect(scopeFor([role], "decide:family")).toBeNull();
    }
  });
});
