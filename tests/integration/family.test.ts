import { getFamily, listFamilies } from "~/models/casework/family.server";
import { buildFamily } from "../factories/family";
import { createRandom } from "../factories/random";
import { actorFor, createTeam, getDb } from "./helpers";

async function makeFamily(teamId: string, seed: number, profile: "english" | "afghanDari" = "english") {
  const reference = `T-${seed}-${Math.random().toString(36).slice(2, 8)}`;
  return getDb().family.create({ data: buildFamily(createRandom(seed), { reference, teamId, profile }) });
}

describe("family records", () => {
  it("shows a practitioner their team's families only, and audits the list", async () => {
    const [a, b] = [await createTeam(getDb()), await createTeam(getDb())];
    const mine = await makeFamily(a.id, 1);
    const theirs = await makeFamily(b.id, 2);
    const actor = await actorFor(["practitioner"], "read:family", a.id);
    const { families, total } = await listFamilies(actor);
    expect(families.map((f) => f.id)).toEqual([mine.id]);
    expect(total).toBe(1);
    expect(families.map((f) => f.id)).not.toContain(theirs.id);
    expect(await getDb().auditEvent.count({ where: { actorId: actor.user.id, action: "list", entity: "family" } })).toBe(1);
  });

  it("finds a family by a member's name or the reference, case-insensitively", async () => {
    const team = await createTeam(getDb());
    const family = await makeFamily(team.id, 3, "afghanDari");
    const child = await getDb().familyMember.findFirstOrThrow({ where: { familyId: family.id, kind: "child" } });
    const actor = await actorFor(["practitioner"], "read:family", team.id);
    expect((await listFamilies(actor, { q: child.firstName.toUpperCase() })).families.map((f) => f.id)).toEqual([family.id]);
    expect((await listFamilies(actor, { q: family.reference.toLowerCase() })).families.map((f) => f.id)).toEqual([family.id]);
    expect((await listFamilies(actor, { q: "no-such-name" })).total).toBe(0);
  });

  it("treats % _ and \\ in a search as text, not as wildcards or an SQL error", async () => {
    const team = await createTeam(getDb());
    await makeFamily(team.id, 3, "afghanDari");
    const actor = await actorFor(["practitioner"], "read:family", team.id);
    expect((await listFamilies(actor, { q: "%" })).total).toBe(0);
    expect((await listFamilies(actor, { q: "_" })).total).toBe(0);
    expect((await listFamilies(actor, { q: "ends with \\" })).total).toBe(0);
  });

  it("audits every read of a family, and refuses (and audits) another team's", async () => {
    const [a, b] = [await createTeam(getDb()), await createTeam(getDb())];
    const mine = await makeFamily(a.id, 4);
    const theirs = await makeFamily(b.id, 5);
    const actor = await actorFor(["practitioner"], "read:family", a.id);
    const read = await getFamily(actor, mine.id);
    expect(read?.members.length).toBeGreaterThan(1);
    expect(await getFamily(actor, theirs.id)).toBeNull();
    expect(await getFamily(actor, "doesnotexist")).toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { actorId: actor.user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.familyId])).toEqual([
      ["read", mine.id],
      ["denied", theirs.id],
    ]);
  });
});
