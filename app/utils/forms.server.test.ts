import { z } from "zod";
import { describe, expect, it } from "vitest";
import { readForm } from "./forms.server";
import { parseQuery } from "./query.server";

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("readForm", () => {
  it("reads a form and removes nothing but the token field", async () => {
    const form = await readForm(post("name=Amina&csrf=t"), null);
    expect([...form.keys()]).toEqual(["name"]);
  });

  it("drops NUL characters from every value and name (PostgreSQL text cannot hold them)", async () => {
    const form = await readForm(post("name=a%00b%00&na%00me2=%00c&csrf=t"), null);
    expect([...form.entries()]).toEqual([
      ["name", "ab"],
      ["name2", "c"],
    ]);
  });

  it("refuses another site's origin, other content types and oversized bodies", async () => {
    expect(await status(readForm(post("a=1", { Origin: "https://evil.example" }), null))).toBe(403);
    expect(await status(readForm(post("a=1", { "Content-Type": "application/json" }), null))).toBe(415);
    expect(await status(readForm(post("a=1", { "Content-Length": String(2 * 1024 * 1024) }), null))).toBe(413);
  });
});

describe("parseQuery", () => {
  const schema = z.strictObject({ q: z.string().max(100).default("") });
  it("validates the query string", () => {
    expect(parseQuery(new Request("http://localhost/f?q=Amina"), schema)).toEqual({ q: "Amina" });
  });
  it("refuses a NUL character with 400 rather than sending it to the database", async () => {
    expect(await status(Promise.resolve().then(() => parseQuery(new Request("http://localhost/f?q=a%00b"), schema)))).toBe(400);
  });
});
