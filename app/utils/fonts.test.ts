import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/** The code points a WOFF (1.0) font maps, read from its cmap table (formats 4 and 12). */
function codePoints(file: string): Set<number> {
  const buf = readFileSync(file);
  expect(buf.toString("latin1", 0, 4)).toBe("wOFF");
  const numTables = buf.readUInt16BE(12);
  let cmap: Buffer | null = null;
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    if (buf.toString("latin1", entry, entry + 4) !== "cmap") continue;
    const offset = buf.readUInt32BE(entry + 4);
    const compLength = buf.readUInt32BE(entry + 8);
    const origLength = buf.readUInt32BE(entry + 12);
    const raw = buf.subarray(offset, offset + compLength);
    cmap = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
  }
  if (!cmap) throw new Error("no cmap table");
  const points = new Set<number>();
  const subtables = cmap.readUInt16BE(2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(at);
    if (format === 4) {
      const segX2 = cmap.readUInt16BE(at + 6);
      const ends = at + 14;
      const starts = ends + segX2 + 2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = cmap.readUInt16BE(ends + s * 2);
        const start = cmap.readUInt16BE(starts + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) points.add(c);
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = cmap.readUInt32BE(at + 16 + g * 12);
        const end = cmap.readUInt32BE(at + 16 + g * 12 + 4);
        for (let c = start; c <= end; c++) points.add(c);
      }
    }
  }
  return points;
}

const missing = (points: Set<number>, text: string) => [...text].filter((ch) => !points.has(ch.codePointAt(0)!));

describe("shipped fonts", () => {
  it("the Arabic-script font covers every Pashto, Dari, Urdu and Arabic letter we use", () => {
    for (const weight of [400, 700]) {
      const points = codePoints(`node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff`);
      // Pashto's own letters, then Persian/Urdu additions, then Persian and Arabic-Indic digits.
      expect(missing(points, "ټډړږښګڼۍېځڅ")).toEqual([]);
      expect(missing(points, "پچژگکیےںہھۓ")).toEqual([]);
      expect(missing(points, "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")).toEqual([]);
    }
  });

  it("the Bengali font covers the Bengali alphabet and digits", () => {
    const points = codePoints("node_modules/@fontsource/noto-sans-bengali/files/noto-sans-bengali-bengali-400-normal.woff");
    expect(missing(points, "অআইঈউঊঋএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহড়ঢ়য়ৎংঃঁ০১২৩৪৫৬৭৮৯")).toEqual([]);
  });
});
