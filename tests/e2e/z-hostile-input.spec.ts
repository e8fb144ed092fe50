import { existsSync, readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../../app/utils/demo-accounts";
import { expect, test } from "./fixtures";
import { HOSTILE_VALUES, MARKER, UNESCAPED } from "./hostile-corpus";

/**
 * The hostile input suite. Named z-… so it runs after the other browser tests: it fills
 * the demo database with hostile text and trips the rate limits of the public forms.
 *
 * 1. Crawl the app as each role, collecting every page and every form on it.
 * 2. Post every value of the corpus (240+) to every form, spread over its fields (value
 *    k·F+j into field j of request k), plus
 *    structural attacks: arrays for scalars, prototype keys, unknown fields, wrong
 *    content types, invalid and overlong UTF-8, an empty body.
 * 3. Expect no 5xx anywhere; on PostgreSQL, expect no row to change when every post to a
 *    form was refused; then crawl again and expect no unescaped copy of the corpus.
 */

const ROLES = {
  lead: "lead@demo.example",
  practitioner: "practitioner@demo.example",
  facilitator: "facilitator@demo.example",
  champion: "champion@demo.example",
  admin: "admin@demo.example",
} as const;
type Role = keyof typeof ROLES;

/** Never posted to: they end the crawler's session, lock it out, or change its password. */
const SKIP_ACTIONS = [/^\/logout/, /^\/login/, /^\/account\/password/];
const SKIP_LINKS = [/^\/logout/, /[?&]lng=/, /^\/locales\//, /^\/build\//, /^\/fonts\//, /\.(csv|xlsx|pdf|svg|ico|png|js|css)(\?|$)/];
const MAX_PAGES_PER_ROLE = 120;
const PER_PATTERN = 2;

type Field = { name: string; kind: "hidden" | "text" | "choice" | "checkbox"; value: string };
type FormSpec = { role: Role; page: string; method: "get" | "post"; action: string; fields: Field[]; submit?: { name: string; value: string } };

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (attrs: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(attrs);
  return m ? decode(m[1]!) : undefined;
};
/** /families/ckx…/contacts/ckz… → /families/:id/contacts/:id, so similar pages are visited only twice. */
const pattern = (path: string) => path.replace(/\/[a-z0-9]{20,}(?=\/|$|\?)/g, "/:id").replace(/\?.*$/, "");

async function signIn(baseURL: string, role: Role): Promise<{ ctx: APIRequestContext; csrf: string }> {
  const ctx = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  const res = await ctx.post("/login", { form: { email: ROLES[role], password: DEMO_PASSWORD } });
  expect(res.status(), `sign in as ${role}`).toBe(302);
  const { csrf } = (await (await ctx.get("/?_data=root")).json()) as { csrf: string };
  return { ctx, csrf };
}

function formsOf(html: string, page: string, role: Role): FormSpec[] {
  const out: FormSpec[] = [];
  for (const [, attrs = "", body = ""] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const method = (attr(attrs, "method") ?? "get").toLowerCase() === "post" ? "post" : "get";
    const action = attr(attrs, "action") ?? page;
    if (!action.startsWith("/")) continue;
    const fields: Field[] = [];
    const seen = new Set<string>();
    const add = (f: Field) => {
      if (seen.has(f.name)) return;
      seen.add(f.name);
      fields.push(f);
    };
    for (const [, a = ""] of body.matchAll(/<input\b([^>]*)>/gi)) {
      const name = attr(a, "name");
      if (!name) continue;
      const type = (attr(a, "type") ?? "text").toLowerCase();
      if (type === "submit" || type === "button" || type === "file") continue;
      add({ name, kind: type === "hidden" ? "hidden" : type === "checkbox" ? "checkbox" : type === "radio" ? "choice" : "text", value: attr(a, "value") ?? "" });
    }
    for (const [, a = ""] of body.matchAll(/<textarea\b([^>]*)>/gi)) {
      const name = attr(a, "name");
      if (name) add({ name, kind: "text", value: "" });
    }
    for (const [, a = ""] of body.matchAll(/<select\b([^>]*)>/gi)) {
      const name = attr(a, "name");
      if (name) add({ name, kind: "choice", value: "" });
    }
    const buttons = [...body.matchAll(/<button\b([^>]*)>/gi)].map(([, a = ""]) => ({ name: attr(a, "name"), value: attr(a, "value") ?? "" })).filter((b) => b.name);
    if (buttons.length) for (const b of buttons) out.push({ role, page, method, action, fields, submit: { name: b.name!, value: b.value } });
    else out.push({ role, page, method, action, fields });
  }
  return out;
}

type Crawl = { pages: Map<string, string>; forms: FormSpec[]; errors: string[] };

async function crawl(ctx: APIRequestContext, role: Role): Promise<Crawl> {
  const pages = new Map<string, string>();
  const forms: FormSpec[] = [];
  const errors: string[] = [];
  const perPattern = new Map<string, number>();
  const queue = ["/"];
  while (queue.length && pages.size < MAX_PAGES_PER_ROLE) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const key = pattern(url);
    if ((perPattern.get(key) ?? 0) >= PER_PATTERN) continue;
    perPattern.set(key, (perPattern.get(key) ?? 0) + 1);
    const res = await ctx.get(url);
    if (res.status() >= 500) errors.push(`GET ${url} as ${role}: ${res.status()}`);
    const type = res.headers()["content-type"] ?? "";
    if (res.status() !== 200 || !type.includes("text/html")) {
      pages.set(url, "");
      continue;
    }
    const html = await res.text();
    pages.set(url, html);
    // Administrators: never post to the pages of the accounts this suite signs in with.
    if (role === "admin" && /^\/admin\/users\/[a-z0-9]+$/.test(url) && Object.values(ROLES).some((email) => html.includes(email))) continue;
    forms.push(...formsOf(html, url, role));
    for (const [, href = ""] of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/gi)) {
      const link = decode(href).replace(/#.*$/, "");
      if (!link.startsWith("/") || link.startsWith("//")) continue;
      if (SKIP_LINKS.some((re) => re.test(link))) continue;
      if (!pages.has(link)) queue.push(link);
    }
  }
  return { pages, forms, errors };
}

const editable = (form: FormSpec) => form.fields.filter((f) => f.kind !== "hidden");
/** Requests needed so that every corpus value is sent to the form once, spread over its fields. */
const VIRTUAL_FIELDS = 8;
const fieldsOf = (form: FormSpec) => editable(form).length || VIRTUAL_FIELDS;
const requestsFor = (form: FormSpec) => Math.ceil(HOSTILE_VALUES.length / fieldsOf(form));

/** Request k puts corpus value k·F + j into editable field j (F fields). */
function bodyFor(form: FormSpec, csrf: string, k: number): URLSearchParams {
  const params = new URLSearchParams();
  const fieldCount = fieldsOf(form);
  let j = 0;
  for (const f of form.fields) {
    if (f.name === "csrf") params.set("csrf", csrf);
    else if (f.kind === "hidden") params.set(f.name, f.value);
    else params.set(f.name, HOSTILE_VALUES[(k * fieldCount + j++) % HOSTILE_VALUES.length]!);
  }
  // A form with nothing to type in (a button) still gets every value, as unknown fields.
  if (!editable(form).length) for (let v = 0; v < VIRTUAL_FIELDS; v++) params.set(`unexpected${v}`, HOSTILE_VALUES[(k * VIRTUAL_FIELDS + v) % HOSTILE_VALUES.length]!);
  if (form.method === "post" && !form.fields.some((f) => f.name === "csrf")) params.set("csrf", csrf);
  if (form.submit) params.set(form.submit.name, form.submit.value);
  return params;
}

/** Structural attacks: same form, wrong shapes. */
function structural(form: FormSpec, csrf: string): Array<{ label: string; body: string | Buffer; type: string }> {
  const base = bodyFor(form, csrf, 0);
  const first = form.fields.find((f) => f.kind !== "hidden")?.name ?? "x";
  const withExtra = (extra: string) => `${base.toString()}&${extra}`;
  const urlencoded = "application/x-www-form-urlencoded";
  return [
    { label: "array for a scalar", body: withExtra(`${encodeURIComponent(first)}=a&${encodeURIComponent(first)}=b`), type: urlencoded },
    { label: "bracketed array", body: withExtra(`${encodeURIComponent(first)}[]=a&${encodeURIComponent(first)}[0]=b`), type: urlencoded },
    { label: "__proto__ key", body: withExtra("__proto__[polluted]=1&__proto__=x"), type: urlencoded },
    { label: "constructor.prototype key", body: withExtra("constructor[prototype][polluted]=1&constructor.prototype.polluted=1"), type: urlencoded },
    { label: "nested __proto__", body: withExtra(`${encodeURIComponent(first)}.__proto__.polluted=1&members[0].__proto__.x=1`), type: urlencoded },
    { label: "unknown field", body: withExtra("isAdmin=true&role=administrator&teamId=other"), type: urlencoded },
    { label: "empty body", body: "", type: urlencoded },
    { label: "JSON body", body: JSON.stringify(Object.fromEntries(base)), type: "application/json" },
    { label: "text/plain", body: base.toString(), type: "text/plain" },
    { label: "XML", body: `<?xml version="1.0"?><x>${MARKER}</x>`, type: "application/xml" },
    { label: "invalid percent-encoding", body: withExtra(`${encodeURIComponent(first)}=%E0%A4%A&%zz=1`), type: urlencoded },
    { label: "overlong UTF-8", body: withExtra(`${encodeURIComponent(first)}=%C0%AF%E0%80%AF%F0%80%80%AF`), type: urlencoded },
    { label: "invalid UTF-8 bytes", body: Buffer.concat([Buffer.from(`${base.toString()}&${encodeURIComponent(first)}=`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1])]), type: urlencoded },
    { label: "NUL in the name", body: withExtra(`${encodeURIComponent(first)}%00=1`), type: urlencoded },
    { label: "charset trick", body: base.toString(), type: `${urlencoded}; charset=utf-7` },
  ];
}

