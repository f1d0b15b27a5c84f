// A vital reading as the nurse reads it: "141/87 mmHg", "37,5 °C", in the page's locale.
import type { getFormatter } from "next-intl/server";

const unitLabels: Record<string, string> = {
  "mm[Hg]": "mmHg",
  "/min": "/min",
  Cel: "°C",
  "mmol/L": "mmol/L",
  kg: "kg",
  "{score}": "/10",
  "%": "%",
};

type Format = Awaited<ReturnType<typeof getFormatter>>;

export function formatReading(
  format: Format,
  reading: { value: number; secondaryValue: number | null; unit: string },
): string {
  const value =
    reading.secondaryValue !== null
      ? `${format.number(reading.value)}/${format.number(reading.secondaryValue)}`
      : format.number(reading.value);
  return `${value} ${unitLabels[reading.unit] ?? reading.unit}`;
}
