/**
 * Casework at scale: seeds 10,000 families (about 100,000 case notes), measures the
 * caseload page, a family page with its chronology and family search through the same
 * model functions their loaders call (as a practitioner), beside the raw indexed SQL for
 * the same data in the same run; then grows the data to 100,000 families (about a million
 * case notes) and measures again. Targets: p95 ≤ 3× raw SQL; 10× the data ≤ 1.3× the time.
 * The raw baseline is the reads in hand-written SQL plus the one audit INSERT per page
 * view that the app must write; it runs on a plain pg client, alternating with the app.
 *
 * Usage: npx tsx bench/casework-scale.ts
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test);
 *   SIZES (families, default "10000,100000"); SMALL=1 for "1000,10000";
 *   N (timed iterations per operation, default 50);
 *   SCHEMA (keep the data instead of a throwaway schema: size S lives in schema SCHEMA_S,
 *   seeded when empty and never dropped, so later runs skip the seeding).
 */
import pg from "pg";
import { seedFamilies, seedStaff, surnameOf, notesOf } from "./casework-seed";
import { useSchema } from "./schema";
import { formatTable, measurePair, ms, ratio, type Timing } from "./stats";

const base = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const SIZES = (process.env.SIZES ?? (process.env.SMALL ? "1000,10000" : "10000,100000")).split(",").map(Number);
const N = Number(process.env.N ?? 50);
const keep = process.env.SCHEMA ?? null;
if (keep !== null && !/^[a-z0-9_]+$/.test(keep)) throw new Error("SCHEMA: lower-case letters, digits and _ only");
const throwaway = `bench_casework_${process.pid}`;
const schemaFor = (size: number) => (keep ? `${keep}_${size}` : throwaway);

const admin = new pg.Client({ connectionString: base });
await admin.connect();
const log = (m: string) => console.error(m);
const { getDb } = await import("~/utils/db.server");
const { getMyCaseload } = await import("~/models/casework/caseload.server");
const { getChronology } = await import("~/models/casework/chronology.server");
const { getFamilyPage, listFamilies } = await import("~/models/casework/family.server");
type Actor = import("~/utils/auth.server").Actor;

function actorFor(id: string, teamId: string, role: "practitioner" | "lead"): Actor {
  const user = { id, email: `${id}@bench.invalid`, name: id, roles: [role], teamId, teamName: teamId, preferredLanguage: "en", mustChangePassword: false };
  return { user, sessionId: "bench", info: { requestId: "bench", ip: "127.0.0.1" } };
}

// The families measured exist at every size: a typical one and a long-running one (500 notes).
const TYPICAL = 750;
const LONG = 1000;
const teamOf = (i: number) => `bench-t${1 + (i % 4)}`;
const practitionerOf = (i: number) => `${teamOf(i)}-p${Math.floor(i / 4) % 10}`;
const caseloadActor = actorFor(practitionerOf(TYPICAL), teamOf(TYPICAL), "practitioner");

const OPEN = `('awaiting_decision','open')`;

/**
 * The audit entry every page view must write (one per loader that reads family data).
 * The raw baseline writes it too: the record of who looked is not optional work.
 */
async function rawAudit(action: string, entity: string, familyId: string | null = null) {
  await admin.query(`INSERT INTO "AuditEvent" ("actorId", "actorEmail", action, entity, "familyId", ip, "requestId") VALUES ('bench', 'bench@bench.invalid', $1, $2, $3, '127.0.0.1', 'bench')`, [action, entity, familyId]);
}

/** The caseload page's data in SQL: the first 50 open episodes allocated to the practitioner, with overdue figures, and their number. */
async function rawCaseload(actor: Actor) {
  const { rows } = await admin.query(
    `SELECT c.id, c."familyId", f.reference, f.name, c.status, c."reReferral", u.id AS "practitionerId", u.name AS practitioner,
       a.status AS "assessmentStatus", a."dueOn", p."nextReviewOn",
       (SELECT count(*)::int FROM "PlanAction" pa WHERE pa."planId" = p.id AND pa.status IN ('not_started','in_progress') AND pa."dueOn" < current_date) AS "overdueActions",
       count(*) OVER () AS total
     FROM "Allocation" al
     JOIN "Contact" c ON c.id = al."contactId"
     JOIN "Family" f ON f.id = c."familyId"
     JOIN "User" u ON u.id = al."practitionerId"
     LEFT JOIN "Assessment" a ON a."contactId" = c.id
     LEFT JOIN "Plan" p ON p."contactId" = c.id
     WHERE al."practitionerId" = $1 AND al."endedAt" IS NULL AND c.status IN ${OPEN} AND f."teamId" = $2
     ORDER BY c."receivedOn", c.id LIMIT 50`,
    [actor.user.id, actor.user.teamId],
  );
  await rawAudit("list", "caseload");
  return rows;
}

