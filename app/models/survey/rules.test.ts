import { DEFAULT_STRUCTURE, defaultTextRows } from "./survey.server";
import { completeness, firstIncompleteSection, formatCode, MAX_TEXT, readSectionAnswers, requiredTextKeys, sanitizeText } from "./rules";
import { LANGUAGE_CODES } from "~/utils/languages";

function form(entries: Array<[string, string]>) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("sanitizeText", () => {
  it("removes bidi overrides, isolates and control characters", () => {
    expect(sanitizeText("pay \u202Egnp.exe\u202C now\u0007")).toBe("pay gnp.exe now");
    expect(sanitizeText("\u2066a\u2069b\u0000c\u009B")).toBe("abc");
  });
  it("keeps Dari, Pashto and Arabic text intact, with ZWNJ and line breaks", () => {
    const dari = "جواب‌های من\nخیلی خوب بود";
    const pashto = "زما د ماشوم ښوونځي سره مرسته ۱۲";
    expect(sanitizeText(dari)).toBe(dari);
    expect(sanitizeText(dari)).toContain("\u200C");
    expect(sanitizeText(pashto)).toBe(pashto);
    expect(sanitizeText("مرحبا\r\nHello")).toBe("مرحبا\nHello");
  });
});

describe("readSectionAnswers", () => {
  const section = DEFAULT_STRUCTURE[1]!;
  it("accepts valid answers and keeps the option order of multiple choice", () => {
    const { answers, errors } = readSectionAnswers(section, form([["recommend", "agree"], ["score", "9"], ["helped_most", "child"], ["helped_most", "talk"]]));
    expect(errors).toEqual({});
    expect(answers).toEqual({ recommend: "agree", score: "9", helped_most: ["talk", "child"] });
  });
  it("reports a missing required answer and values that are not offered", () => {
    const { errors } = readSectionAnswers(section, form([["score", "11"], ["helped_most", "bribe"]]));
    expect(errors).toEqual({ recommend: "errors.choose", score: "errors.invalid", helped_most: "errors.invalid" });
  });
  it("caps free text at 2,000 characters but still returns it", () => {
    const comments = DEFAULT_STRUCTURE[2]!;
    const long = "ب".repeat(MAX_TEXT + 1);
    const result = readSectionAnswers(comments, form([["what_helped", long]]));
    expect(result.errors.what_helped).toBe("errors.tooLong");
    expect(readSectionAnswers(comments, form([["what_helped", "ب".repeat(MAX_TEXT)]])).errors).toEqual({});
  });
});

describe("completeness", () => {
  it("the default survey is complete in all ten languages, with English reviewed and the rest drafts", () => {
    const rows = defaultTextRows();
    for (const lng of LANGUAGE_CODES) {
      const c = completeness(DEFAULT_STRUCTURE, rows, lng);
      expect(c.complete, lng).toBe(true);
      expect(c.reviewed).toBe(lng === "en" ? c.total : 0);
    }
  });
  it("a missing or empty string makes a language incomplete", () => {
    const rows = defaultTextRows().filter((r) => !(r.language === "ps" && r.key === "option.how_met.mix"));
    expect(completeness(DEFAULT_STRUCTURE, rows, "ps")).toMatchObject({ complete: false, translated: requiredTextKeys(DEFAULT_STRUCTURE).length - 1 });
    const blank = defaultTextRows().map((r) => (r.language === "tr" && r.key === "page.title" ? { ...r, text: "  " } : r));
    expect(completeness(DEFAULT_STRUCTURE, blank, "tr").complete).toBe(false);
  });
});

it("finds the first section with a required answer missing", () => {
  expect(firstIncompleteSection(DEFAULT_STRUCTURE, {})).toBe(0);
  expect(firstIncompleteSection(DEFAULT_STRUCTURE, { listened: "na", understood: "agree", right_time: "agree", better: "agree" })).toBe(1);
  expect(firstIncompleteSection(DEFAULT_STRUCTURE, { listened: "na", understood: "agree", right_time: "agree", better: "agree", recommend: "agree" })).toBe(-1);
});

it("codes are 10 characters from an alphabet without look-alikes", () => {
  const code = formatCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]));
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
});