/** On PostgreSQL: row counts of every table except sessions, sign-in attempts and the audit trail. */
async function fingerprint(client: pg.Client | null): Promise<string> {
  if (!client) return "";
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('Session', 'LoginAttempt', 'AuditEvent', '_eh_migrations') ORDER BY table_name`,
  );
  if (!tables.rows.length) return "";
  const sql = tables.rows.map((t) => `SELECT '${t.table_name}' AS t, count(*)::int AS n FROM "${t.table_name}"`).join(" UNION ALL ");
  const rows = await client.query<{ t: string; n: number }>(sql);
  return rows.rows.map((r) => `${r.t}=${r.n}`).join(",");
}

async function databaseClient(): Promise<pg.Client | null> {
  const file = ".tmp/e2e-database-url";
  if (!existsSync(file)) return null;
  const url = new URL(readFileSync(file, "utf8").trim());
  const schema = url.searchParams.get("schema");
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString(), options: schema ? `-c search_path="${schema}"` : undefined });
  await client.connect();
  return client;
}

test("hostile input to every form: no 5xx, no change when refused, nothing unescaped", async ({ baseURL }) => {
  test.setTimeout(20 * 60_000);
  expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(200);
  const errors: string[] = [];
  const unchangedChecks: string[] = [];
  const client = await databaseClient();
  const sessions = new Map<Role, { ctx: APIRequestContext; csrf: string }>();
  const seenForms = new Set<string>();
  let posted = 0;
  let valuesSent = 0;
  try {
    for (const role of Object.keys(ROLES) as Role[]) {
      const session = await signIn(baseURL!, role);
      sessions.set(role, session);
      const { forms, errors: crawlErrors } = await crawl(session.ctx, role);
      errors.push(...crawlErrors);
      for (const form of forms) {
        const key = `${form.method} ${pattern(form.action)} ${form.submit ? `${form.submit.name}=${form.submit.value}` : ""} ${form.fields.map((f) => f.name).join(",")}`;
        if (seenForms.has(key) || SKIP_ACTIONS.some((re) => re.test(form.action))) continue;
        seenForms.add(key);
        let { ctx, csrf } = sessions.get(role)!;
        const before = form.method === "post" ? await fingerprint(client) : "";
        valuesSent += HOSTILE_VALUES.length;
        let accepted = 0;
        const requests: Array<() => Promise<{ status: number; label: string }>> = [];
        for (let k = 0; k < requestsFor(form); k++) {
          requests.push(async () => {
            const body = bodyFor(form, csrf, k).toString();
            try {
              const res =
                form.method === "post"
                  ? await ctx.post(form.action, { data: body, headers: { "Content-Type": "application/x-www-form-urlencoded" } })
                  : await ctx.get(`${form.action.split("?")[0]}?${body}`);
              return { status: res.status(), label: `value ${k}` };
            } catch (error) {
              // Over the 1 MB limit the server answers 413 at once and closes the connection
              // while the client is still sending, which the client sees as a reset.
              if (Buffer.byteLength(body) > 1024 * 1024 && /ECONNRESET|EPIPE|socket hang up/.test(String(error))) return { status: 413, label: `value ${k}` };
              // A GET form's query over Node's 16 KB header limit is answered 431 by the HTTP
              // parser, which closes the connection while the client is still writing.
              if (form.method !== "post" && Buffer.byteLength(body) > 16 * 1024 && /ECONNRESET|EPIPE|socket hang up/.test(String(error))) return { status: 431, label: `value ${k}` };
              throw error;
            }
          });
        }
        if (form.method === "post") {
          for (const attack of structural(form, csrf)) {
            requests.push(async () => {
              const res = await ctx.post(form.action, { data: attack.body, headers: { "Content-Type": attack.type } });
              return { status: res.status(), label: attack.label };
            });
          }
        }
        // A few at a time: enough to keep the server busy, not enough to starve the run.
        for (let i = 0; i < requests.length; i += 6) {
          const results = await Promise.all(requests.slice(i, i + 6).map((r) => r()));
          for (const r of results) {
            posted++;
            if (r.status >= 500) errors.push(`${form.method.toUpperCase()} ${form.action} (${form.page}, as ${role}) with ${r.label}: ${r.status}`);
            if (r.status < 400) accepted++;
          }
        }
        if (form.method === "post" && client) {
          const after = await fingerprint(client);
          if (accepted === 0) {
            unchangedChecks.push(form.action);
            expect(after, `refused posts to ${form.action} as ${role} changed the database`).toBe(before);
          }
        }
        // A hostile post may have ended this session (e.g. an account page); sign in again.
        const still = await ctx.get("/?_data=root");
        if (still.status() !== 200) {
          await ctx.dispose();
          ({ ctx, csrf } = await signIn(baseURL!, role));
          sessions.set(role, { ctx, csrf });
        }
      }
    }
    expect(errors, "server errors").toEqual([]);
    expect(seenForms.size, "forms found by the crawl").toBeGreaterThan(20);
    // Every value of the corpus reached every form (spread over its fields).
    expect(valuesSent).toBe(seenForms.size * HOSTILE_VALUES.length);
    if (client) expect(unchangedChecks.length, "forms whose every hostile post was refused").toBeGreaterThan(0);

    // Everything stored is shown escaped, to every role, on every page the crawl reaches.
    const leaks: string[] = [];
    for (const [role, { ctx }] of sessions) {
      const { pages } = await crawl(ctx, role);
      for (const [url, html] of pages) for (const re of UNESCAPED) if (re.test(html)) leaks.push(`${url} as ${role}: ${re.source}`);
      // The marker really is on some pages, so the search above is not vacuous.
      if (role === "lead") expect([...pages.values()].some((html) => html.includes(MARKER)), "hostile text stored and shown somewhere").toBe(true);
    }
    expect(leaks).toEqual([]);
  } finally {
    for (const { ctx } of sessions.values()) await ctx.dispose();
    await client?.end();
  }
});
