import { scaleBand, scaleLinear } from "d3-scale";
import { useId } from "react";

/** One bar; `value` null means hidden (suppressed): no bar is drawn and the note says why. */
export type Bar = { key: string; label: string; value: number | null; hiddenText?: string };

type Props = {
  /** Short accessible name of the chart; the data table next to it carries the detail. */
  title: string;
  /** One sentence a screen reader hears instead of the picture. */
  description: string;
  bars: Bar[];
  /** Text drawn where a hidden value would be, e.g. "fewer than 5". */
  hiddenText: string;
  /** Formats a value in the page's language (locale digits). */
  formatValue?: (value: number) => string;
  width?: number;
};

const BAR = "#1d70b8"; // ≥ 3:1 against white (WCAG 1.4.11)

/**
 * A horizontal bar chart drawn on the server as plain SVG (d3-scale for positions), in the
 * style of LineChart: one labelled image, no script, prints as it shows. Hidden values get
 * no bar, so a chart never shows more than its table.
 */
export function BarChart({ title, description, bars, hiddenText, formatValue = String, width = 560 }: Props) {
  const id = useId();
  const rowHeight = 28;
  const margin = { top: 8, right: 120, bottom: 8, left: 200 };
  const height = margin.top + margin.bottom + rowHeight * Math.max(bars.length, 1);
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear().domain([0, max]).range([margin.left, width - margin.right]);
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([margin.top, height - margin.bottom])
    .padding(0.25);
  return (
    <figure className="eh-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="eh-chart__svg" focusable="false">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <g aria-hidden="true">
          <line x1={margin.left} x2={margin.left} y1={margin.top} y2={height - margin.bottom} stroke="#0b0c0c" strokeWidth={1} />
          {bars.map((b) => {
            const top = y(b.key) ?? 0;
            const mid = top + y.bandwidth() / 2;
            return (
              <g key={b.key} data-bar={b.key}>
                <text x={margin.left - 8} y={mid} dy="0.32em" textAnchor="end" fontSize="12" fill="#0b0c0c">
                  {b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label}
                </text>
                {b.value === null ? (
                  <text x={margin.left + 6} y={mid} dy="0.32em" fontSize="12" fill="#0b0c0c" fontStyle="italic">
                    {b.hiddenText ?? hiddenText}
                  </text>
                ) : (
                  <>
                    <rect x={margin.left} y={top} width={Math.max(0, x(b.value) - margin.left)} height={y.bandwidth()} fill={BAR} />
                    <text x={x(b.value) + 6} y={mid} dy="0.32em" fontSize="12" fill="#0b0c0c">
                      {formatValue(b.value)}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}
