/**
 * Reports at scale: seeds 100,000 families with their casework (bench/casework-seed.ts)
 * and 500,000 survey responses over five years (five surveys, one a year, the default
 * questions), then prints the time to build the annual report (buildReport for a financial
 * year, every team) and the survey's satisfaction results (buildSatisfactionResults, all
 * responses and one language), each beside the equivalent raw SQL aggregates in the same
 * run; then the same at a tenth of the size. Targets: ≤ 1.5× raw SQL; the time grows no
 * faster than the data (10× the data ≤ 10× the time).
 *
 * The raw baseline runs its aggregates in parallel on a pool of plain pg connections, as
 * the app runs its own through Prisma's pool, and writes the report's one audit entry.
 *
 * Usage: npx tsx bench/report-scale.ts
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test);
 *   SCALES (default "0.1,1": 1 = 100,000 families and 500,000 responses); SMALL=1 for
 *   "0.01,0.1"; N (timed iterations, default 20);
 *   SCHEMA (keep the data: scale s lives in schema SCHEMA_<families>, shared with
 *   bench/casework-scale.ts's SCHEMA, seeded where empty and never dropped).
 */
import pg from "pg";
import { seedFamilies, seedStaff } from "./casework-seed";
import { useSchema } from "./schema";
import { formatTable, measurePair, ms, ratio, type Timing } from "./stats";

const base = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const SCALES = (process.env.SCALES ?? (process.env.SMALL ? "0.01,0.1" : "0.1,1")).split(",").map(Number);
const N = Number(process.env.N ?? 20);
const keep = process.env.SCHEMA ?? null;
const log = (m: string) => console.error(m);

/** The five survey years; the annual report is the financial year starting in REPORT_YEAR. */
const LAST_YEAR = 2026;
const YEARS = [LAST_YEAR - 4, LAST_YEAR - 3, LAST_YEAR - 2, LAST_YEAR - 1, LAST_YEAR];
const REPORT_YEAR = LAST_YEAR - 1;

const admin = new pg.Client({ connectionString: base });
await admin.connect();
const { getDb } = await import("~/utils/db.server");
const { buildReport } = await import("~/models/reports/index.server");
const { financialYearStarting } = await import("~/models/reports/period");
const { createSurveyForYear } = await import("~/models/survey/survey.server");
const { buildSatisfactionResults } = await import("~/models/survey/results.server");
type Actor = import("~/utils/auth.server").Actor;

const user = { id: "bench-t1-lead", email: "lead.t1@bench.invalid", name: "Lead 1", roles: ["administrator" as const], teamId: null, teamName: null, preferredLanguage: "en", mustChangePassword: false };
const actor: Actor = { user, sessionId: "bench", info: { requestId: "bench", ip: "127.0.0.1" } };

const AGREE = ["strongly_agree", "agree", "agree", "strongly_agree", "neutral", "disagree", "strongly_disagree", "na"];
const LANGS = ["en", "en", "en", "ar", "ur", "pl", "uk", "fa-AF", "so", "bn", "ps", "tr"];
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;
/** A deterministic pick from `xs` for response n and question k. */
const pick = (xs: string[], k: number) => `(${sqlArray(xs)})[1 + abs(hashint4(n * 31 + ${k})) % ${xs.length}]`;