/** A family page and its chronology in SQL: the family with its members, its episodes, the chronology's first 100 entries and their number. */
async function rawFamilyAndChronology(familyId: string, teamId: string) {
  const family = await admin.query(
    `SELECT f.*, t.name AS "teamName",
       (SELECT json_agg(m ORDER BY m.kind, m."dateOfBirth", m."firstName") FROM "FamilyMember" m WHERE m."familyId" = f.id) AS members
     FROM "Family" f JOIN "Team" t ON t.id = f."teamId" WHERE f.id = $1 AND f."teamId" = $2`,
    [familyId, teamId],
  );
  const episodes = await admin.query(
    `SELECT c.*, a.status AS "assessmentStatus", a."dueOn", u.name AS practitioner
     FROM "Contact" c LEFT JOIN "Assessment" a ON a."contactId" = c.id
     LEFT JOIN "Allocation" al ON al."contactId" = c.id AND al."endedAt" IS NULL LEFT JOIN "User" u ON u.id = al."practitionerId"
     WHERE c."familyId" = $1 ORDER BY c."receivedOn" DESC, c."createdAt" DESC`,
    [familyId],
  );
  const chronology = await admin.query(
    `SELECT *, count(*) OVER () AS total FROM (
       SELECT 'contact' AS type, id, "receivedOn"::timestamp AS date, "createdAt" AS at, reason AS text, NULL AS by FROM "Contact" WHERE "familyId" = $1
       UNION ALL SELECT 'consent', id, "recordedOn", "createdAt", "overrideReason", NULL FROM "Consent" WHERE "familyId" = $1
       UNION ALL SELECT 'decision', d.id, date_trunc('day', d."decidedAt"), d."decidedAt", d.rationale, u.name FROM "Decision" d JOIN "User" u ON u.id = d."decidedById" WHERE d."familyId" = $1
       UNION ALL SELECT 'allocation', a.id, date_trunc('day', a."startedAt"), a."startedAt", p.name, b.name FROM "Allocation" a JOIN "User" p ON p.id = a."practitionerId" JOIN "User" b ON b.id = a."allocatedById" WHERE a."familyId" = $1
       UNION ALL SELECT 'assessment', a.id, date_trunc('day', coalesce(a."signedOffAt", a."createdAt")), coalesce(a."signedOffAt", a."createdAt"), NULL, u.name FROM "Assessment" a LEFT JOIN "User" u ON u.id = a."signedOffById" WHERE a."familyId" = $1
       UNION ALL SELECT 'plan', id, "startedOn", "createdAt", NULL, NULL FROM "Plan" WHERE "familyId" = $1
       UNION ALL SELECT 'meeting', id, "heldOn", "createdAt", minutes, NULL FROM "TafMeeting" WHERE "familyId" = $1
       UNION ALL SELECT 'review', id, "heldOn", "createdAt", summary, NULL FROM "Review" WHERE "familyId" = $1
       UNION ALL SELECT 'note', n.id, n."occurredOn", n."createdAt", n."whatHappened" || E'\\n\\n' || n."differenceMade", u.name FROM "CaseNote" n JOIN "User" u ON u.id = n."authorId" WHERE n."familyId" = $1
       UNION ALL SELECT 'closure', c.id, c."closedOn", c."createdAt", c.summary, u.name FROM "Closure" c JOIN "User" u ON u.id = c."signedOffById" WHERE c."familyId" = $1
     ) e ORDER BY date DESC, at DESC LIMIT 100`,
    [familyId],
  );
  await rawAudit("read", "family", familyId);
  await rawAudit("read", "chronology", familyId);
  return { family: family.rows[0], episodes: episodes.rows, chronology: chronology.rows };
}

/** Family search in SQL: a page of 25 matches by family name, reference or member name, and the count. */
async function rawSearch(q: string, teamId: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await admin.query(
    `WITH hit AS (
       SELECT id FROM "Family" WHERE name ILIKE $1
       UNION SELECT id FROM "Family" WHERE reference ILIKE $1
       UNION SELECT "familyId" FROM "FamilyMember" WHERE "firstName" ILIKE $1 OR "lastName" ILIKE $1
     )
     SELECT f.id, f.reference, f.name, f."preferredLanguage", f."resettlementScheme", f."updatedAt",
       (SELECT count(*)::int FROM "FamilyMember" m WHERE m."familyId" = f.id) AS members, count(*) OVER () AS total
     FROM "Family" f JOIN hit USING (id) WHERE f."teamId" = $2
     ORDER BY f."updatedAt" DESC, f.id LIMIT 25`,
    [pattern, teamId],
  );
  await rawAudit("list", "family");
  return rows;
}

