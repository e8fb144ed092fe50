/**
 * Helpers for the system tests: the built server (build/server.js) run as a child process
 * on a database the test prepares, and the HTTP a browser would send to it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { createSurveyForYear } from "~/models/survey/survey.server";
import { newCode } from "~/models/survey/invitation.server";
import { parseDatabaseUrl, quoteIdent } from "~/utils/db-url.server";
import { startEmbeddedDb } from "~/utils/embedded-db.server";
import { migrate } from "~/utils/migrate.server";
import { createTeam, createUser } from "../factories/user";

/** Shared by every instance, as it must be behind a load balancer: sessions are signed with it. */
export const SESSION_SECRET = "system-test-secret-0123456789-abcdefghijkl";
export const PASSWORD = "system test password 2026";

/** The PostgreSQL server the PostgreSQL runs use (a schema of their own in it). */
export const POSTGRES_URL = process.env.SYSTEM_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type App = {
  baseURL: string;
  child: ChildProcess;
  /** Ends the process with SIGKILL: no shutdown code runs. */
  kill: () => Promise<void>;
  /** Ends the process with SIGTERM (a clean shutdown) and waits for it. */
  stop: () => Promise<void>;
  output: () => string;
};

// Whatever happens to the test (a timeout, a failed hook), no server outlives it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts build/server.js and resolves once it has logged "listening" and /healthz answers
 * 200 (the database is open and migrated). PORT=0 lets the system choose a free port
 * unless SYSTEM_TEST_PORT gives a first port to count up from.
 */
export async function startApp(env: { DATA_DIR: string } | { DATABASE_URL: string }, index = 0): Promise<App> {
  if (!existsSync("build/server.js") || !existsSync("build/index.js")) {
    throw new Error("The system tests run the built app: run `npm run build` first.");
  }
  const base = Number(process.env.SYSTEM_TEST_PORT ?? 0);
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(VITEST|TEST_|DATABASE_URL$|DATA_DIR$|PORT$)/.test(key)) childEnv[key] = value;
  }
  const child = spawn(process.execPath, ["build/server.js"], {
    env: { ...childEnv, ...env, NODE_ENV: "test", HOST: "127.0.0.1", PORT: String(base ? base + index : 0), SESSION_SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
  };
  createInterface({ input: child.stderr! }).on("line", keep);
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      keep(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === "listening" && entry.url) resolve(entry.url);
      } catch {
        // the demo sign-in banner is plain text
      }
    });
    child.once("exit", (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${lines.join("\n")}`)));
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let baseURL: string;
  try {
    baseURL = await listening;
    const health = await fetch(`${baseURL}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    baseURL,
    child,
    kill: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited(child);
    },
    output: () => lines.join("\n"),
  };
}

export type Fixture = { email: string; familyId: string; codes: string[] };

/** Every required answer of the default survey, as saved after a parent's last page. */
const COMPLETE_DRAFT = {
  listened: "agree",
  understood: "agree",
  right_time: "strongly_agree",
  better: "agree",
  recommend: "agree",
  score: "9",
  helped_most: ["talk", "child"],
  what_helped: "Someone who listened.",
};

/**
 * Migrates the database and adds what the tests need: a practitioner in a team with one
 * family of that team, and an open survey with `codes` invitations whose answers are
 * complete (ready to send).
 */
export async function prepareDatabase(url: string, codes = 0): Promise<Fixture> {
  await migrate(url);
  const { connectionString, schema } = parseDatabaseUrl(url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1 }, { schema }) });
  try {
    const team = await createTeam(db, "System test team");
    const user = await createUser(db, { roles: ["practitioner"], teamId: team.id, password: PASSWORD });
    const family = await db.family.create({ data: { reference: "SYS-00001", name: "Okafor", teamId: team.id } });
    const list = Array.from({ length: codes }, () => newCode());
    if (codes > 0) {
      const survey = await createSurveyForYear(null, new Date().getUTCFullYear(), db, { fromDefault: true });
      await db.survey.update({ where: { id: survey.id }, data: { status: "open", languages: ["en"], openedAt: new Date() } });
      await db.surveyInvitation.createMany({
        data: list.map((code) => ({ surveyId: survey.id, code, service: "casework" as const, language: "en", draft: COMPLETE_DRAFT, page: 3 })),
      });
    }
    return { email: user.email, familyId: family.id, codes: list };
  } finally {
    await db.$disconnect();
  }
}

/** Runs `fn` with a `pg` client on the database: PGlite opened on its data directory, or PostgreSQL. */
export async function withClient<T>(target: { DATA_DIR: string } | { DATABASE_URL: string }, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const embedded = "DATA_DIR" in target ? await startEmbeddedDb(target.DATA_DIR) : null;
  const url = embedded ? embedded.url : (target as { DATABASE_URL: string }).DATABASE_URL;
  const client = new pg.Client({ connectionString: parseDatabaseUrl(url).connectionString });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
    await embedded?.stop();
  }
}

/** Prepares a PGlite data directory (the server must not be running on it). */
export async function prepareEmbedded(dataDir: string, codes = 0): Promise<Fixture> {
  const embedded = await startEmbeddedDb(dataDir);
  try {
    return await prepareDatabase(embedded.url, codes);
  } finally {
    await embedded.stop();
  }
}

/** A fresh schema in the PostgreSQL server, and a function that drops it. */
export async function createSchema(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.end();
    },
  };
}

/** A form post as a browser sends it from the same site. */
export function postForm(baseURL: string, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${baseURL}${path}`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(fields).toString(),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseURL,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

/** Signs in; returns the status and, on success, the session cookie ("eh_session=..."). */
export async function signIn(baseURL: string, email: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const res = await postForm(baseURL, "/login", { email, password, redirectTo: "/" });
  await res.arrayBuffer();
  const session = res.headers.getSetCookie().find((c) => c.startsWith("eh_session="));
  return { status: res.status, cookie: session ? session.split(";")[0]! : null };
}

/** The CSRF token in a signed-in page's forms. */
export async function csrfToken(baseURL: string, path: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseURL}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await res.text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (res.status !== 200 || !token) throw new Error(`no CSRF token on ${path} (status ${res.status})`);
  return token;
}
