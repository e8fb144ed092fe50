import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { useId } from "react";

export type LineSeries = { key: string; label: string; values: Array<number | null> };

type Props = {
  /** Short accessible name of the chart; the data table next to it carries the detail. */
  title: string;
  /** One sentence a screen reader hears instead of the picture. */
  description: string;
  /** Labels of the x axis, one per point (e.g. "Review 1"). */
  xLabels: string[];
  series: LineSeries[];
  yMin: number;
  yMax: number;
  /** Formats a y-axis tick in the page's language (locale digits). */
  formatY?: (value: number) => string;
  width?: number;
  height?: number;
};

// Distinguishable for colour-blind readers and ≥ 3:1 against white (WCAG 1.4.11);
// each series also has its own marker shape so colour is never the only cue.
const COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#6f3c97", "#b35900", "#505a5f"];
const MARKERS = ["circle", "square", "diamond", "triangle"] as const;
type MarkerShape = (typeof MARKERS)[number];
const colourOf = (i: number): string => COLOURS[i % COLOURS.length] ?? "#0b0c0c";
const markerOf = (i: number): MarkerShape => MARKERS[i % MARKERS.length] ?? "circle";

/**
 * A line chart drawn on the server as plain SVG (d3-scale for positions, d3-shape for the
 * path): no JavaScript in the browser, so it prints and works with scripts turned off.
 * The SVG is one image with a title and description; always show the numbers in a
 * table beside it (the chart is a picture of the table, not a replacement).
 */
export function LineChart({ title, description, xLabels, series, yMin, yMax, formatY = String, width = 560, height = 260 }: Props) {
  const id = useId();
  const margin = { top: 12, right: 16, bottom: 36, left: 36 };
  const x = scalePoint<number>()
    .domain(xLabels.map((_, i) => i))
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const y = scaleLinear().domain([yMin, yMax]).range([height - margin.bottom, margin.top]).nice();
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(i) ?? 0)
    .y((v) => y(v ?? 0));
  const ticks = y.ticks(5);
  return (
    <figure className="eh-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="eh-chart__svg" focusable="false">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <g aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" strokeWidth={tick === yMin ? 1.5 : 0.5} />
              <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="12" fill="#0b0c0c">
                {formatY(tick)}
              </text>
            </g>
          ))}
          {xLabels.map((label, i) => (
            <text key={i} x={x(i)} y={height - margin.bottom + 18} textAnchor="middle" fontSize="12" fill="#0b0c0c">
              {label}
            </text>
          ))}
          {series.map((s, si) => {
            const colour = colourOf(si);
            const marker = markerOf(si);
            return (
              <g key={s.key} data-series={s.key}>
                <path d={path(s.values) ?? undefined} fill="none" stroke={colour} strokeWidth={2.5} />
                {s.values.map((v, i) => (v === null ? null : <Marker key={i} shape={marker} cx={x(i) ?? 0} cy={y(v)} colour={colour} />))}
              </g>
            );
          })}
        </g>
      </svg>
      {series.length > 1 ? (
        <figcaption>
          <ul className="eh-chart__legend">
            {series.map((s, si) => (
              <li key={s.key}>
                <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <Marker shape={markerOf(si)} cx={8} cy={8} colour={colourOf(si)} />
                </svg>{" "}
                <bdi>{s.label}</bdi>
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

function Marker({ shape, cx, cy, colour }: { shape: MarkerShape; cx: number; cy: number; colour: string }) {
  const r = 5;
  switch (shape) {
    case "square":
      return <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} fill={colour} />;
    case "diamond":
      return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`} fill={colour} />;
    case "triangle":
      return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`} fill={colour} />;
    default:
      return <circle cx={cx} cy={cy} r={r} fill={colour} />;
  }
}
