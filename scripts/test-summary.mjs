// Adds up the JSON reports of every test run into one closing line: "N passed, N failed".
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
  const report = JSON.parse(await readFile(path.join(dir, file), "utf8"));
  let p = 0, f = 0, s = 0;
  if (report.stats) {
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
    s = report.stats.skipped;
  } else {
    p = report.numPassedTests;
    f = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    s = report.numPendingTests + report.numTodoTests;
  }
  lines.push(`  ${file.replace(/\.json$/, "").padEnd(22)} ${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log("\n=== Summary");
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failed > 0 || skipped > 0 || passed === 0) process.exit(1);
