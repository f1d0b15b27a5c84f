// Pure helpers of the vital-parameter view, apart from the components so they test without React.
import type { NursingFile } from "@/lib/dossier/read";

type VitalSign = NonNullable<NursingFile["health"]>["vitalSigns"][number];

/** How many of the latest readings of one type are charted and listed. */
export const READINGS_SHOWN = 30;

export const typeOrder = [
  "BLOOD_PRESSURE",
  "PULSE",
  "TEMPERATURE",
  "OXYGEN_SATURATION",
  "GLUCOSE",
  "WEIGHT",
  "PAIN_SCORE",
] as const;
type KnownType = (typeof typeOrder)[number];

export const decimalsOf: Record<KnownType, number> = {
  BLOOD_PRESSURE: 0,
  PULSE: 0,
  TEMPERATURE: 1,
  OXYGEN_SATURATION: 0,
  GLUCOSE: 1,
  WEIGHT: 1,
  PAIN_SCORE: 0,
};

export const knownUnits = ["mm[Hg]", "/min", "Cel", "mmol/L", "mg/dL", "kg", "{score}", "%"] as const;
/** Message key of a UCUM unit; an unknown unit is shown as stored rather than hidden. */
export const unitKey = {
  "mm[Hg]": "mmHg",
  "/min": "perMinute",
  Cel: "celsius",
  "mmol/L": "mmolPerL",
  "mg/dL": "mgPerDl",
  kg: "kg",
  "{score}": "score",
  "%": "percent",
} as const satisfies Record<(typeof knownUnits)[number], string>;

export type VitalGroup = { type: KnownType; readings: VitalSign[] };

/** Groups readings by type, each group oldest first and cut to the latest READINGS_SHOWN. */
export function groupVitalSigns(vitalSigns: VitalSign[]): VitalGroup[] {
  return typeOrder
    .map((type) => ({
      type,
      readings: vitalSigns
        .filter((reading) => reading.type === type)
        .sort((a, b) => a.measuredAt.getTime() - b.measuredAt.getTime())
        .slice(-READINGS_SHOWN),
    }))
    .filter((group) => group.readings.length > 0);
}
