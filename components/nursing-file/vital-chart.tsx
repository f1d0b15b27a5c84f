"use client";
// One vital parameter over time, drawn by recharts. The chart is for seeing a trend at a glance;
// its text alternative (the summary, given by the server) and the readings table beside it carry
// the same information for anyone who cannot see it, so the SVG itself is one labelled image.
import { useFormatter } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type VitalChartPoint = { t: number; value: number; secondary: number | null };

export type VitalChartProps = {
  points: VitalChartPoint[];
  /** Names of the lines: ["Bovendruk", "Onderdruk"] for blood pressure, one name otherwise. */
  seriesNames: [string] | [string, string];
  unitLabel: string;
  decimals: number;
  summary: string;
};

// Straight lines between readings: a smoothed curve would suggest values nobody measured.
// Contrast of at least 3:1 against white for both lines (WCAG 1.4.11), told apart by dash too.
const PRIMARY = "#1d4ed8";
const SECONDARY = "#b45309";

export function VitalChart({ points, seriesNames, unitLabel, decimals, summary }: VitalChartProps) {
  const format = useFormatter();
  const number = (value: number) =>
    format.number(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const day = (t: number) => format.dateTime(new Date(t), { day: "numeric", month: "short" });
  const twoLines = seriesNames.length === 2;
  return (
    <div role="img" aria-label={summary} className="h-64 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d4d4d8" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={day}
            tick={{ fill: "#3f3f46", fontSize: 13 }}
            minTickGap={24}
          />
          <YAxis domain={["auto", "auto"]} tickFormatter={number} tick={{ fill: "#3f3f46", fontSize: 13 }} width={56} />
          <Tooltip
            labelFormatter={(t) =>
              format.dateTime(new Date(Number(t)), {
                day: "numeric",
                month: "long",
                hour: "2-digit",
                minute: "2-digit",
              })
            }
            formatter={(value) => `${number(Number(value))} ${unitLabel}`}
          />
          <Line
            type="linear"
            dataKey="value"
            name={seriesNames[0]}
            stroke={PRIMARY}
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
          {twoLines ? (
            <Line
              type="linear"
              dataKey="secondary"
              name={seriesNames[1]}
              stroke={SECONDARY}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
