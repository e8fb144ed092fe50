import { existsSync } from "node:fs";

/** Why a PDF could not be made: no Chromium on this server (the route answers 503). */
export class PdfUnavailableError extends Error {}

/** The Chromium to print with: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Where this server answers itself: REPORT_RENDER_ORIGIN, else the address it listens on. */
export function renderOrigin(): string {
  return process.env.REPORT_RENDER_ORIGIN ?? `http://${process.env.HOST && process.env.HOST !== "0.0.0.0" ? process.env.HOST : "127.0.0.1"}:${process.env.PORT ?? 3000}`;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints one page of this app to an A4 PDF with headless Chromium, as the signed-in user
 * (their cookie and language are passed on), using the page's print stylesheet. Every
 * request the page makes is fetched here from the app's own origin and anything else is
 * refused, so the browser reaches nothing outside the app, and scripts are off: the print
 * view needs none. One PDF at a time: Chromium is heavy on a small server.
 */
export function renderPdf(pathAndQuery: string, headers: { cookie: string | null; acceptLanguage: string | null }): Promise<Buffer> {
  const run = queue.then(() => print(pathAndQuery, headers));
  queue = run.catch(() => undefined);
  return run;
}

async function print(pathAndQuery: string, headers: { cookie: string | null; acceptLanguage: string | null }): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new PdfUnavailableError(executablePath);
  const { chromium } = await import("playwright-core");
  const browser = await chromium
    .launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
    .catch((error: unknown) => {
      throw new PdfUnavailableError(error instanceof Error ? error.message : String(error));
    });
  try {
    const origin = new URL(renderOrigin());
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const forward: Record<string, string> = {};
    if (headers.cookie) forward.cookie = headers.cookie;
    if (headers.acceptLanguage) forward["accept-language"] = headers.acceptLanguage;
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      // In production the page's CSP upgrades requests to https; the app itself answers on http here.
      if (url.hostname !== origin.hostname || url.port !== origin.port) return route.abort("blockedbyclient");
      const res = await fetch(new URL(`${url.pathname}${url.search}`, origin), { headers: forward, redirect: "manual" });
      // fetch has already decoded the body, so its encoding and length no longer apply.
      const out = Object.fromEntries([...res.headers].filter(([k]) => k !== "content-encoding" && k !== "content-length"));
      return route.fulfill({ status: res.status, headers: out, body: Buffer.from(await res.arrayBuffer()) });
    });
    const response = await page.goto(new URL(pathAndQuery, origin).toString(), { waitUntil: "load", timeout: 30_000 });
    if (!response || response.status() !== 200) throw new Error(`print view answered ${response?.status() ?? "nothing"}`);
    await page.emulateMedia({ media: "print" });
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
  } finally {
    await browser.close();
  }
}
