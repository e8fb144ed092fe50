import { json } from "@remix-run/node";
import { db } from "~/utils/db.server";

/** Liveness and database check for load balancers: 200 when the database answers. */
export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "error", db: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
