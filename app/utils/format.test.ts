import { calendarFor, formatDate, formatDateTime, formatNumber, intlLocale, isCalendar } from "~/utils/format";

// Nowruz 1405: 2026-03-21 is 1 Farvardin 1405 (Afghanistan: 1 Hamal; in Pashto 1 Wray).
const NOWRUZ = "2026-03-21T12:00:00Z";
const persian = (lng: string) => ({ lng, calendar: "persian" as const });
const gregorian = (lng: string) => ({ lng, calendar: "gregory" as const });
const RLM = "\u200f";

describe("formatDate per locale, Gregorian", () => {
  it("British English: day month year", () => {
    expect(formatDate(NOWRUZ, "en")).toBe("21 Mar 2026");
    expect(formatDate(NOWRUZ, "en", { dateStyle: "long" })).toBe("21 March 2026");
    expect(formatDate(NOWRUZ, "en", { dateStyle: "full" })).toBe("Saturday, 21 March 2026");
    expect(formatDateTime(NOWRUZ, "en")).toBe("21 Mar 2026, 12:00");
  });

  it("Dari: Persian digits and the Afghan names of Gregorian months", () => {
    expect(formatDate(NOWRUZ, "fa-AF")).toBe("۲۱ مارچ ۲۰۲۶");
    expect(formatDate(NOWRUZ, gregorian("fa-AF"), { dateStyle: "full" })).toBe("شنبه ۲۱ مارچ ۲۰۲۶");
    expect(formatDateTime(NOWRUZ, "fa-AF")).toBe("۲۱ مارچ ۲۰۲۶، ۱۲:۰۰");
  });

  it("Pashto: Persian digits, year first", () => {
    expect(formatDate(NOWRUZ, "ps")).toBe("۲۰۲۶ مارچ ۲۱");
    expect(formatDate(NOWRUZ, "ps", { dateStyle: "short" })).toBe("۲۰۲۶/۳/۲۱");
  });

  it("Arabic: Arabic-Indic digits", () => {
    expect(formatDate(NOWRUZ, "ar")).toBe(`٢١${RLM}/٠٣${RLM}/٢٠٢٦`);
    expect(formatDate(NOWRUZ, "ar", { dateStyle: "long" })).toBe("٢١ مارس ٢٠٢٦");
    expect(formatDate(NOWRUZ, "ar", { dateStyle: "full" })).toBe("السبت، ٢١ مارس ٢٠٢٦");
  });

  it("Bengali: Bengali digits and month names", () => {
    expect(formatDate(NOWRUZ, "bn")).toBe("২১ মার্চ, ২০২৬");
    expect(formatDate(NOWRUZ, "bn", { dateStyle: "full" })).toBe("শনিবার, ২১ মার্চ, ২০২৬");
  });

  it("Urdu keeps Latin digits, as Urdu in the UK is written", () => {
    expect(formatDate(NOWRUZ, "ur")).toBe("21 مارچ، 2026");
  });

  it("uses London's date, not UTC's, across midnight in summer time", () => {
    expect(formatDate("2026-06-30T23:30:00Z", "en", { dateStyle: "short" })).toBe("01/07/2026");
  });
});