/** Five surveys made by the app from the default questions, then `perYear` responses and 1.4× as many invitations each, in SQL. */
async function seedSurveys(perYear: number) {
  const db = getDb();
  for (const year of YEARS) await createSurveyForYear(null, year, db, { fromDefault: true });
  await admin.query(`UPDATE "Survey" SET status = 'closed' WHERE year < ${LAST_YEAR}`);
  const t = performance.now();
  const r = await admin.query(`
    INSERT INTO "SurveyResponse" (id, "surveyId", year, service, language, answers)
    SELECT gen_random_uuid()::text, s.id, s.year, (ARRAY['casework','casework','course','group'])[1 + n % 4]::"SurveyService", ${pick(LANGS, 7)},
      jsonb_strip_nulls(jsonb_build_object(
        'listened', ${pick(AGREE, 1)}, 'understood', ${pick(AGREE, 2)}, 'right_time', ${pick(AGREE, 3)}, 'better', ${pick(AGREE, 4)},
        'recommend', ${pick(AGREE, 5)},
        'score', CASE WHEN n % 10 < 8 THEN (abs(hashint4(n * 31 + 6)) % 11)::text END,
        'how_met', CASE WHEN n % 5 < 4 THEN ${pick(["home", "centre", "phone", "mix"], 8)} END,
        'helped_most', CASE WHEN n % 3 > 0 THEN to_jsonb(ARRAY(SELECT o FROM unnest(ARRAY['talk','practical','child','parents','services','other']) WITH ORDINALITY u(o, k) WHERE abs(hashint4(n * 7 + k::int)) % 3 = 0)) END,
        'what_helped', CASE WHEN n % 4 = 0 THEN 'Someone who listened and came back when they said they would.' END
      ))
    FROM "Survey" s, generate_series(1, ${perYear}) n`);
  const inv = await admin.query(`
    INSERT INTO "SurveyInvitation" (id, "surveyId", code, service, language, "familyId", "sentAt", "completedOn", "updatedAt")
    SELECT 'inv' || s.year || 'x' || n, s.id, 'B' || s.year || '-' || n, (ARRAY['casework','casework','course','group'])[1 + n % 4]::"SurveyService", ${pick(LANGS, 7)},
      CASE WHEN n % 10 < 7 THEN 'fam' || (1 + n % (SELECT count(*) FROM "Family")) END, CASE WHEN n % 10 < 7 THEN make_date(s.year, 6, 1) END,
      CASE WHEN n <= ${perYear} THEN make_date(s.year, 7, 1) END, now()
    FROM "Survey" s, generate_series(1, ${Math.round(perYear * 1.4)}) n`);
  await admin.query(`ANALYZE "SurveyResponse"; ANALYZE "SurveyInvitation"`);
  log(`  survey responses: ${r.rowCount}, invitations: ${inv.rowCount} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

let pool: pg.Pool;

/** The annual report's aggregates in hand-written SQL, run in parallel, plus its audit entry. */
async function rawAnnual(from: string, to: string, surveyYear: number) {
  const q = (sql: string, params: unknown[] = []) => pool.query(sql, params);
  const london = (col: string) => `((${col} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date`;
  const results = await Promise.all([
    // Contacts by source, re-referrals and contacts from social care in one scan.
    q(`SELECT source, count(*)::int AS n, count(*) FILTER (WHERE "reReferral")::int AS re FROM "Contact" WHERE "receivedOn" BETWEEN $1 AND $2 GROUP BY 1`, [from, to]),
    q(`SELECT stage, outcome, count(*)::int AS n FROM "Decision" WHERE ${london(`"decidedAt"`)} BETWEEN $1 AND $2 GROUP BY 1, 2`, [from, to]),
    q(`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${london(`"signedOffAt"`)} <= "dueOn")::int AS ontime FROM "Assessment"
       WHERE status = 'signed_off' AND "signedOffAt" IS NOT NULL AND ${london(`"signedOffAt"`)} BETWEEN $1 AND $2`, [from, to]),
    q(`SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PlanAction" a WHERE a."planId" = p.id))::int AS dated FROM "Plan" p WHERE "startedOn" BETWEEN $1 AND $2`, [from, to]),
    q(`WITH r AS (SELECT rv."heldOn", COALESCE(LAG(rv."heldOn") OVER (PARTITION BY rv."planId" ORDER BY rv."heldOn", rv."createdAt"), p."startedOn") + p."reviewIntervalWeeks" * 7 AS due
         FROM "Review" rv JOIN "Plan" p ON p.id = rv."planId" WHERE rv."heldOn" <= $2)
       SELECT count(*)::int AS total, count(*) FILTER (WHERE "heldOn" <= due)::int AS ontime FROM r WHERE "heldOn" >= $1`, [from, to]),
    q(`SELECT reason, count(*)::int AS n FROM "Closure" WHERE "closedOn" BETWEEN $1 AND $2 GROUP BY 1`, [from, to]),
    q(`SELECT o.need, o.result, count(*)::int AS n FROM "ClosureOutcome" o JOIN "Closure" c ON c.id = o."closureId" WHERE c."closedOn" BETWEEN $1 AND $2 GROUP BY 1, 2`, [from, to]),
    q(`SELECT count(*) FILTER (WHERE "heldOn" < (month + interval '1 month')::date)::int AS ontime, count(*) FILTER (WHERE "heldOn" >= (month + interval '1 month')::date)::int AS late,
         count(*) FILTER (WHERE "heldOn" IS NULL)::int AS missed FROM "Supervision" WHERE month BETWEEN $1 AND $2`, [from, to]),
    q(`SELECT ${["listened", "understood", "right_time", "better", "recommend"].map((k) => `count(*) FILTER (WHERE answers ? '${k}')::int AS "${k}", count(*) FILTER (WHERE answers ->> '${k}' IN ('strongly_agree','agree'))::int AS "${k}_agree"`).join(", ")}
       FROM "SurveyResponse" WHERE year = $1`, [surveyYear]),
  ]);
  await q(`INSERT INTO "AuditEvent" ("actorId", "actorEmail", action, entity, "entityId", ip, "requestId") VALUES ('bench', 'bench@bench.invalid', 'read', 'report', 'annual', '127.0.0.1', 'bench')`);
  return results;
}