async function familyAndChronology(actor: Actor, familyId: string) {
  // The family page loader, then the chronology loader (newest first, every type).
  const { family, episodes } = await getFamilyPage(actor, familyId);
  const chronology = await getChronology(actor, familyId, { order: "desc", types: [] });
  return { family, episodes, chronology };
}

type Row = { size: number; notes: number; op: string; rows: string; app: Timing; raw: Timing };
const results: Row[] = [];

async function familyCount(): Promise<number> {
  return (await admin.query(`SELECT count(*)::int AS n FROM "Family"`)).rows[0].n;
}

try {
  for (const size of SIZES) {
    const schema = schemaFor(size);
    await useSchema(admin, base, schema);
    if (!(await admin.query(`SELECT 1 FROM "Team" WHERE id = 'bench-t1'`)).rowCount) await seedStaff(admin);
    const have = await familyCount();
    if (have > size) throw new Error(`schema ${schema} already holds ${have} families (> ${size})`);
    if (have < size) {
      log(`seeding families ${have + 1}–${size}`);
      await seedFamilies(admin, have + 1, size, log);
    }
    const notes = (await admin.query(`SELECT count(*)::int AS n FROM "CaseNote"`)).rows[0].n as number;
    log(`measuring at ${size} families, ${notes} case notes, N=${N}`);

    const caseload = await getMyCaseload(caseloadActor);
    const rawRows = await rawCaseload(caseloadActor);
    if (caseload.rows.length !== rawRows.length) log(`warning: caseload rows ${caseload.rows.length} vs SQL ${rawRows.length}`);
    results.push({ size, notes, op: "caseload (my open cases)", rows: `${caseload.rows.length}/${caseload.total}`, ...(await measurePair(N, () => getMyCaseload(caseloadActor), () => rawCaseload(caseloadActor))) });

    for (const [label, i] of [["family + chronology, typical", TYPICAL], ["family + chronology, 500 notes", LONG]] as const) {
      const actor = actorFor(practitionerOf(i), teamOf(i), "practitioner");
      const id = `fam${i}`;
      const { chronology } = await familyAndChronology(actor, id);
      const raw = await rawFamilyAndChronology(id, teamOf(i));
      if (chronology.entries.length !== raw.chronology.length) log(`warning: chronology entries ${chronology.entries.length} vs SQL ${raw.chronology.length}`);
      results.push({ size, notes, op: `${label} (${notesOf(i)} notes)`, rows: `${chronology.entries.length}/${chronology.total}`, ...(await measurePair(N, () => familyAndChronology(actor, id), () => rawFamilyAndChronology(id, teamOf(i)))) });
    }

    const searchActor = actorFor(practitionerOf(TYPICAL), teamOf(TYPICAL), "practitioner");
    for (const [label, q] of [["search by name", surnameOf(TYPICAL)], ["search by reference", `EH-${String(TYPICAL).padStart(6, "0")}`]] as const) {
      const found = await listFamilies(searchActor, { q });
      const raw = await rawSearch(q, searchActor.user.teamId!);
      if (found.total !== Number(raw[0]?.total ?? 0)) log(`warning: ${label} total ${found.total} vs SQL ${raw[0]?.total ?? 0}`);
      results.push({ size, notes, op: `${label} "${q}"`, rows: `${found.families.length}/${found.total}`, ...(await measurePair(N, () => listFamilies(searchActor, { q }), () => rawSearch(q, searchActor.user.teamId!))) });
    }
  }

  const first = new Map<string, Row>();
  const table = results.map((r) => {
    const f = first.get(r.op) ?? (first.set(r.op, r), r);
    const growth = f === r ? "" : `${ratio(r.app.p50, f.app.p50)} / ${ratio(r.app.p95, f.app.p95)}`;
    return [`${r.size.toLocaleString("en-GB")} fam / ${r.notes.toLocaleString("en-GB")} notes`, r.op, r.rows, ms(r.app.p50), ms(r.app.p95), ms(r.raw.p50), ms(r.raw.p95), ratio(r.app.p95, r.raw.p95), growth];
  });
  console.log(`\ncasework at scale (PostgreSQL, ${keep ? `schemas ${keep}_<size>` : "a throwaway schema grown from size to size"}, N=${N} per operation, times in ms)`);
  console.log(formatTable(["size", "operation", "rows", "app p50", "app p95", "SQL p50", "SQL p95", "p95 ratio", "growth p50 / p95"], table));
  console.log(`targets: p95 ratio ≤ 3.00×; growth at 10× the data ≤ 1.30×`);

} finally {
  await getDb().$disconnect();
  if (!keep) await admin.query(`DROP SCHEMA IF EXISTS "${throwaway}" CASCADE`);
  await admin.end();
}
