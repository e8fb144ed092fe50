import path from "node:path";
import { createInstance } from "i18next";
import Backend from "i18next-fs-backend";
import ICU from "i18next-icu";
import i18nConfig from "~/i18n";

/** The app's i18next setup (as in entry.server.tsx): shared options, ICU, files from locales/. */
async function t(lng: string, ns = "casework") {
  const instance = createInstance();
  await instance
    .use(ICU)
    .use(Backend)
    .init({ ...i18nConfig, lng, ns: [ns], defaultNS: ns, backend: { loadPath: path.resolve("locales/{{lng}}/{{ns}}.json") } });
  return instance.getFixedT(lng, ns);
}

/** The plural form a message picked, with the digits taken out. */
const words = (s: string) => s.replace(/[0-9٠-٩۰-۹]+/g, "#").trim();

describe("ICU plurals through the app's i18next", () => {
  it("Arabic uses all six forms: zero, one, two, few, many, other", async () => {
    const tr = await t("ar");
    const forms = [0, 1, 2, 3, 11, 100].map((count) => words(tr("caseload.actionsOverdue", { count })));
    expect(forms).toEqual([
      "لا توجد إجراءات متأخرة",
      "إجراء واحد متأخر",
      "إجراءان متأخران",
      "# إجراءات متأخرة",
      "# إجراءً متأخرًا",
      "# إجراء متأخر",
    ]);
    expect(new Set(forms).size).toBe(6);
    // few covers 3–10 and 103–110; many covers 11–99.
    expect(words(tr("caseload.actionsOverdue", { count: 104 }))).toBe("# إجراءات متأخرة");
    expect(words(tr("caseload.actionsOverdue", { count: 25 }))).toBe("# إجراءً متأخرًا");
    expect(tr("chronology.count", { count: 2 })).toBe("مُدخلان");
    expect(tr("plan.nextReview", { date: "5", weeks: 2 })).toContain("كل أسبوعين");
  });

  it("Polish uses one, few and many", async () => {
    const tr = await t("pl");
    expect(tr("caseload.count", { count: 0 })).toBe("Brak otwartych spraw");
    expect(tr("caseload.count", { count: 1 })).toBe("1 otwarta sprawa");
    expect(tr("caseload.count", { count: 3 })).toBe("3 otwarte sprawy");
    expect(tr("caseload.count", { count: 5 })).toBe("5 otwartych spraw");
    expect(tr("caseload.count", { count: 12 })).toBe("12 otwartych spraw");
    expect(tr("caseload.count", { count: 22 })).toBe("22 otwarte sprawy");
    expect(tr("plan.nextReview", { date: "x", weeks: 4 })).toBe("Następny przegląd x (co 4 tygodnie)");
    expect(tr("plan.nextReview", { date: "x", weeks: 6 })).toBe("Następny przegląd x (co 6 tygodni)");
  });

  it("Ukrainian uses one, few and many", async () => {
    const tr = await t("uk");
    expect(tr("chronology.count", { count: 1 })).toBe("1 запис");
    expect(tr("chronology.count", { count: 2 })).toBe("2 записи");
    expect(tr("chronology.count", { count: 5 })).toBe("5 записів");
    expect(tr("chronology.count", { count: 11 })).toBe("11 записів");
    expect(tr("chronology.count", { count: 21 })).toBe("21 запис");
    expect(tr("caseload.actionsOverdue", { count: 3 })).toBe("3 прострочені дії");
  });

  it("Polish and Ukrainian families lists pick few/many too", async () => {
    expect((await t("pl", "families"))("list.count", { count: 24 })).toBe("24 rodziny");
    expect((await t("uk", "families"))("list.count", { count: 25 })).toBe("25 сімей");
  });
});
