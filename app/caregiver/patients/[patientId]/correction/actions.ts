"use server";
// A doctor or caregiver asks a correction of a patient's file. A public endpoint made by
// formAction (lib/http/action.ts), which re-checks the actor and reads the form; lib/corrections
// decides REQUEST_CORRECTION for the posted patient (relation, consent, no exclusion, window: a
// forged patient id is refused like any other) and writes with its log entry. The form's
// idempotency key becomes the request's id, so a double submit creates one request.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requestCorrection } from "@/lib/corrections";
import { MAX_DESCRIPTION_LENGTH, MIN_DESCRIPTION_LENGTH } from "@/lib/corrections/schemas";
import { ZCaregiverCorrectionForm } from "@/lib/dossier/schemas";
import { formAction } from "@/lib/http/action";

export const requestCaregiverCorrectionAction = formAction({
  gate: { roles: ["DOCTOR", "CAREGIVER"] },
  schema: ZCaregiverCorrectionForm,
  translations: () => getTranslations("caregiver.correction"),
  messages: (t) => ({
    // Only the visible fields get a message beside them; a bad hidden field (a forged or stale
    // form) is answered generically above the form.
    fields: {
      section: t("sectionError"),
      entry: t("entryError"),
      description: t("descriptionError", { min: MIN_DESCRIPTION_LENGTH, max: MAX_DESCRIPTION_LENGTH }),
    },
    forbidden: t("errors.forbidden"),
    conflict: t("errors.conflict"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input: { patientId, entry, ...request }, requestId, t }) => {
    const [entryType, entryId] = entry ? entry.split(":") : [];
    const outcome = await requestCorrection({
      actor,
      patientId,
      section: request.section,
      entry: entryType && entryId ? { type: entryType, id: entryId } : undefined,
      description: request.description,
      idempotencyKey: request.idempotencyKey,
      requestId,
    });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    if (!outcome.result.ok) {
      return { fieldErrors: { entry: t(outcome.result.problem === "assessment" ? "assessmentError" : "entryError") } };
    }
    redirect(`/caregiver/patients/${encodeURIComponent(patientId)}/correction?done=requested`);
  },
});
