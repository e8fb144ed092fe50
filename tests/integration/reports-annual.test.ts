import { AnnualNarrativeSchema } from "~/models/reports/annual-schema";
import { getAnnualNarrative, saveAnnualNarrative } from "~/models/reports/annual.server";
import { actorFor, createTeam, getDb } from "./helpers";

describe("annual report narrative", () => {
  it("saves per year, refuses a stale save with 409 and keeps the first, and audits each save", async () => {
    const team = await createTeam(getDb());
    const lead = await actorFor(["lead"], "manage:report", team.id);
    const year = 2090; // no other test writes annual reports
    await getDb().annualReport.deleteMany({ where: { year } });
    expect((await getAnnualNarrative(year)).version).toBe(0);
    await saveAnnualNarrative(lead, year, AnnualNarrativeSchema.parse({ version: "0", core: "Plans have timescales.", creative: "", outcomes: "", caseStudies: "" }));
    const first = await getAnnualNarrative(year);
    expect(first).toMatchObject({ version: 1, core: "Plans have timescales.", updatedBy: expect.any(String) });
    // A second lead still holding version 0 (or an old 1 after another save) is refused.
    await expect(saveAnnualNarrative(lead, year, AnnualNarrativeSchema.parse({ version: "0", core: "Other text" }))).rejects.toMatchObject({ status: 409 });
    await saveAnnualNarrative(lead, year, AnnualNarrativeSchema.parse({ version: "1", core: "Revised.", caseStudies: "A family found a school place." }));
    await expect(saveAnnualNarrative(lead, year, AnnualNarrativeSchema.parse({ version: "1", core: "Stale" }))).rejects.toMatchObject({ status: 409 });
    expect(await getAnnualNarrative(year)).toMatchObject({ version: 2, core: "Revised.", caseStudies: "A family found a school place." });
    const events = await getDb().auditEvent.findMany({ where: { actorId: lead.user.id, entity: "annual-report" } });
    expect(events).toHaveLength(2);
  });

  it("refuses over-long text and unknown fields", () => {
    expect(AnnualNarrativeSchema.safeParse({ version: "1", core: "x".repeat(20_001) }).success).toBe(false);
    expect(AnnualNarrativeSchema.safeParse({ version: "1", title: "x" }).success).toBe(false);
    expect(AnnualNarrativeSchema.safeParse({ version: "-1" }).success).toBe(false);
  });
});
