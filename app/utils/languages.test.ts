import { isLanguageCode, LANGUAGES, languageDir } from "~/utils/languages";
import { safeRedirect } from "~/utils/validation";
import { formatDate, formatNumber } from "~/utils/format";

describe("languages", () => {
  it("registers the ten languages of the service", () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(["en", "fa-AF", "ps", "ar", "ur", "bn", "so", "pl", "uk", "tr"]);
  });

  it("sets direction from the language tag", () => {
    expect(["fa-AF", "ps", "ar", "ur"].map(languageDir)).toEqual(["rtl", "rtl", "rtl", "rtl"]);
    expect(["en", "bn", "so", "pl", "uk", "tr"].map(languageDir)).toEqual(Array(6).fill("ltr"));
    expect(languageDir("xx")).toBe("ltr");
  });

  it("accepts only registered codes", () => {
    expect(isLanguageCode("fa-AF")).toBe(true);
    expect(isLanguageCode("fa")).toBe(false);
    expect(isLanguageCode("<script>")).toBe(false);
    expect(isLanguageCode(undefined)).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("keeps in-app paths and refuses other sites", () => {
    expect(safeRedirect("/families?q=x")).toBe("/families?q=x");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});

describe("locale formats", () => {
  it("uses each locale's digits", () => {
    expect(formatNumber(1234, "en")).toBe("1,234");
    expect(formatNumber(25, "fa-AF")).toBe("۲۵");
    expect(formatNumber(25, "ar")).toBe("٢٥");
    expect(formatNumber(25, "bn")).toBe("২৫");
  });

  it("formats dates in London time", () => {
    expect(formatDate("2026-03-29T23:30:00Z", "en", { dateStyle: "short" })).toBe("30/03/2026");
    expect(formatDate(null, "en")).toBe("");
    // Gregorian by default in Dari, with Persian digits: 2026 → ۲۰۲۶.
    expect(formatDate("2026-03-29T12:00:00Z", "fa-AF")).toContain("۲۰۲۶");
    expect(formatDate("not a date", "en")).toBe("");
  });
});
