import { z } from "zod";

/** The families chosen on the retention page (ids, 1 to 100). */
export const FamilyIdsSchema = z.array(z.string().min(1).max(64).regex(/^[a-z0-9]+$/i)).min(1).max(100);
