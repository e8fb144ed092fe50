// Compiles app/styles/app.scss (with GOV.UK Frontend) to CSS, and a mirrored copy for
// right-to-left languages with rtlcss (GOV.UK Frontend has no RTL support of its own).
import { mkdir, writeFile } from "node:fs/promises";
import rtlcss from "rtlcss";
import * as sass from "sass";

const out = "app/styles/generated";
await mkdir(out, { recursive: true });
const { css } = sass.compile("app/styles/app.scss", {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
console.log(`css: ${(css.length / 1024).toFixed(1)} KB (ltr and rtl)`);

// Fonts for scripts that system fonts often lack or render badly (Arabic-script Naskh
// covering every Pashto letter; Bengali), copied from @fontsource and linked only on
// pages in those languages, so English pages download none of them.
import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import subsetFont from "subset-font";

const NAMES_FAMILY = "EH Language Names";

const FONTS = [
  { out: "arabic-script.css", pkg: "noto-naskh-arabic", files: ["arabic-400.css", "arabic-700.css"], family: "Noto Naskh Arabic" },
  { out: "bengali.css", pkg: "noto-sans-bengali", files: ["bengali-400.css", "bengali-700.css"], family: "Noto Sans Bengali" },
];
await mkdir("public/fonts", { recursive: true });
for (const font of FONTS) {
  const dir = path.join("node_modules", "@fontsource", font.pkg);
  let css = "";
  for (const file of font.files) {
    const source = await readFile(path.join(dir, file), "utf8");
    for (const [, name] of source.matchAll(/url\(\.\/files\/([^)]+)\)/g)) {
      await copyFile(path.join(dir, "files", name), path.join("public/fonts", name));
    }
    css += source.replace(/url\(\.\/files\//g, "url(/fonts/");
  }
  // Latin characters fall through (unicode-range) to the house font; the other script's
  // language names in the switcher fall through to the language-names subset below.
  css += `\nbody, body * { font-family: "${font.family}", "${NAMES_FAMILY}", arial, helvetica, sans-serif !important; }\n`;
  await writeFile(path.join("public/fonts", font.out), css);
}

// Every page's language switcher names each language in its own script (دری, বাংলা…), and
// many devices (and Debian's Chromium here) have no Bengali or Naskh font. So each page
// gets a subset of the two fonts holding only the letters of those names: a few KB, where
// the whole fonts are ~50 KB each and stay for the pages in those languages.
const languagesSource = await readFile("app/utils/languages.ts", "utf8");
const names = [...languagesSource.matchAll(/name: "([^"]+)"/g)].map((m) => m[1]).join(" ");
const SUBSETS = [
  { out: "language-names-arabic.woff2", file: "noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2", range: "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200F, U+FB50-FDFF, U+FE70-FEFF" },
  { out: "language-names-bengali.woff2", file: "noto-sans-bengali/files/noto-sans-bengali-bengali-400-normal.woff2", range: "U+0980-09FF, U+200C-200D" },
];
let namesCss = "";
for (const subset of SUBSETS) {
  const font = await subsetFont(await readFile(path.join("node_modules/@fontsource", subset.file)), names, { targetFormat: "woff2" });
  await writeFile(path.join("public/fonts", subset.out), font);
  namesCss += `@font-face{font-family:"${NAMES_FAMILY}";font-style:normal;font-display:swap;font-weight:400 700;src:url(/fonts/${subset.out}) format("woff2");unicode-range:${subset.range}}`;
}
namesCss += `.govuk-language-navigation [lang],.eh-survey-languages [lang]{font-family:"${NAMES_FAMILY}",arial,helvetica,sans-serif}`;
await writeFile(`${out}/app.css`, css + namesCss);
await writeFile(`${out}/app.rtl.css`, rtlcss.process(css) + namesCss);
