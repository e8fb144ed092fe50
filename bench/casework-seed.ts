/**
 * Set-based seeding of realistic casework for the scale benchmarks: every table is one
 * `INSERT … SELECT … generate_series`, so 100,000 families and a million case notes take
 * a minute or two, not hours. Deterministic: family i always gets the same members,
 * episodes and notes, so `seedFamilies(c, 10_001, 100_000)` grows a 10,000-family
 * database to 100,000 without touching the first 10,000.
 *
 * Shape of the data (per family i):
 * - team 1 + i % TEAMS; one lead and PRACTITIONERS practitioners per team;
 * - one surname from 2,500 (40 × 62 syllables), 1–2 adults and 1–3 children;
 * - one episode (contact), two for every third family; the latest is open for 1 family in
 *   20 (chosen by hash, so spread over teams and practitioners) (allocated, assessment under way, plan with actions), every other episode is
 *   closed (signed-off assessment, plan, a review, closure with outcomes, a closure
 *   decision); episodes spread over the last five years;
 * - 1–19 case notes (10 on average), and 500 for every 1,000th family (long-running
 *   cases), about 200 characters each.
 */
import type pg from "pg";

export const TEAMS = 4;
export const PRACTITIONERS = 10;

/** Teams, leads and practitioners ("bench-t1", "bench-t1-p0", "bench-t1-lead"). */
export async function seedStaff(c: pg.Client) {
  await c.query(`
    INSERT INTO "Team" (id, name, "updatedAt")
    SELECT 'bench-t' || t, 'Bench team ' || t, now() FROM generate_series(1, ${TEAMS}) t`);
  await c.query(`
    INSERT INTO "User" (id, email, name, roles, "teamId", "passwordHash", "updatedAt")
    SELECT 'bench-t' || t || '-p' || p, 'p' || p || '.t' || t || '@bench.invalid', 'Practitioner ' || t || '.' || p,
      ARRAY['practitioner']::"Role"[], 'bench-t' || t, 'x', now()
    FROM generate_series(1, ${TEAMS}) t, generate_series(0, ${PRACTITIONERS - 1}) p
    UNION ALL
    SELECT 'bench-t' || t || '-lead', 'lead.t' || t || '@bench.invalid', 'Lead ' || t, ARRAY['lead']::"Role"[], 'bench-t' || t, 'x', now()
    FROM generate_series(1, ${TEAMS}) t`);
}

/** Notes family i gets (see the header); the SQL below uses the same rule. */
export function notesOf(i: number) {
  return i % 1000 === 0 ? 500 : 1 + (i % 19);
}

/** The family's surname, as the SQL builds it. */
export function surnameOf(i: number) {
  const a = SYL_A[(i * 7) % SYL_A.length]!;
  const b = SYL_B[(i * 13) % SYL_B.length]!;
  return a + b;
}

const SYL_A = ["Ab", "Al", "Ash", "Bar", "Bel", "Bra", "Cal", "Car", "Chi", "Dal", "Dar", "Ed", "El", "Far", "Fitz", "Gal", "Gar", "Hal", "Har", "Has", "Ib", "Jam", "Kar", "Kh", "Lan", "Mac", "Mal", "Mor", "Nak", "Ok", "Os", "Pat", "Ra", "Sal", "Sh", "Tal", "Ud", "Wal", "Yus", "Zar"];
const SYL_B = ["ley", "son", "ford", "ton", "wood", "man", "ani", "afor", "ami", "ari", "ova", "enko", "czyk", "ski", "oglu", "han", "ridge", "well", "dale", "field", "worth", "ham", "ing", "ett", "ard", "er", "ow", "ie", "ey", "ia", "ez", "os", "ar", "el", "in", "ov", "ic", "oto", "ado", "ura", "ahi", "emi", "une", "ayo", "ik", "ut", "ak", "em", "ol", "on", "un", "ir", "ur", "id", "ad", "od", "ud", "ash", "ish", "osh", "esh", "ush"];

const FIRST = ["Amina", "Ben", "Chloe", "Daniel", "Ebru", "Farhan", "Grace", "Hamid", "Isla", "Jakub", "Kateryna", "Leo", "Maryam", "Noah", "Olena", "Priya", "Qasim", "Ruby", "Sami", "Tariq", "Uzma", "Viktor", "Wiktoria", "Yusuf", "Zara"];

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;

/**
 * Seeds families `from`..`to` (inclusive) with members, episodes and case notes, then
 * ANALYZE. The caller has set search_path to the benchmark schema.
 */