describe("the Solar Hijri option", () => {
  it("Dari: 2026-03-21 is 1 Hamal 1405, with the weekday and time", () => {
    expect(formatDate(NOWRUZ, persian("fa-AF"))).toBe("۱ حمل ۱۴۰۵");
    expect(formatDate(NOWRUZ, persian("fa-AF"), { dateStyle: "long" })).toBe("۱ حمل ۱۴۰۵");
    expect(formatDate(NOWRUZ, persian("fa-AF"), { dateStyle: "full" })).toBe("شنبه ۱ حمل ۱۴۰۵");
    expect(formatDate(NOWRUZ, persian("fa-AF"), { dateStyle: "short" })).toBe("۱۴۰۵/۱/۱");
    expect(formatDateTime(NOWRUZ, persian("fa-AF"))).toBe("۱ حمل ۱۴۰۵، ۱۲:۰۰");
  });

  it("Pashto: 1 Wray 1405 in Pashto's order, with no Latin era", () => {
    expect(formatDate(NOWRUZ, persian("ps"))).toBe("۱۴۰۵ وری ۱");
    expect(formatDate(NOWRUZ, persian("ps"), { dateStyle: "short" })).toBe("۱۴۰۵/۱/۱");
    expect(formatDate(NOWRUZ, persian("ps"), { dateStyle: "full" })).toBe("اونۍ د ۱۴۰۵ د وری ۱");
    expect(formatDate(NOWRUZ, persian("ps"))).not.toMatch(/[A-Za-z]/);
  });

  it("the last day of the year before: 29 Hoot 1404, and 30 Hoot in the leap year 1403", () => {
    // 23:30 UTC on 20 March is still 20 March in London (GMT).
    expect(formatDate("2026-03-20T23:30:00Z", persian("fa-AF"))).toBe("۲۹ حوت ۱۴۰۴");
    expect(formatDate("2025-03-20T12:00:00Z", persian("fa-AF"))).toBe("۳۰ حوت ۱۴۰۳");
    expect(formatDate("2026-03-20T12:00:00Z", persian("ps"))).toBe("۱۴۰۴ کب ۲۹");
  });

  it("converts London's date: 23:30 UTC on 30 June is 1 July, 10 Saratan 1405", () => {
    expect(formatDate("2026-06-30T23:30:00Z", persian("fa-AF"))).toBe("۱۰ سرطان ۱۴۰۵");
  });

  it("month names come from Intl: 2026-11-23 is 2 Qaws (Azar) 1405, a Monday", () => {
    expect(formatDate("2026-11-23T12:00:00Z", persian("fa-AF"), { dateStyle: "full" })).toBe("دوشنبه ۲ قوس ۱۴۰۵");
    expect(formatDate("2026-11-23T12:00:00Z", persian("fa-AF"), { month: "long", year: "numeric" })).toBe("قوس ۱۴۰۵");
    expect(formatDate("2026-11-23T12:00:00Z", persian("ps"))).toBe("۱۴۰۵ لیندۍ ۲");
  });

  it("is Gregorian in languages that do not offer it, and for a bare language tag", () => {
    expect(formatDate(NOWRUZ, persian("en"))).toBe("21 Mar 2026");
    expect(formatDate(NOWRUZ, persian("ar"), { dateStyle: "long" })).toBe("٢١ مارس ٢٠٢٦");
    expect(formatDate(NOWRUZ, persian("bn"))).toBe("২১ মার্চ, ২০২৬");
    expect(formatDate(NOWRUZ, persian("ur"))).toBe("21 مارچ، 2026");
    expect(calendarFor("fa-AF")).toBe("gregory");
    expect(calendarFor(persian("ps"))).toBe("persian");
    expect(calendarFor(persian("tr"))).toBe("gregory");
    expect(intlLocale(persian("fa-AF"))).toBe("fa-AF-u-ca-persian");
    expect(intlLocale("ps")).toBe("ps-u-ca-gregory");
  });

  it("leaves numbers alone, and empty or invalid dates empty", () => {
    expect(formatNumber(1405, persian("fa-AF"))).toBe("۱٬۴۰۵");
    expect(formatNumber(1405, "ar")).toBe("١٬٤٠٥");
    expect(formatDate(null, persian("fa-AF"))).toBe("");
    expect(formatDate("not a date", persian("ps"))).toBe("");
  });

  it("accepts only the two calendars as a choice", () => {
    expect(isCalendar("persian")).toBe(true);
    expect(isCalendar("gregory")).toBe(true);
    expect(isCalendar("islamic")).toBe(false);
    expect(isCalendar(undefined)).toBe(false);
  });
});
