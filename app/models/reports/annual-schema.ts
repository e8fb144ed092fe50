import { z } from "zod";

/** The narrative form of the annual report; shared by browser and server. */
export const NARRATIVE_FIELDS = ["core", "creative", "outcomes", "caseStudies"] as const;

const Text = z.string().max(20_000, "reports:errors.narrativeTooLong").default("");

export const AnnualNarrativeSchema = z.strictObject({
  version: z.coerce.number().int().min(0),
  core: Text,
  creative: Text,
  outcomes: Text,
  caseStudies: Text,
});
export type AnnualNarrativeInput = z.infer<typeof AnnualNarrativeSchema>;

export const AnnualParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
