/**
 * The production server: chooses the database (embedded PGlite unless DATABASE_URL is
 * set), applies migrations, then serves the Remix build with security headers, request
 * ids, JSON logs and body limits. Built to build/server.js by scripts/build-server.mjs.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import pg from "pg";
import { pino } from "pino";
import { parseDatabaseUrl } from "./utils/db-url.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./utils/demo-accounts";
import { startEmbeddedDb, type EmbeddedDb } from "./utils/embedded-db.server";
import { getEnv } from "./utils/env.server";
import { migrate } from "./utils/migrate.server";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./utils/request-info.server";

const logger = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
const started = Date.now();

const env = getEnv(); // throws in production without SESSION_SECRET
const isProduction = env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dataDir = path.resolve(process.env.DATA_DIR ?? "data");

let embedded: EmbeddedDb | null = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedDb(dataDir);
  process.env.DATABASE_URL = embedded.url;
  logger.info({ dataDir }, "embedded database started");
}
const databaseUrl = process.env.DATABASE_URL!;
await migrate(databaseUrl, { log: (msg) => logger.info(msg) });

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;

const BODY_HARD_LIMIT = 10 * 1024 * 1024;

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

// Request id and client address, on headers the app trusts (client copies dropped).
app.use((req, res, next) => {
  const requestId = randomUUID();
  res.locals.requestId = requestId;
  res.locals.nonce = randomBytes(16).toString("base64");
  req.headers[REQUEST_ID_HEADER] = requestId;
  req.headers[CLIENT_IP_HEADER] = req.ip ?? "unknown";
  res.setHeader("X-Request-Id", requestId);
  const t0 = process.hrtime.bigint();
  res.on("finish", () => {
    // The path only: query strings can carry search terms about families.
    logger.info({
      requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - t0) / 1_000_000n),
    });
  });
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.nonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: isProduction ? [] : null,
      },
    },
    strictTransportSecurity: isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);

// A response sent before the request body was read (a 413, a refused form) closes the
// connection: otherwise the client may reuse a socket the server is about to drop, and
// its next request fails with a reset.
app.use((req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && req.method !== "GET" && req.method !== "HEAD" && !this.headersSent) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
});

// A form posted from another site is refused here, with a 403, before Remix's own check
// (which throws and would otherwise answer 500). readForm repeats the check per action.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.headers.origin;
  if (origin && origin !== "null") {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.headers.host) {
      res.status(403).type("text/plain").send("Forbidden: this form was sent from another site.");
      return;
    }
  }
  next();
});

// Refuse absurd bodies before they are read; the app itself enforces 1 MB with a
// translated message (app/utils/forms.server.ts).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.headers["content-length"];
  if (length === undefined && req.headers["transfer-encoding"]) {
    res.status(411).type("text/plain").send("Length Required");
    return;
  }
  if (Number(length ?? 0) > BODY_HARD_LIMIT) {
    res.status(413).type("text/plain").send("Payload Too Large");
    return;
  }
  next();
});

// A path that is not valid percent-encoding is a bad request, not a server error.
app.use((req, res, next) => {
  try {
    decodeURIComponent(req.path);
    next();
  } catch {
    res.status(400).type("text/plain").send(`Bad request (reference ${res.locals.requestId as string})`);
  }
});

app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: isProduction ? "production" : "development",
    getLoadContext: (_req, res) => ({ nonce: res.locals.nonce as string, requestId: res.locals.requestId as string }),
  }),
);

// Last resort: log the error as JSON, show the person only a reference, never a stack.
app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  const status = error instanceof URIError ? 400 : 500;
  logger.error({ requestId: res.locals.requestId, err: error instanceof Error ? error.message : String(error) }, "request failed");
  if (res.headersSent) return;
  res.status(status).type("text/plain").send(
    status === 400
      ? `Bad request (reference ${res.locals.requestId as string})`
      : `Sorry, there is a problem with the service. Reference ${res.locals.requestId as string}`,
  );
});

const server = app.listen(port, host, async () => {
  // PORT=0 takes any free port (the system tests do): the log line names the one taken.
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${(server.address() as AddressInfo).port}`;
  logger.info({ url, startupMs: Date.now() - started, database: embedded ? "embedded" : "postgresql" }, "listening");
  if (!isProduction) await printDemoLogins(url);
});

async function printDemoLogins(url: string) {
  const { connectionString } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const { rows } = await client.query<{ email: string }>(`SELECT email FROM "User" WHERE email = ANY($1)`, [
      DEMO_ACCOUNTS.map((a) => a.email),
    ]);
    const lines = [``, `  Early Help is running at ${url}`, ``];
    if (rows.length) {
      lines.push(`  Demo sign-ins (password: ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) {
        if (rows.some((r) => r.email === a.email)) lines.push(`    ${a.roles.join(", ").padEnd(16)} ${a.email}`);
      }
    } else {
      lines.push(`  No demo data: run "npm run seed" to load it.`);
    }
    process.stdout.write(lines.join("\n") + "\n\n");
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "could not list demo accounts");
  } finally {
    await client.end().catch(() => {});
  }
}

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  server.closeAllConnections();
  await embedded?.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
