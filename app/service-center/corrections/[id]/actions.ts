"use server";
// The service center's three answers to a correction request. Each opens with the page's guard,
// checks the form with the shared zod schema, and lets lib/corrections take the patient from the
// stored request, decide again and write with its log entry. A stale form (someone else handled
// the request, or the data changed since it was opened) answers a conflict, never overwrites.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { rejectCorrection, resolveAdministrativeCorrection, routeCorrectionToNurse } from "@/lib/corrections";
import {
  MAX_REASON_LENGTH,
  MAX_VALUE_LENGTH,
  MIN_REASON_LENGTH,
  ZRejectCorrectionForm,
  ZResolveAdministrativeForm,
  ZRouteToNurseForm,
} from "@/lib/corrections/schemas";

const QUEUE = "/service-center/corrections";

export async function resolveAdministrativeAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("corrections");
  const values = formValues(formData, ["field", "value", "reason"]);
  // The version of the row holding the chosen field, as the page showed it.
  const entityVersion = formData.get(`v:${values.field}`);
  const parsed = ZResolveAdministrativeForm.safeParse({
    ...values,
    entityVersion,
    correctionId: formData.get("correctionId"),
    correctionVersion: formData.get("correctionVersion"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "value") fieldErrors.value = t("detail.correct.valueError", { max: MAX_VALUE_LENGTH });
      if (issue.path[0] === "reason")
        fieldErrors.reason = t("detail.correct.reasonError", { min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH });
    }
    return formFailure(
      previous,
      values,
      Object.keys(fieldErrors).length ? { fieldErrors } : { formError: t("errors.generic") },
    );
  }
  try {
    const outcome = await resolveAdministrativeCorrection({ actor, requestId: randomUUID(), ...parsed.data });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "invalid_input") {
      return formFailure(previous, values, {
        fieldErrors: { value: t("detail.correct.valueError", { max: MAX_VALUE_LENGTH }) },
      });
    }
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "resolve correction")}`) });
  }
  redirect(`${QUEUE}?done=resolved`);
}

export async function routeToNurseAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("corrections");
  const parsed = ZRouteToNurseForm.safeParse({
    correctionId: formData.get("correctionId"),
    correctionVersion: formData.get("correctionVersion"),
  });
  if (!parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  try {
    const outcome = await routeCorrectionToNurse({ actor, requestId: randomUUID(), ...parsed.data });
    if (!outcome.allowed) return formFailure(previous, {}, { formError: t("errors.forbidden") });
    if (!outcome.result.ok)
      return formFailure(
        previous,
        {},
        {
          formError: t(
            outcome.result.problem === "already_with_nurse" ? "errors.alreadyWithNurse" : "errors.noResponsibleNurse",
          ),
        },
      );
  } catch (error) {
    return formFailure(previous, {}, { formError: t(`errors.${actionErrorKind(error, "route correction")}`) });
  }
  redirect(`${QUEUE}?done=routed`);
}

export async function rejectCorrectionAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("corrections");
  const values = formValues(formData, ["reason"]);
  const parsed = ZRejectCorrectionForm.safeParse({
    ...values,
    correctionId: formData.get("correctionId"),
    correctionVersion: formData.get("correctionVersion"),
  });
  if (!parsed.success) {
    const reasonIssue = parsed.error.issues.some((issue) => issue.path[0] === "reason");
    return formFailure(
      previous,
      values,
      reasonIssue
        ? {
            fieldErrors: {
              reason: t("detail.correct.reasonError", { min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH }),
            },
          }
        : { formError: t("errors.generic") },
    );
  }
  try {
    const outcome = await rejectCorrection({ actor, requestId: randomUUID(), ...parsed.data });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
  } catch (error) {
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "reject correction")}`) });
  }
  redirect(`${QUEUE}?done=rejected`);
}
