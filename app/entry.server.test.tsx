import { PassThrough } from "node:stream";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";

/**
 * React 18.3's streaming renderer encodes into a reusable 2 KB buffer and, when a
 * multibyte character does not fit at its end, used to flush the whole buffer, unused
 * zero bytes included (react#24985). patches/react-dom+18.3.1.patch applies the upstream
 * fix (#26228). These pages put a multibyte character across the boundary at every offset.
 */
function stream(element: React.ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (c: Buffer) => chunks.push(c));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onError: reject });
  });
}

const SCRIPTS = {
  bengali: "আমার সন্তান এখন ভালো আছে",
  arabic: "طفلي بخير الآن، شكراً",
  dari: "فرزندم حالا خوب است",
  ukrainian: "Моя дитина зараз у порядку",
  polish: "Moje dziecko ma się dobrze, dziękuję",
};

describe("the streaming renderer", () => {
  for (const [script, text] of Object.entries(SCRIPTS)) {
    it(`writes ${script} text across its 2 KB buffer without stray bytes`, async () => {
      for (let pad = 0; pad < 200; pad++) {
        const page = (
          <main>
            {Array.from({ length: 17 }, (_, i) => (
              <p key={i}>{"x".repeat(100)}</p>
            ))}
            <p>{"y".repeat(pad)}</p>
            <p>{text}</p>
            <p>{text.repeat(20)}</p>
          </main>
        );
        const bytes = await stream(page);
        expect(bytes.includes(0), `NUL with ${pad} bytes before the text`).toBe(false);
        expect(bytes.toString("utf8")).toBe(renderToStaticMarkup(page));
      }
    });
  }
});
