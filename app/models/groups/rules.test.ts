import { computeReach, monthsBetween, personKey, type ReachMeeting, type ReachMember } from "./rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const named = (heldOn: string, attendees: string[], language = "ps"): ReachMeeting => ({ heldOn: d(heldOn), language, attendanceMode: "named", headCountAdults: null, headCountChildren: null, attendees });
const drop = (heldOn: string, adults: number, children: number, language = "en"): ReachMeeting => ({ heldOn: d(heldOn), language, attendanceMode: "head_count", headCountAdults: adults, headCountChildren: children, attendees: [] });
const member = (key: string, joinedOn: string, language = "ps", source = "direct"): ReachMember => ({ key, joinedOn: d(joinedOn), language, source });

describe("reach figures", () => {
  const members = [member("a", "2026-01-05"), member("b", "2026-01-20", "fa-AF", "course_graduate"), member("c", "2026-02-03", "ps", "course_graduate"), member("d", "2025-11-01", "en")];
  const meetings = [
    named("2026-01-06", ["a", "d"]),
    named("2026-01-13", ["a", "b"], "fa-AF"),
    named("2026-02-03", ["a", "c"]),
    named("2026-02-10", ["c"]),
    drop("2026-02-14", 7, 9),
    named("2026-03-30", ["b", "c", "d"]),
  ];
  const reach = computeReach({ from: "2026-01", to: "2026-02", today: d("2026-03-01"), meetings, members });

  it("counts unique parents and repeat attenders within each month", () => {
    const [jan, feb] = reach.months;
    expect(jan).toMatchObject({ month: "2026-01", meetings: 2, uniqueParents: 3, repeatParents: 1, newMembers: 2, fromCourse: 1, headCountAdults: 0 });
    expect(feb).toMatchObject({ month: "2026-02", meetings: 3, uniqueParents: 2, repeatParents: 1, newMembers: 1, fromCourse: 1, headCountAdults: 7, headCountChildren: 9 });
  });

  it("counts each parent once over the whole period, so the total is not the sum of the months", () => {
    // a came in January and February: one parent, who came three times.
    expect(reach.total).toMatchObject({ meetings: 5, uniqueParents: 4, repeatParents: 2, newMembers: 3, fromCourse: 2, headCountAdults: 7, headCountChildren: 9 });
    expect(reach.months.reduce((n, m) => n + m.uniqueParents, 0)).toBe(5);
  });

  it("leaves out meetings outside the period and meetings that have not happened yet", () => {
    const early = computeReach({ from: "2026-01", to: "2026-03", today: d("2026-03-15"), meetings, members });
    expect(early.months[2]).toMatchObject({ month: "2026-03", meetings: 0, uniqueParents: 0 });
    const later = computeReach({ from: "2026-01", to: "2026-03", today: d("2026-03-30"), meetings, members });
    expect(later.months[2]).toMatchObject({ meetings: 1, uniqueParents: 3 });
  });

  it("splits by language: meetings by the meeting's language, parents by their own", () => {
    const byLang = Object.fromEntries(reach.languages.map((l) => [l.language, l]));
    expect(byLang.ps).toMatchObject({ meetings: 3, uniqueParents: 2, repeatParents: 2, newMembers: 2 });
    expect(byLang["fa-AF"]).toMatchObject({ meetings: 1, uniqueParents: 1, repeatParents: 0, newMembers: 1, fromCourse: 1 });
    expect(byLang.en).toMatchObject({ meetings: 1, uniqueParents: 1, headCountAdults: 7, newMembers: 0 });
  });

  it("lists every month of the period, also empty ones", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    const empty = computeReach({ from: "2025-06", to: "2025-08", today: d("2026-03-01"), meetings, members });
    expect(empty.months.map((m) => m.uniqueParents)).toEqual([0, 0, 0]);
    expect(empty.total.uniqueParents).toBe(0);
  });

  it("identifies a linked parent by their family member, a light one by their membership", () => {
    expect(personKey({ id: "m1", familyMemberId: "f1" })).toBe("fm:f1");
    expect(personKey({ id: "m1", familyMemberId: null })).toBe("gm:m1");
  });
});
