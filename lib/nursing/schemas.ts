// The nurse's forms, checked with the same schemas in the browser and in the server actions (a
// server action is a public endpoint: anything can be posted). No server-only imports here.
//
// Plausible ranges: a value outside them is almost always a typing slip (a missing decimal
// point, systolic and diastolic swapped), and a wrong reading in a health file is worse than a
// form that asks again. Units follow VitalSign.unit (UCUM-style).
import { z } from "zod";

export const MAX_NOTE_LENGTH = 5000;
export const MIN_CORRECTION_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 2000;

/** Ids of existing rows are cuids or the demo world's readable ids; the cap stops forged megabytes. */
export const ZRowId = z.string().trim().min(1).max(100);
/** The client-generated id of a new row: a double submit sends the same one, so one row is created. */
export const ZNewRowId = z.uuid();
export const ZVersion = z.coerce.number().int().min(1);

export const nursingNoteKinds = ["OBSERVATION", "ASSESSMENT", "COMMUNICATION"] as const;
export const carePlanStatuses = ["ACTIVE", "COMPLETED", "STOPPED"] as const;

export const vitalRanges = {
  BLOOD_PRESSURE: { unit: "mm[Hg]", min: 50, max: 260, secondaryMin: 30, secondaryMax: 160, step: 1 },
  PULSE: { unit: "/min", min: 20, max: 250, step: 1 },
  TEMPERATURE: { unit: "Cel", min: 30, max: 43, step: 0.1 },
  GLUCOSE: { unit: "mmol/L", min: 0.5, max: 40, step: 0.1 },
  WEIGHT: { unit: "kg", min: 1, max: 400, step: 0.1 },
  PAIN_SCORE: { unit: "{score}", min: 0, max: 10, step: 1 },
  OXYGEN_SATURATION: { unit: "%", min: 50, max: 100, step: 1 },
} as const;
export type VitalType = keyof typeof vitalRanges;
export const vitalTypes = Object.keys(vitalRanges) as VitalType[];

/** Accepts a decimal comma too: Belgian keyboards and habits write 37,5. */
const decimal = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().replace(",", ".") : value),
  z.coerce.number(),
);

function reading<T extends VitalType>(type: T) {
  const range = vitalRanges[type];
  const base = decimal.pipe(z.number().min(range.min).max(range.max));
  return range.step === 1 ? base.pipe(z.number().int()) : base;
}

const ZNote = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((value) => (value ? value : null));

/**
 * A reading in one of the plausible ranges of its type, with the fields its form adds (a new
 * reading's id, or the corrected row's id, version and reason). Built once for both forms so a
 * corrected value is checked exactly like a recorded one.
 */
function readingForm<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion("type", [
    z
      .object({
        type: z.literal("BLOOD_PRESSURE"),
        value: reading("BLOOD_PRESSURE"),
        secondaryValue: decimal.pipe(
          z.number().int().min(vitalRanges.BLOOD_PRESSURE.secondaryMin).max(vitalRanges.BLOOD_PRESSURE.secondaryMax),
        ),
        note: ZNote,
        ...extra,
      })
      // A systolic not above the diastolic is two fields swapped, not a reading. (The cast only
      // helps the compiler through the generic shape: both fields are the numbers parsed above.)
      .refine((parsed) => (parsed as { value: number }).value > (parsed as { secondaryValue: number }).secondaryValue, {
        path: ["secondaryValue"],
        message: "diastolic_not_below_systolic",
      }),
    ...(["PULSE", "TEMPERATURE", "GLUCOSE", "WEIGHT", "PAIN_SCORE", "OXYGEN_SATURATION"] as const).map((type) =>
      z.object({
        type: z.literal(type),
        value: reading(type),
        secondaryValue: z
          .unknown()
          .optional()
          .transform(() => null),
        note: ZNote,
        ...extra,
      }),
    ),
  ]);
}

export const ZRecordVital = readingForm({ id: ZNewRowId });
export type RecordVitalInput = z.infer<typeof ZRecordVital>;

export const ZAddNote = z.object({
  id: ZNewRowId,
  kind: z.enum(nursingNoteKinds),
  text: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
});
export type AddNoteInput = z.infer<typeof ZAddNote>;

const ZReason = z.string().trim().min(MIN_CORRECTION_REASON_LENGTH).max(MAX_REASON_LENGTH);

export const ZCorrectNote = z.object({
  noteId: ZRowId,
  version: ZVersion,
  text: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  reason: ZReason,
});
export type CorrectNoteInput = z.infer<typeof ZCorrectNote>;

export const ZUpdateCarePlanItem = z.object({
  itemId: ZRowId,
  version: ZVersion,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  frequency: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => (value ? value : null)),
  status: z.enum(carePlanStatuses),
  reason: ZReason,
});
export type UpdateCarePlanItemInput = z.infer<typeof ZUpdateCarePlanItem>;

/**
 * Correcting a reading: the value(s) and the note, never the type (a reading of the wrong kind is
 * a new reading, not a correction). The type is sent so the browser and the server check the
 * same plausible range; the server also requires it to match the stored row.
 */
export const ZCorrectVital = readingForm({ vitalId: ZRowId, version: ZVersion, reason: ZReason });
export type CorrectVitalInput = z.infer<typeof ZCorrectVital>;

export const MIN_RESOLUTION_LENGTH = 10;

/**
 * The nurse closes a correction request routed to her. The patient is not part of the form: it
 * is taken from the stored request (lib/corrections/nurse.ts).
 */
export const ZResolveCorrection = z.object({
  correctionId: ZRowId,
  correctionVersion: ZVersion,
  resolution: z.string().trim().min(MIN_RESOLUTION_LENGTH).max(MAX_REASON_LENGTH),
});
export type ResolveCorrectionInput = z.infer<typeof ZResolveCorrection>;

/** `datetime-local` value, read as Belgian wall-clock time. */
export const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const ZPlanVisit = z.object({
  id: ZNewRowId,
  startsAt: ZLocalDateTime,
  durationMinutes: z.coerce.number().int().min(5).max(480),
  purpose: z.string().trim().min(1).max(500),
});
export type PlanVisitInput = z.infer<typeof ZPlanVisit>;

export const ZEmergencyAccessForm = z.object({
  patientId: ZRowId,
  // lib/access/emergency.ts checks the same minimum (10) on its own.
  reason: z.string().trim().min(10).max(MAX_REASON_LENGTH),
});

/**
 * A work-screen form posts the file's patient beside its own fields. Only a claim: the access
 * decision (WRITE_NURSING_FILE) is what lets the write through.
 */
export const ZFilePatient = z.object({ patientId: ZRowId });

/** The posted form of a work-screen write: the patient of the file and the entry's own fields. */
function withFilePatient<Schema extends z.ZodType>(schema: Schema) {
  return z.intersection(ZFilePatient, schema);
}

export const ZAddNoteForm = withFilePatient(ZAddNote);
export const ZRecordVitalForm = withFilePatient(ZRecordVital);
export const ZPlanVisitForm = withFilePatient(ZPlanVisit);
export const ZCorrectNoteForm = withFilePatient(ZCorrectNote);
export const ZCorrectVitalForm = withFilePatient(ZCorrectVital);
export const ZUpdateCarePlanItemForm = withFilePatient(ZUpdateCarePlanItem);
