import { startOfDay } from "~/models/casework/rules";

/** Data protection rules as pure functions. */

/**
 * The day on or before which a family's last involvement must fall for it to be due:
 * `years` calendar years before today (29 February becomes 28 February).
 */
export function retentionCutoff(today: Date, years: number): Date {
  const day = startOfDay(today);
  const target = new Date(Date.UTC(day.getUTCFullYear() - years, day.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return target;
}
