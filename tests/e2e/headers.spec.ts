import net from "node:net";
import { expect, test } from "./fixtures";

test("pages carry a strict nonce-based CSP and the other security headers", async ({ page, baseURL }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  // Every inline script Remix writes carries this response's nonce.
  const scripts = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers["x-powered-by"]).toBeUndefined();
  // HSTS only in production (these tests run the server with NODE_ENV=test over http).
  expect(headers["strict-transport-security"]).toBeUndefined();
  // A second response gets a different nonce.
  const again = await page.request.get(`${baseURL}/login`);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
});

/** Writes a raw HTTP request and returns the status code the server answers with. */
function rawStatus(baseURL: string, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseURL);
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(request));
    let data = "";
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (match) {
        resolve(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on("error", reject);
    socket.setTimeout(10_000, () => reject(new Error("timeout")));
  });
}

test("the server refuses huge or unsized bodies before reading them", async ({ baseURL }) => {
  const head = "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n";
  expect(await rawStatus(baseURL!, `${head}Content-Length: ${50 * 1024 * 1024}\r\n\r\nemail=`)).toBe(413);
  expect(await rawStatus(baseURL!, `${head}Transfer-Encoding: chunked\r\n\r\n7\r\nemail=a\r\n0\r\n\r\n`)).toBe(411);
});

test("errors show a friendly page, never a stack trace", async ({ page }) => {
  const response = await page.goto("/families/%E0%A4%A");
  expect(response!.status()).toBeLessThan(500);
  await expect(page.locator("body")).not.toContainText("at ");
});

test("a form posted from another site is a 403 on every kind of page, never a 500", async ({ request }) => {
  const evil = { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" };
  // A parent's survey page, the partners' public form and the sign-in form: no session needed.
  for (const path of ["/s/DEMO-2026?lng=en", "/request-support", "/login"]) {
    const res = await request.post(path, { headers: evil, data: "a=1", maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
  }
  // The same posts from this site are not refused for their origin.
  const same = await request.post("/s/DEMO-2026?lng=en", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "", maxRedirects: 0 });
  expect(same.status()).toBe(302);
});
