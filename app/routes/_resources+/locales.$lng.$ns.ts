import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/languages";

const ParamsSchema = z.object({
  lng: z.enum(LANGUAGE_CODES),
  ns: z.string().regex(/^[a-z][a-z-]{0,30}$/),
});

/** Translation files for the browser's i18next (public: no personal data in them). */
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const file = path.resolve("locales", parsed.data.lng, `${parsed.data.ns}.json`);
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return new Response("{}", { status: 404, headers: { "Content-Type": "application/json" } });
  return new Response(text, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
