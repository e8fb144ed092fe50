import { z } from "zod";
import { ContactSchema, dateField, PlanSettingsSchema, ReviewSchema, SupervisionSchema } from "~/models/casework/schemas";
import { normaliseDigits, normaliseNumericInput, withLatinDigits } from "~/utils/digits";

describe("normaliseDigits", () => {
  it("turns Persian and Arabic-Indic digits into 0–9", () => {
    expect(normaliseDigits("۱۴۰۳")).toBe("1403");
    expect(normaliseDigits("٢٠٢٦-٠١-٠٥")).toBe("2026-01-05");
    expect(normaliseDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(normaliseDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
  });

  it("leaves Latin digits and other text exactly as they were", () => {
    expect(normaliseDigits("2026-01-05")).toBe("2026-01-05");
    expect(normaliseDigits("خانوادهٔ حکیمی ۳ نفر")).toBe("خانوادهٔ حکیمی 3 نفر");
    expect(normaliseDigits("Bengali ৩ is not converted")).toBe("Bengali ৩ is not converted");
  });
});

describe("normaliseNumericInput", () => {
  it("drops direction marks and Arabic separators that come with RTL typing", () => {
    expect(normaliseNumericInput("\u200f٤٥\u200f ")).toBe("45");
    expect(normaliseNumericInput("١٬٢٠٠٫٥")).toBe("1200.5");
    expect(normaliseNumericInput("\u2067۲۰۲۶-۱۰\u2069")).toBe("2026-10");
  });
});

describe("withLatinDigits", () => {
  const count = withLatinDigits(z.coerce.number().int().min(1).max(120));
  it("parses numbers typed with Persian or Arabic-Indic digits", () => {
    expect(count.parse("۱۲")).toBe(12);
    expect(count.parse("٤٥")).toBe(45);
    expect(count.parse("45")).toBe(45);
    expect(count.parse(7)).toBe(7);
    expect(count.safeParse("۲۰۰").success).toBe(false);
  });
});

describe("casework schemas accept Eastern digits in date and number fields", () => {
  it("parses a date typed in Arabic-Indic or Persian digits", () => {
    expect(dateField().parse("٢٠٢٦-٠١-٠٥").toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(dateField().parse("۲۰۲۶-۰۱-۰۵").toISOString()).toBe("2026-01-05T00:00:00.000Z");
    const bad = dateField().safeParse("۲۰۲۶-۱۳-۰۱");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("errors.dateInvalid");
    expect(dateField().safeParse(undefined).error?.issues[0]?.message).toBe("errors.dateRequired");
  });

  it("stores normalised numbers and dates from a request for support", () => {
    const parsed = ContactSchema.parse({
      receivedOn: "۲۰۲۵-۱۱-۰۳",
      source: "school",
      reason: "کمک برای مکتب",
      assessmentDays: "۳۰",
      consentStatus: "given",
    });
    expect(parsed.receivedOn.toISOString()).toBe("2025-11-03T00:00:00.000Z");
    expect(parsed.assessmentDays).toBe(30);
    const defaulted = ContactSchema.parse({ receivedOn: "2025-11-03", source: "school", reason: "x", consentStatus: "given" });
    expect(defaulted.assessmentDays).toBe(45);
  });

  it("parses review scores, review intervals and supervision months", () => {
    const review = ReviewSchema.parse({ heldOn: "٢٠٢٥-١٠-٠١", outcome: "continue_plan", rationale: "ممتاز", scores: [{ outcomeId: "o1", score: "٧" }] });
    expect(review.scores[0]?.score).toBe(7);
    expect(PlanSettingsSchema.parse({ version: "۳", reviewIntervalWeeks: "۶" })).toEqual({ version: 3, reviewIntervalWeeks: 6 });
    const supervision = SupervisionSchema.safeParse({ practitionerId: "p1", month: "٢٠٢٥-١٠", held: "no", missedReason: "مرض" });
    expect(supervision.success).toBe(true);
    expect(supervision.data?.month.toISOString()).toBe("2025-10-01T00:00:00.000Z");
  });
});
