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
await writeFile(`${out}/app.css`, css);
await writeFile(`${out}/app.rtl.css`, rtlcss.process(css));
console.log(`css: ${(css.length / 1024).toFixed(1)} KB (ltr and rtl)`);

// Fonts for scripts that system fonts often lack or render badly (Arabic-script Naskh
// covering every Pashto letter; Bengali), copied from @fontsource and linked only on
// pages in those languages, so English pages download none of them.
import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";

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
  // Latin characters fall through (unicode-range) to the house font.
  css += `\nbody, body * { font-family: "${font.family}", arial, helvetica, sans-serif !important; }\n`;
  await writeFile(path.join("public/fonts", font.out), css);
}
