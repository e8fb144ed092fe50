import { isDraft, leftInEnglish, missingPluralCategories, placeholders } from "../../scripts/i18n-check";

describe("i18n check rules", () => {
  it("requires every plural category the language has", () => {
    const two = "{count, plural, one {# sprawa} other {# spraw}}";
    expect(missingPluralCategories(two, "en")).toEqual([]);
    expect(missingPluralCategories(two, "pl")).toEqual(["count: missing few, many"]);
    expect(missingPluralCategories(two, "uk")).toEqual(["count: missing few, many"]);
    expect(missingPluralCategories(two, "ar")).toEqual(["count: missing zero, two, few, many"]);
    expect(missingPluralCategories("{n, plural, =0 {x} zero {x} one {x} two {x} few {x} many {x} other {x}}", "ar")).toEqual([]);
    // An exact =0 does not stand in for Arabic's zero category.
    expect(missingPluralCategories("{n, plural, =0 {x} one {x} two {x} few {x} many {x} other {x}}", "ar")).toEqual(["n: missing zero"]);
  });

  it("finds plurals nested inside other text and arguments", () => {
    expect(missingPluralCategories("Review {date} (every {weeks, plural, one {# tydzień} other {# tygodni}})", "pl")).toEqual([
      "weeks: missing few, many",
    ]);
  });

  it("throws on ICU syntax errors", () => {
    expect(() => missingPluralCategories("{type: {title}", "pl")).toThrow();
    expect(() => placeholders("{count, plural, one {#}}", "en")).toThrow();
  });

  it("flags a value left in English only when it is longer than three words", () => {
    expect(leftInEnglish("Enter a real date please", "Enter a real date please")).toBe(true);
    expect(leftInEnglish("Three Houses", "Three Houses")).toBe(false);
    expect(leftInEnglish("{type}: {title}", "{type}: {title}")).toBe(false);
    expect(leftInEnglish("Wpisz prawidłową datę", "Enter a real date")).toBe(false);
  });

  it("reads draft status from _meta.json", () => {
    const meta = { draft: { namespaces: ["casework"], keys: ["common:nav.home"] }, reviewed: { keys: ["casework:common.yes"] } };
    expect(isDraft(meta, "casework", "plan.title")).toBe(true);
    expect(isDraft(meta, "casework", "common.yes")).toBe(false);
    expect(isDraft(meta, "common", "nav.home")).toBe(true);
    expect(isDraft(meta, "common", "nav.families")).toBe(false);
  });
});
