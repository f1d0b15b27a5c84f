// Which message (namespace `nurse`) a failed field of each work-screen form shows. One table for
// both sides, so the browser's check and the server action's answer say the same thing.
import type { getTranslations } from "next-intl/server";

export type NurseTranslate = Awaited<ReturnType<typeof getTranslations<"nurse">>>;

const fieldErrorKeys = {
  recordVital: {
    type: "vital.typeError",
    value: "vital.valueError",
    secondaryValue: "vital.secondaryError",
    note: "vital.noteError",
  },
  correctVital: {
    type: "vital.typeError",
    value: "vital.valueError",
    secondaryValue: "vital.secondaryError",
    note: "vital.noteError",
    reason: "correct.reasonError",
  },
  addNote: { text: "note.textError", kind: "note.kindError" },
  planVisit: { startsAt: "visit.startsAtError", durationMinutes: "visit.durationError", purpose: "visit.purposeError" },
  correctNote: { text: "correct.textError", reason: "correct.reasonError" },
  updateCarePlan: {
    title: "carePlan.titleError",
    description: "carePlan.descriptionError",
    frequency: "carePlan.frequencyError",
    reason: "correct.reasonError",
  },
  resolveCorrection: { resolution: "resolve.resolutionError" },
} as const satisfies Record<string, Record<string, string>>;

export type WorkScreenForm = keyof typeof fieldErrorKeys;

export function fieldErrorMessages(form: WorkScreenForm, t: NurseTranslate): Record<string, string> {
  // The keys above are literal message paths of the `nurse` namespace (lib/i18n checks them).
  return Object.fromEntries(
    Object.entries(fieldErrorKeys[form]).map(([field, key]) => [field, t(key as "vital.typeError")]),
  );
}
