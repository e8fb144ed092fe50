import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart";

const render = (values: Array<number | null>) =>
  renderToStaticMarkup(
    <BarChart title="Contacts by source" description="Contacts in the year by source" hiddenText="fewer than 5" bars={values.map((v, i) => ({ key: `b${i}`, label: `Source ${i}`, value: v }))} />,
  );

describe("BarChart", () => {
  it("is one labelled image with a title and description", () => {
    const html = render([10]);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)-t \1-d"/);
    expect(html).toContain("Contacts by source</title>");
    expect(html).toContain("Contacts in the year by source</desc>");
  });

  it("draws longer bars for larger values and none for hidden ones", () => {
    const html = render([10, 20, null]);
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(html).toContain("fewer than 5");
    expect(html).not.toMatch(/data-bar="b2"[^]*<rect/);
  });
});
