"use server";
// A doctor or caregiver asks a correction of a patient's file. A public endpoint like every
// server action: it opens with the page's guard, checks the form with the shared zod schema, and
// lets lib/corrections decide REQUEST_CORRECTION for the posted patient (relation, consent, no
// exclusion, window: a forged patient id is refused like any other) and write with its log entry.
// The form's idempotency key becomes the request's id, so a double submit creates one request.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { requestCorrection } from "@/lib/corrections";
import { MAX_DESCRIPTION_LENGTH, MIN_DESCRIPTION_LENGTH } from "@/lib/corrections/schemas";
import { ZCaregiverCorrectionForm } from "@/lib/dossier/schemas";

export async function requestCaregiverCorrectionAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const t = await getTranslations("caregiver.correction");
  const values = formValues(formData, ["section", "entry", "description"]);
  const parsed = ZCaregiverCorrectionForm.safeParse({
    ...values,
    idempotencyKey: formData.get("idempotencyKey"),
    patientId: formData.get("patientId"),
  });
  if (!parsed.success) {
    // Only the visible fields get a message beside them; a bad hidden field (a forged or stale
    // form) is answered generically above the form.
    const fieldMessages: Record<string, string> = {
      section: t("sectionError"),
      entry: t("entryError"),
      description: t("descriptionError", { min: MIN_DESCRIPTION_LENGTH, max: MAX_DESCRIPTION_LENGTH }),
    };
    const fieldErrors = Object.fromEntries(
      parsed.error.issues
        .map((issue) => String(issue.path[0]))
        .filter((field) => field in fieldMessages)
        .map((field) => [field, fieldMessages[field]!]),
    );
    return formFailure(
      previous,
      values,
      Object.keys(fieldErrors).length ? { fieldErrors } : { formError: t("errors.generic") },
    );
  }
  const { patientId, entry, ...request } = parsed.data;
  const [entryType, entryId] = entry ? entry.split(":") : [];
  try {
    const outcome = await requestCorrection({
      actor,
      patientId,
      section: request.section,
      entry: entryType && entryId ? { type: entryType, id: entryId } : undefined,
      description: request.description,
      idempotencyKey: request.idempotencyKey,
      requestId: randomUUID(),
    });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    if (!outcome.result.ok) {
      return formFailure(previous, values, {
        fieldErrors: { entry: t(outcome.result.problem === "assessment" ? "assessmentError" : "entryError") },
      });
    }
  } catch (error) {
    return formFailure(previous, values, {
      formError: t(`errors.${actionErrorKind(error, "caregiver correction request")}`),
    });
  }
  redirect(`/caregiver/patients/${encodeURIComponent(patientId)}/correction?done=requested`);
}