/** The satisfaction results' figures in hand-written SQL, in parallel: count, distribution per question, response rate, year on year. */
async function rawSatisfaction(surveyId: string, year: number, language: string | null) {
  const q = (sql: string, params: unknown[]) => pool.query(sql, params);
  const lang = `($2::text IS NULL OR language = $2)`;
  const single = ["listened", "understood", "right_time", "better", "recommend", "score", "how_met"];
  return Promise.all([
    q(`SELECT count(*)::int AS n FROM "SurveyResponse" WHERE "surveyId" = $1 AND ${lang}`, [surveyId, language]),
    q(`SELECT k.key, r.answers ->> k.key AS option, count(*)::int AS n FROM "SurveyResponse" r CROSS JOIN unnest($3::text[]) k(key)
       WHERE r."surveyId" = $1 AND ${lang} AND r.answers ? k.key GROUP BY 1, 2`, [surveyId, language, single]),
    q(`SELECT e AS option, count(*)::int AS n FROM "SurveyResponse" r, jsonb_array_elements_text(r.answers -> 'helped_most') e WHERE r."surveyId" = $1 AND ${lang} GROUP BY 1
       UNION ALL SELECT NULL, count(*)::int FROM "SurveyResponse" r WHERE r."surveyId" = $1 AND ${lang} AND jsonb_typeof(r.answers -> 'helped_most') = 'array'`, [surveyId, language]),
    q(`SELECT ("familyId" IS NOT NULL OR "sentAt" IS NOT NULL) AS code, count(*)::int AS total, count(*) FILTER (WHERE "completedOn" IS NOT NULL)::int AS completed
       FROM "SurveyInvitation" WHERE "surveyId" = $1 AND NOT reusable AND ${lang} GROUP BY 1`, [surveyId, language]),
    q(`SELECT year, ${["listened", "understood", "right_time", "better", "recommend"].map((k) => `count(*) FILTER (WHERE answers ? '${k}')::int AS "${k}", count(*) FILTER (WHERE answers ->> '${k}' IN ('strongly_agree','agree'))::int AS "${k}_agree"`).join(", ")}
       FROM "SurveyResponse" WHERE year < $3 AND ${lang} AND $1::text IS NOT NULL GROUP BY year`, [surveyId, language, year]),
  ]);
}

