/**
 * Killing the server with SIGKILL while staff are saving case notes loses no note the
 * server acknowledged, and leaves no note half-written (a note without its audit entry,
 * or the reverse). Runs on the embedded PGlite (SYSTEM_DB unset or "pglite": restart on
 * the same data directory) or on PostgreSQL (SYSTEM_DB=postgres: a throwaway schema).
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSchema, csrfToken, PASSWORD, postForm, prepareDatabase, prepareEmbedded, signIn, startApp, withClient, type App } from "./helpers";

const kind = process.env.SYSTEM_DB === "postgres" ? "postgres" : "pglite";
const WRITERS = 4;
const KILL_AFTER = 40; // acknowledged notes per round before the SIGKILL
const ROUNDS = 2;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** The fields of note `n`: every one carries n, so a row can be checked whole. */
function noteFields(n: number): Record<string, string> {
  return {
    occurredOn: yesterday(),
    type: n % 2 ? "home" : "phone",
    whoSeen: `Parent ${n}`,
    purpose: `Durability check ${n}`,
    whatHappened: `Note ${n} of the SIGKILL test.`,
    childVoice: `Child said ${n}`,
    differenceMade: `Difference ${n}`,
    nextSteps: `Next steps ${n}`,
  };
}

type Round = { acknowledged: Set<number>; sent: Set<number>; outstandingAtKill: number; otherStatuses: number[] };

/**
 * WRITERS clients post notes as fast as the server answers; the moment the
 * KILL_AFTER-th acknowledgement (a redirect to the chronology) arrives, the server gets
 * SIGKILL while the other clients' posts are still in flight.
 */
async function writeUntilKilled(app: App, cookie: string, familyId: string, firstNumber: number): Promise<Round> {
  const csrf = await csrfToken(app.baseURL, `/families/${familyId}/notes/new`, cookie);
  const round: Round = { acknowledged: new Set(), sent: new Set(), outstandingAtKill: 0, otherStatuses: [] };
  let next = firstNumber;
  let killed = false;
  const exited = new Promise((resolve) => app.child.once("exit", resolve));
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (!killed) {
        const n = next++;
        round.sent.add(n);
        let res: Response;
        try {
          res = await postForm(app.baseURL, `/families/${familyId}/notes/new`, { ...noteFields(n), csrf }, cookie);
          await res.arrayBuffer();
        } catch {
          return; // the connection died with the server: not acknowledged
        }
        if (res.status === 302 && res.headers.get("location") === `/families/${familyId}/chronology`) {
          round.acknowledged.add(n);
        } else {
          round.otherStatuses.push(res.status);
        }
        if (!killed && round.acknowledged.size >= KILL_AFTER) {
          killed = true;
          round.outstandingAtKill = round.sent.size - round.acknowledged.size - round.otherStatuses.length;
          app.child.kill("SIGKILL");
        }
      }
    }),
  );
  await exited;
  return round;
}

describe(`SIGKILL during a stream of case notes (${kind})`, () => {
  it("keeps every acknowledged note, whole, across kills and restarts", async () => {
    let target: { DATA_DIR: string } | { DATABASE_URL: string };
    let fixture;
    if (kind === "pglite") {
      const dataDir = path.resolve(`.tmp/system/crash-${process.pid}`);
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(path.dirname(dataDir), { recursive: true });
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      target = { DATA_DIR: dataDir };
      fixture = await prepareEmbedded(dataDir);
    } else {
      const schema = await createSchema("system_crash");
      cleanups.push(schema.drop);
      target = { DATABASE_URL: schema.url };
      fixture = await prepareDatabase(schema.url);
    }
    const { familyId, email } = fixture;

    let app = await startApp(target);
    cleanups.push(() => app.stop());
    const { cookie } = await signIn(app.baseURL, email, PASSWORD);
    expect(cookie).not.toBeNull();

    const acknowledged = new Set<number>();
    const sent = new Set<number>();
    for (let r = 0; r < ROUNDS; r++) {
      const round = await writeUntilKilled(app, cookie!, familyId, r * 1000);
      expect(round.otherStatuses).toEqual([]);
      expect(round.acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
      // The kill came with posts in flight (all the other writers were waiting for answers).
      expect(round.outstandingAtKill).toBeGreaterThan(0);
      console.log(
        `${kind} round ${r + 1}: ${round.acknowledged.size} notes acknowledged, ${round.outstandingAtKill} posts in flight at the SIGKILL`,
      );
      round.acknowledged.forEach((n) => acknowledged.add(n));
      round.sent.forEach((n) => sent.add(n));
      // Restart on the same database; the session signed in before the kill still works.
      app = await startApp(target);
      const page = await fetch(`${app.baseURL}/families/${familyId}/notes/new`, { headers: { Cookie: cookie! }, redirect: "manual" });
      expect(page.status).toBe(200);
      await page.arrayBuffer();
    }
    // The restarted server takes writes again.
    const csrf = await csrfToken(app.baseURL, `/families/${familyId}/notes/new`, cookie!);
    const after = await postForm(app.baseURL, `/families/${familyId}/notes/new`, { ...noteFields(9999), csrf }, cookie!);
    expect(after.status).toBe(302);
    acknowledged.add(9999);
    sent.add(9999);
    await app.stop();

    const { notes, audited } = await withClient(target, async (client) => ({
      notes: (
        await client.query<Record<string, string | boolean>>(
          `SELECT "id", "type", "whoSeen", "purpose", "whatHappened", "childVoice", "differenceMade", "nextSteps" FROM "CaseNote" WHERE "familyId" = $1`,
          [familyId],
        )
      ).rows,
      audited: (
        await client.query<{ entityId: string }>(
          `SELECT "entityId" FROM "AuditEvent" WHERE "entity" = 'case-note' AND "action" = 'create' AND "familyId" = $1`,
          [familyId],
        )
      ).rows.map((r) => r.entityId),
    }));

    const found = new Map<number, number>();
    for (const note of notes) {
      const n = Number(/^Durability check (\d+)$/.exec(String(note.purpose))?.[1]);
      expect(sent.has(n), `a note nobody sent: ${JSON.stringify(note)}`).toBe(true);
      // Whole: every field is the one posted.
      const { occurredOn: _date, ...fields } = noteFields(n);
      expect(note).toEqual({ id: note.id, ...fields });
      found.set(n, (found.get(n) ?? 0) + 1);
    }
    const lost = [...acknowledged].filter((n) => !found.has(n));
    expect(lost, "acknowledged notes missing after the restart").toEqual([]);
    expect([...found.values()].every((count) => count === 1)).toBe(true);
    // Each note was written with its audit entry in one transaction: both or neither.
    expect([...audited].sort()).toEqual(notes.map((n) => String(n.id)).sort());
    console.log(
      `${kind}: ${acknowledged.size} notes acknowledged in ${ROUNDS} SIGKILL rounds (and 1 after), ${notes.length} found after restart, ` +
        `${notes.length - acknowledged.size} of them from posts in flight at a kill, 0 lost`,
    );
  });
});
