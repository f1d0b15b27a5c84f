"use server";
// Asking a correction and commenting on an assessment. Each opens with the page's guard, checks
// the form with the shared zod schema, and lets lib/corrections decide (REQUEST_CORRECTION,
// EXERCISE_PATIENT_RIGHTS) and write with its log entry. The form's idempotency key becomes the
// row's id, so a double submit creates one request or one comment.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { addPatientComment, requestCorrection } from "@/lib/corrections";
import {
  MAX_DESCRIPTION_LENGTH,
  MIN_DESCRIPTION_LENGTH,
  ZPatientCommentForm,
  ZRequestCorrectionForm,
} from "@/lib/corrections/schemas";

const PATH = "/patient/corrections";

export async function requestCorrectionAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("corrections");
  const values = formValues(formData, ["section", "entry", "description"]);
  const parsed = ZRequestCorrectionForm.safeParse({ ...values, idempotencyKey: formData.get("idempotencyKey") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "description")
        fieldErrors.description = t("request.descriptionError", {
          min: MIN_DESCRIPTION_LENGTH,
          max: MAX_DESCRIPTION_LENGTH,
        });
      else if (field === "section") fieldErrors.section = t("request.sectionError");
      else if (field === "entry") fieldErrors.entry = t("request.entryError");
    }
    return formFailure(
      previous,
      values,
      Object.keys(fieldErrors).length ? { fieldErrors } : { formError: t("errors.generic") },
    );
  }
  const [entryType, entryId] = parsed.data.entry ? parsed.data.entry.split(":") : [];
  try {
    const outcome = await requestCorrection({
      actor,
      patientId: actor.personId,
      section: parsed.data.section,
      entry: entryType && entryId ? { type: entryType, id: entryId } : undefined,
      description: parsed.data.description,
      idempotencyKey: parsed.data.idempotencyKey,
      requestId: randomUUID(),
    });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    if (!outcome.result.ok) {
      return formFailure(previous, values, {
        fieldErrors: {
          entry: t(outcome.result.problem === "assessment" ? "request.assessmentError" : "request.entryError"),
        },
      });
    }
  } catch (error) {
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "request correction")}`) });
  }
  redirect(`${PATH}?done=requested`);
}

export async function addCommentAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("corrections");
  const values = formValues(formData, ["text"]);
  const parsed = ZPatientCommentForm.safeParse({
    ...values,
    noteId: formData.get("noteId"),
    idempotencyKey: formData.get("idempotencyKey"),
  });
  if (!parsed.success) {
    const textIssue = parsed.error.issues.some((issue) => issue.path[0] === "text");
    return formFailure(
      previous,
      values,
      textIssue ? { fieldErrors: { text: t("comments.textError") } } : { formError: t("errors.generic") },
    );
  }
  try {
    const outcome = await addPatientComment({
      actor,
      patientId: actor.personId,
      requestId: randomUUID(),
      ...parsed.data,
    });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    if (!outcome.result.ok) return formFailure(previous, values, { formError: t("comments.notAssessment") });
  } catch (error) {
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "add patient comment")}`) });
  }
  redirect(`${PATH}?done=commented`);
}