export async function seedFamilies(c: pg.Client, from: number, to: number, log: (m: string) => void = () => {}) {
  const range = `generate_series(${from}, ${to}) i`;
  const surname = `(${sqlArray(SYL_A)})[1 + (i * 7) % ${SYL_A.length}] || (${sqlArray(SYL_B)})[1 + (i * 13) % ${SYL_B.length}]`;
  const team = `'bench-t' || (1 + i % ${TEAMS})`;
  const practitioner = `'bench-t' || (1 + i % ${TEAMS}) || '-p' || ((i / ${TEAMS}) % ${PRACTITIONERS})`;
  const lead = `'bench-t' || (1 + i % ${TEAMS}) || '-lead'`;
  const t0 = performance.now();
  const step = async (label: string, sql: string) => {
    const s = performance.now();
    const r = await c.query(sql);
    log(`  ${label}: ${r.rowCount} rows in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };

  await step("families", `
    INSERT INTO "Family" (id, reference, name, "teamId", "addressLine1", town, postcode, "preferredLanguage", "createdAt", "updatedAt")
    SELECT 'fam' || i, 'EH-' || lpad(i::text, 6, '0'), ${surname} || ' family', ${team},
      (i % 200 + 1) || ' Station Road', 'Benchton', 'BT' || (i % 30 + 1) || ' ' || (i % 9 + 1) || 'AB',
      (ARRAY['en','en','en','ar','ur','pl','uk','fa-AF','so','bn'])[1 + i % 10],
      now() - (i % 1800) * interval '1 day', now() - (i % 1800) * interval '1 day'
    FROM ${range}`);

  await step("members", `
    INSERT INTO "FamilyMember" (id, "familyId", kind, "firstName", "lastName", "dateOfBirth", relationship, "updatedAt")
    SELECT 'mem' || i || 'x' || m, 'fam' || i,
      (CASE WHEN m <= 1 + i % 2 THEN 'adult' ELSE 'child' END)::"MemberKind",
      (${sqlArray(FIRST)})[1 + (i * 3 + m * 5) % ${FIRST.length}], ${surname},
      CASE WHEN m <= 1 + i % 2 THEN date '1975-01-01' + (i % 7000) ELSE date '2008-01-01' + ((i * m) % 6000) END,
      CASE WHEN m <= 1 + i % 2 THEN 'parent' END, now()
    FROM ${range}, generate_series(1, 2 + i % 2 + i % 3) m`);

  // Episodes: e = 1..n(i); the last is open for 1 family in 20. Dates in days before today.
  const episodes = `
    SELECT i, e, ${team} AS team, ${practitioner} AS practitioner, ${lead} AS lead,
      'con' || i || 'x' || e AS cid,
      (e = 1 + (i % 3 = 0)::int AND hashint4(i) % 20 = 0) AS open,
      CASE WHEN e = 1 + (i % 3 = 0)::int AND hashint4(i) % 20 = 0 THEN current_date - (i % 150)
           ELSE current_date - 120 - ((i * 37 + e * 400) % 1700) END AS received
    FROM ${range}, generate_series(1, 1 + (i % 3 = 0)::int) e`;
  await c.query(`CREATE TEMP TABLE bench_ep ON COMMIT PRESERVE ROWS AS ${episodes}`);
  await c.query(`CREATE INDEX ON bench_ep (cid)`);
  await step("contacts", `
    INSERT INTO "Contact" (id, "familyId", "teamId", "receivedOn", source, "sourceDetail", reason, status, "reReferral", "assessmentDays", "createdById", "createdAt", "updatedAt")
    SELECT cid, 'fam' || i, team, received,
      (ARRAY['MASH','school','health','self_referral','step_down_csc','resettlement','other'])[1 + (i + e) % 7]::"ContactSource",
      'Referrer ' || (i % 50), 'Worries about school attendance and family relationships; parent asked for help with routines.',
      (CASE WHEN open THEN 'open' ELSE 'closed' END)::"ContactStatus", e > 1, 45, lead, received, received
    FROM bench_ep`);
  await step("consents", `
    INSERT INTO "Consent" (id, "familyId", "contactId", purpose, status, "recordedOn", "recordedById", "createdAt", "updatedAt")
    SELECT 'cns' || cid, 'fam' || i, cid, 'early_help_support', 'given', received, lead, received, received FROM bench_ep`);
  await step("decisions", `
    INSERT INTO "Decision" (id, "familyId", "contactId", stage, outcome, rationale, "decidedById", "decidedAt", "createdAt", "updatedAt")
    SELECT 'dec' || cid, 'fam' || i, cid, 'contact'::"DecisionStage", 'accept_for_assessment'::"DecisionOutcome", 'Needs across education and relationships.', lead, received + 2, received + 2, received + 2 FROM bench_ep
    UNION ALL
    SELECT 'dcl' || cid, 'fam' || i, cid, 'closure'::"DecisionStage", 'close'::"DecisionOutcome", 'Outcomes met.', lead, received + 100, received + 100, received + 100 FROM bench_ep WHERE NOT open`);
  await step("allocations", `
    INSERT INTO "Allocation" (id, "familyId", "contactId", "practitionerId", "allocatedById", "startedAt", "endedAt", "createdAt", "updatedAt")
    SELECT 'alc' || cid, 'fam' || i, cid, practitioner, lead, received + 3, CASE WHEN NOT open THEN received + 100 END, received + 3, received + 3 FROM bench_ep`);
  await step("assessments", `
    INSERT INTO "Assessment" (id, "familyId", "contactId", status, strengths, "dueOn", "signedOffById", "signedOffAt", "createdAt", "updatedAt")
    SELECT 'asm' || cid, 'fam' || i, cid, (CASE WHEN open THEN 'draft' ELSE 'signed_off' END)::"AssessmentStatus", 'Warm relationships.',
      received + 63, CASE WHEN NOT open THEN lead END, CASE WHEN NOT open THEN received + 40 + i % 40 END, received + 5, received + 5 FROM bench_ep`);
  await step("plans", `
    INSERT INTO "Plan" (id, "familyId", "contactId", "reviewIntervalWeeks", "startedOn", "nextReviewOn", "createdAt", "updatedAt")
    SELECT 'pln' || cid, 'fam' || i, cid, 6, received + 45, received + 87, received + 45, received + 45 FROM bench_ep`);
  await step("plan outcomes", `
    INSERT INTO "PlanOutcome" (id, "planId", need, description, "updatedAt")
    SELECT 'pou' || cid, 'pln' || cid, (ARRAY['education','family_relationships','health','housing'])[1 + i % 4]::"HeadlineOutcome", 'Children attend school every day.', now() FROM bench_ep`);
  await step("plan actions", `
    INSERT INTO "PlanAction" (id, "planId", "outcomeId", description, owner, agency, "dueOn", status, "updatedAt")
    SELECT 'pac' || cid || 'x' || a, 'pln' || cid, 'pou' || cid, 'Morning routine chart', 'Parent', 'Family', received + 50 + a * 14,
      (CASE WHEN open THEN 'in_progress' ELSE 'done' END)::"ActionStatus", now()
    FROM bench_ep, generate_series(1, 2) a`);
  await step("reviews", `
    INSERT INTO "Review" (id, "familyId", "planId", "heldOn", summary, "createdAt", "updatedAt")
    SELECT 'rev' || cid, 'fam' || i, 'pln' || cid, received + 85 + i % 10, 'Good progress.', received + 85, received + 85 FROM bench_ep WHERE NOT open`);
  await step("closures", `
    INSERT INTO "Closure" (id, "familyId", "contactId", "closedOn", reason, summary, "signedOffById", "signedOffAt", "createdAt", "updatedAt")
    SELECT 'clo' || cid, 'fam' || i, cid, received + 100, (ARRAY['outcomes_met','outcomes_met','outcomes_met','family_declined','moved_away','stepped_up'])[1 + i % 6]::"ClosureReason",
      'Outcomes met; family confident.', lead, received + 100, received + 100, received + 100 FROM bench_ep WHERE NOT open`);
  await step("closure outcomes", `
    INSERT INTO "ClosureOutcome" (id, "closureId", need, result, "updatedAt")
    SELECT 'cou' || cid, 'clo' || cid, (ARRAY['education','family_relationships','health','housing'])[1 + i % 4]::"HeadlineOutcome",
      (ARRAY['met','met','partly_met','not_met'])[1 + i % 4]::"NeedResult", now() FROM bench_ep WHERE NOT open`);
  // Notes hang from the family's latest episode, written by its practitioner.
  await step("case notes", `
    INSERT INTO "CaseNote" (id, "familyId", "contactId", "occurredOn", type, "whoSeen", purpose, "whatHappened", "differenceMade", "authorId", "createdAt", "updatedAt")
    SELECT 'not' || ep.i || 'x' || n, 'fam' || ep.i, ep.cid, ep.received + n % 400,
      (ARRAY['home','office','phone','video','school'])[1 + n % 5]::"VisitType", 'Mother and children',
      'Visit ' || n, 'Talked through the morning routine; the children showed their reward chart. School reports attendance at ' || (80 + n % 20) || ' per cent this half term.',
      'Mother feels more confident.', ep.practitioner, ep.received + n % 400, ep.received + n % 400
    FROM bench_ep ep, generate_series(1, CASE WHEN ep.i % 1000 = 0 THEN 500 ELSE 1 + ep.i % 19 END) n
    WHERE ep.e = 1 + (ep.i % 3 = 0)::int`);
  await c.query(`DROP TABLE bench_ep`);
  const s = performance.now();
  await c.query("ANALYZE");
  log(`  analyze: ${((performance.now() - s) / 1000).toFixed(1)} s; families ${from}–${to} seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