type Row = { scale: number; families: number; responses: number; notes: number; op: string; app: Timing; raw: Timing };
const results: Row[] = [];
const throwaway: string[] = [];

try {
  for (const scale of SCALES) {
    const families = Math.round(100_000 * scale);
    const perYear = Math.round(100_000 * scale);
    const schema = keep ? `${keep}_${families}` : `bench_report_${process.pid}_${families}`;
    if (!keep) throwaway.push(schema);
    await useSchema(admin, base, schema);
    if (!(await admin.query(`SELECT 1 FROM "Team" WHERE id = 'bench-t1'`)).rowCount) await seedStaff(admin);
    const have = (await admin.query(`SELECT count(*)::int AS n FROM "Family"`)).rows[0].n as number;
    if (have > families) throw new Error(`schema ${schema} already holds ${have} families (> ${families})`);
    if (have < families) {
      log(`${schema}: seeding families ${have + 1}–${families}`);
      await seedFamilies(admin, have + 1, families, log);
    }
    if (!(await admin.query(`SELECT 1 FROM "Survey" LIMIT 1`)).rowCount) {
      log(`${schema}: seeding 5 surveys × ${perYear} responses`);
      await seedSurveys(perYear);
    }
    const counts = (await admin.query(`SELECT (SELECT count(*) FROM "SurveyResponse")::int AS responses, (SELECT count(*) FROM "CaseNote")::int AS notes`)).rows[0] as { responses: number; notes: number };
    pool = new pg.Pool({ connectionString: base, max: 10, options: `-c search_path=${schema}` });
    log(`measuring ${schema}: ${families} families, ${counts.notes} notes, ${counts.responses} responses, N=${N}`);
    const row = (op: string, t: { app: Timing; raw: Timing }) => results.push({ scale, families, responses: counts.responses, notes: counts.notes, op, ...t });

    const period = financialYearStarting(REPORT_YEAR);
    const from = period.from.toISOString().slice(0, 10);
    const to = period.to.toISOString().slice(0, 10);
    row(`annual report ${from}–${to}, all teams`, await measurePair(N, () => buildReport(actor, period, { teamId: null }, { action: "read", report: "annual" }), () => rawAnnual(from, to, REPORT_YEAR)));

    const survey = (await admin.query(`SELECT id FROM "Survey" WHERE year = $1`, [LAST_YEAR])).rows[0].id as string;
    row(`satisfaction results ${LAST_YEAR}, all`, await measurePair(N, () => buildSatisfactionResults(survey, {}), () => rawSatisfaction(survey, LAST_YEAR, null)));
    row(`satisfaction results ${LAST_YEAR}, language uk`, await measurePair(N, () => buildSatisfactionResults(survey, { language: "uk" }), () => rawSatisfaction(survey, LAST_YEAR, "uk")));
    await pool.end();
  }

  const first = new Map<string, Row>();
  const table = results.map((r) => {
    const f = first.get(r.op) ?? (first.set(r.op, r), r);
    const growth = f === r ? "" : `${ratio(r.app.p50, f.app.p50)} / ${ratio(r.app.p95, f.app.p95)} (data ${ratio(r.responses, f.responses)})`;
    return [`${r.families.toLocaleString("en-GB")} fam / ${r.responses.toLocaleString("en-GB")} resp`, r.op, ms(r.app.p50), ms(r.app.p95), ms(r.raw.p50), ms(r.raw.p95), ratio(r.app.p95, r.raw.p95), growth];
  });
  console.log(`\nreports at scale (PostgreSQL, N=${N} per operation, times in ms)`);
  console.log(formatTable(["size", "operation", "app p50", "app p95", "SQL p50", "SQL p95", "p95 ratio", "growth p50 / p95"], table));
  console.log(`targets: p95 ratio ≤ 1.50×; growth no faster than the data`);
} finally {
  await getDb().$disconnect();
  for (const s of throwaway) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await admin.end();
}
