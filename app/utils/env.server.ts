import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  COUNCIL_NAME: z.string().default("Demo Borough Council"),
  SERVICE_NAME: z.string().default("Early Help"),
  /** Minutes without activity before a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Hours after sign-in before a session ends whatever the activity. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** Years a family's records are kept after their last closure before a lead is asked to delete them. */
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(6),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | null = null;

/** Validated configuration. In production a SESSION_SECRET of 32+ characters is required. */
export function getEnv(): Env {
  if (cached) return cached;
  const env = EnvSchema.parse(process.env);
  if (env.NODE_ENV === "production" && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
    throw new Error("SESSION_SECRET must be set to at least 32 random characters in production.");
  }
  cached = env;
  return env;
}

/** Secrets used to sign cookies. Outside production a fixed development secret is used. */
export function getSessionSecrets(): string[] {
  const secret = getEnv().SESSION_SECRET;
  return secret ? secret.split(",").map((s) => s.trim()) : ["early-help-development-secret-not-for-production"];
}
