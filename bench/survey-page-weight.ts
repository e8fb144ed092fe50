/**
 * Prints the gzipped weight of the survey's first page (HTML plus every stylesheet and
 * script it links), in English and in Pashto (right to left). Target: ≤ 40 KB.
 * Usage: npm run build && npx tsx bench/survey-page-weight.ts  (BASE_URL=… to use a running app)
 */
import { gzipSync } from "node:zlib";
import { seed, startServer } from "./server";

const TARGET = 40 * 1024;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let base = process.env.BASE_URL;
if (!base) {
  const env = { DATA_DIR: `.tmp/bench-weight-${process.pid}` };
  delete process.env.DATABASE_URL;
  await seed(env);
  server = await startServer(4290 + (process.pid % 9), env);
  base = server.baseURL;
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 6 }).length;
try {
  for (const lng of ["en", "ps"]) {
    const res = await fetch(`${base}/s/DEMO-2026?lng=${lng}`);
    const html = Buffer.from(await res.arrayBuffer());
    const text = html.toString("utf8");
    const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
    const js = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const inlineScripts = [...text.matchAll(/<script\b/g)].length;
    let cssBytes = 0;
    const fetchBytes = async (u: string) => Buffer.from(new Uint8Array(await (await fetch(new URL(u, base))).arrayBuffer()));
    for (const href of css) cssBytes += gz(await fetchBytes(href));
    let jsBytes = 0;
    for (const src of js) jsBytes += gz(await fetchBytes(src));
    const htmlBytes = gz(html);
    const total = htmlBytes + cssBytes + jsBytes;
    console.log(
      `${lng}: status ${res.status}; HTML ${(htmlBytes / 1024).toFixed(1)} KB + CSS ${(cssBytes / 1024).toFixed(1)} KB (${css.length} files) + JS ${(jsBytes / 1024).toFixed(1)} KB (${js.length} files, ${inlineScripts} script tags) = ${(total / 1024).toFixed(1)} KB gzipped (target ≤ 40 KB: ${total <= TARGET ? "met" : "NOT met"})`,
    );
  }
  console.log("(Fonts linked by the RTL stylesheet load only for Arabic-script languages and are not CSS or JS; not counted.)");
} finally {
  await server?.stop();
}
