// One vital parameter over time, drawn on the server as a plain SVG (ADR 0025). The chart is for
// seeing a trend at a glance; its text alternative (the summary) and the readings table beside it
// carry the same information for anyone who cannot see it, so the SVG is one labelled image.
// Drawn here rather than by a chart library in the browser: the readings then reach the page once
// (in the table and in these few path coordinates), not a second time as the data of a client
// component, and the chart needs no script on an old tablet.
import { getFormatter } from "next-intl/server";

export type VitalChartPoint = { t: number; value: number; secondary: number | null };

export type VitalChartProps = {
  points: VitalChartPoint[];
  /** Names of the lines: ["Bovendruk", "Onderdruk"] for blood pressure, one name otherwise. */
  seriesNames: [string] | [string, string];
  unitLabel: string;
  decimals: number;
  /** The id of the element whose text is the chart's text alternative (its summary paragraph). */
  summaryId: string;
};

// Straight lines between readings: a smoothed curve would suggest values nobody measured.
// Contrast of at least 3:1 against white for both lines (WCAG 1.4.11), told apart by dash too.
const PRIMARY = "#1d4ed8";
const SECONDARY = "#b45309";
const AXIS = "#3f3f46";
const GRID = "#d4d4d8";

const WIDTH = 600;
const HEIGHT = 256;
const PLOT = { left: 56, right: 16, top: 8, bottom: 32 };

export async function VitalChart({ points, seriesNames, decimals, summaryId }: VitalChartProps) {
  const format = await getFormatter();
  const values = points.flatMap((point) => (point.secondary === null ? [point.value] : [point.value, point.secondary]));
  if (points.length === 0 || values.length === 0) return null;
  const times = points.map((point) => point.t);
  const [tMin, tMax] = [Math.min(...times), Math.max(...times)];
  let [vMin, vMax] = [Math.min(...values), Math.max(...values)];
  if (vMin === vMax) [vMin, vMax] = [vMin - 1, vMax + 1];
  const margin = (vMax - vMin) * 0.1;
  [vMin, vMax] = [vMin - margin, vMax + margin];
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (t: number) => PLOT.left + (tMax === tMin ? plotWidth / 2 : ((t - tMin) / (tMax - tMin)) * plotWidth);
  const y = (value: number) => PLOT.top + (1 - (value - vMin) / (vMax - vMin)) * plotHeight;
  const round = (n: number) => Math.round(n * 10) / 10;
  const path = (pick: (point: VitalChartPoint) => number | null) =>
    points
      .flatMap((point) => {
        const value = pick(point);
        return value === null ? [] : [`${round(x(point.t))},${round(y(value))}`];
      })
      .join(" ");
  const number = (value: number) =>
    format.number(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const day = (t: number) => format.dateTime(new Date(t), { day: "numeric", month: "short" });
  const ticks = [vMin + margin, (vMin + vMax) / 2, vMax - margin];
  const lines = [
    { points: path((point) => point.value), color: PRIMARY, dash: undefined, name: seriesNames[0] },
    ...(seriesNames.length === 2
      ? [{ points: path((point) => point.secondary), color: SECONDARY, dash: "6 3", name: seriesNames[1] }]
      : []),
  ];
  return (
    // Named by the summary shown above it (aria-labelledby), not a copy of it: a page of readings is
    // sent twice (HTML and React's payload), so a repeated text counts four times.
    <div role="img" aria-labelledby={summaryId} className="w-full min-w-0">
      {/* Shared attributes on the groups, not on each element (SVG inherits them). */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-64 w-full"
        aria-hidden="true"
        data-chart="vital"
        fontSize="13"
        fill={AXIS}
      >
        <g stroke={GRID} strokeDasharray="3 3">
          {ticks.map((tick) => (
            <line key={tick} x1={PLOT.left} x2={WIDTH - PLOT.right} y1={round(y(tick))} y2={round(y(tick))} />
          ))}
        </g>
        <g textAnchor="end">
          {ticks.map((tick) => (
            <text key={tick} x={PLOT.left - 6} y={round(y(tick)) + 4}>
              {number(tick)}
            </text>
          ))}
          <text x={WIDTH - PLOT.right} y={HEIGHT - 8}>
            {day(tMax)}
          </text>
        </g>
        <text x={PLOT.left} y={HEIGHT - 8}>
          {day(tMin)}
        </text>
        <g fill="none" strokeWidth={2} strokeLinejoin="round">
          {lines.map((line) => (
            <polyline
              key={line.name}
              data-series={line.name}
              points={line.points}
              stroke={line.color}
              strokeDasharray={line.dash}
            />
          ))}
        </g>
      </svg>
    </div>
  );
}
