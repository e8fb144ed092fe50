/**
 * Starts the built app for a benchmark on its own database: a PostgreSQL schema when
 * `databaseUrl` is given, else a fresh embedded database in .tmp/. Stopped by its own PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";

export type BenchServer = { baseURL: string; stop: () => Promise<void> };

export async function startServer(port: number, env: Record<string, string>): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ["build/server.js"], {
    env: { ...process.env, NODE_ENV: "test", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${baseURL}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error("server exited");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseURL,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      if (env.DATA_DIR) await rm(env.DATA_DIR, { recursive: true, force: true });
    },
  };
}

/** Runs `npm run seed` against the given environment. */
export async function seed(env: Record<string, string>) {
  await new Promise<void>((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["prisma/seed.ts"], { env: { ...process.env, ...env }, stdio: "ignore" });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`))));
  });
}
