import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LineChart } from "./line-chart";

const render = (values: Array<number | null>[]) =>
  renderToStaticMarkup(
    <LineChart
      title="Distance travelled"
      description="Two outcomes at three reviews"
      xLabels={["Review 1", "Review 2", "Review 3"]}
      series={values.map((v, i) => ({ key: `s${i}`, label: `Outcome ${i}`, values: v }))}
      yMin={0}
      yMax={10}
    />,
  );

describe("LineChart", () => {
  it("is one labelled image with a title and description", () => {
    const html = render([[1, 2, 3]]);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)-t \1-d"/);
    expect(html).toContain("<title");
    expect(html).toContain("Distance travelled</title>");
    expect(html).toContain("Two outcomes at three reviews</desc>");
  });

  it("draws one marker per recorded score, higher scores higher up, and skips gaps", () => {
    const html = render([[2, null, 8]]);
    const circles = [...html.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(circles).toHaveLength(2);
    expect(circles[0]!.x).toBeLessThan(circles[1]!.x);
    expect(circles[1]!.y).toBeLessThan(circles[0]!.y); // 8 is drawn above 2
    // The line breaks at the missing review instead of inventing a value: two separate segments.
    const d = html.match(/<path d="([^"]+)"/)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it("gives each series its own marker shape and a legend", () => {
    const html = render([
      [1, 2, 3],
      [3, 2, 1],
    ]);
    expect(html).toContain("<circle");
    expect(html).toContain("<rect");
    expect(html).toContain("Outcome 0");
    expect(html).toContain("Outcome 1");
  });
});
