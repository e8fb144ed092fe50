/**
 * Drives concurrent survey submissions through the HTTP server against PostgreSQL and
 * prints responses per second beside pgbench's single-insert rate measured in the same
 * run on the same server. Target: ≥ 50 % of pgbench. Uses a schema of its own, dropped after.
 * Usage: npm run build && npx tsx bench/survey-submit.ts
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test), N (codes,
 * default 3000), C (concurrent clients, default 16), PGBENCH (path to pgbench).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile, rm } from "node:fs/promises";
import { promisify } from "node:util";
import pg from "pg";
import { startServer } from "./server";

const base = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const N = Number(process.env.N ?? 3000);
const C = Number(process.env.C ?? 16);
const schema = `bench_survey_${process.pid}`;
const pgbench = process.env.PGBENCH ?? (existsSync("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench");

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE SCHEMA "${schema}"`);
const url = new URL(base);
url.searchParams.set("schema", schema);
process.env.DATABASE_URL = url.toString();

const server = await startServer(4280 + (process.pid % 9), { DATABASE_URL: url.toString() });
try {
  // Codes with every required answer saved, as after a parent's last page.
  const { getDb } = await import("~/utils/db.server");
  const { createSurveyForYear, openSurvey } = await import("~/models/survey/survey.server");
  const { newCode } = await import("~/models/survey/invitation.server");
  const db = getDb();
  const survey = await createSurveyForYear(null, 2026, db, { fromDefault: true });
  await openSurvey(null, survey.id, [], db);
  const draft = { listened: "agree", understood: "agree", right_time: "strongly_agree", better: "agree", recommend: "agree", score: "9", helped_most: ["talk", "child"], what_helped: "Someone who listened." };
  const codes = Array.from({ length: N + 100 }, () => newCode());
  for (let i = 0; i < codes.length; i += 1000) {
    await db.surveyInvitation.createMany({ data: codes.slice(i, i + 1000).map((code) => ({ surveyId: survey.id, code, service: "casework" as const, language: "en", draft, page: 3 })) });
  }
  await db.$disconnect();

  const submit = async (code: string) => {
    const res = await fetch(`${server.baseURL}/s/${code}/check?lng=en`, {
      method: "POST",
      body: "",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseURL },
    });
    await res.arrayBuffer();
    return res.headers.get("location")?.endsWith(`/s/${code}/done?lng=en`) ?? false;
  };
  // Warm-up: the structure cache, the connection pool, the JIT.
  await Promise.all(codes.slice(N).map(submit));

  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < N) {
        const code = codes[next++]!;
        if (await submit(code)) ok += 1;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  // The same clients on /healthz (one SELECT 1), to show what the HTTP stack alone allows here.
  let h = 0;
  const th = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (h < N) {
        h += 1;
        await (await fetch(`${server.baseURL}/healthz`)).arrayBuffer();
      }
    }),
  );
  const healthRate = N / ((performance.now() - th) / 1000);
  const stored = (await admin.query(`SELECT count(*)::int AS n FROM "${schema}"."SurveyResponse"`)).rows[0].n as number;
  const appRate = N / seconds;

  // pgbench: one single-row INSERT per transaction into a table shaped like SurveyResponse.
  await admin.query(`CREATE TABLE "${schema}".bench_insert (id bigserial PRIMARY KEY, survey_id text, year int, service text, language text, answers jsonb)`);
  const script = `/tmp/${schema}.sql`;
  await writeFile(script, `INSERT INTO bench_insert (survey_id, year, service, language, answers) VALUES ('${survey.id}', 2026, 'casework', 'en', '${JSON.stringify(draft)}');\n`);
  const { stdout } = await promisify(execFile)(pgbench, ["-n", "-c", String(C), "-j", "2", "-T", "10", "-f", script, "-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres"), url.pathname.slice(1)], {
    env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
  });
  await rm(script, { force: true });
  const tps = Number(/tps = ([0-9.]+)/.exec(stdout)?.[1] ?? NaN);

  console.log(`survey submit through HTTP: ${N} submissions by ${C} concurrent clients in ${seconds.toFixed(2)} s = ${appRate.toFixed(0)} responses/s (${ok} confirmed, ${stored - 100} stored)`);
  console.log(`baseline through the same server: GET /healthz ${healthRate.toFixed(0)} requests/s`);
  console.log(`pgbench single INSERT, ${C} clients, 10 s: ${tps.toFixed(0)} tps`);
  console.log(`ratio: ${((appRate / tps) * 100).toFixed(0)} % of pgbench (target ≥ 50 %)`);
} finally {
  await server.stop();
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.end();
}
