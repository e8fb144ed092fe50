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
