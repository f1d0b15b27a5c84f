"use server";
// The second-factor page's actions: the guard first, then lib/auth/second-factor. Only the
// signed-in gate applies (not the full page gate): a person whose role requires a second factor
// must reach this page before anything else.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requireSignedInActor, SECOND_FACTOR_PATH } from "@/lib/auth/guards";
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  RECOVERY_CODE_PATTERN,
  TOTP_CODE_PATTERN,
} from "@/lib/auth/second-factor";
import type { EnrolmentState } from "./enrolment-state";

export async function beginEnrolmentAction(): Promise<void> {
  const actor = await requireSignedInActor();
  await beginEnrolment({ personId: actor.personId });
  redirect(SECOND_FACTOR_PATH);
}

export async function confirmEnrolmentAction(previous: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const actor = await requireSignedInActor();
  const t = await getTranslations("security.secondFactor");
  const code = String(formData.get("code") ?? "")
    .trim()
    .slice(0, 20);
  const attempt = (previous.status === "error" ? previous.attempt : 0) + 1;
  if (!TOTP_CODE_PATTERN.test(code)) return { status: "error", fieldError: t("errors.codeFormat"), attempt };
  const result = await confirmEnrolment({ personId: actor.personId, code });
  if (result.ok) return { status: "enabled", recoveryCodes: result.recoveryCodes };
  return {
    status: "error",
    fieldError: result.problem === "wrong_code" ? t("errors.wrongCode") : undefined,
    formError: result.problem === "not_pending" ? t("errors.notPending") : undefined,
    attempt,
  };
}

export async function disableSecondFactorAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requireSignedInActor();
  const t = await getTranslations("security.secondFactor");
  const values = formValues(formData, ["code"]);
  const code = values.code!.trim().slice(0, 20);
  if (!TOTP_CODE_PATTERN.test(code) && !RECOVERY_CODE_PATTERN.test(code)) {
    return formFailure(previous, values, { fieldErrors: { code: t("errors.codeFormat") } });
  }
  const result = await disableSecondFactor({ personId: actor.personId, code });
  if (!result.ok) {
    if (result.problem === "rate_limited") return formFailure(previous, values, { formError: t("errors.rateLimited") });
    if (result.problem === "wrong_code")
      return formFailure(previous, values, { fieldErrors: { code: t("errors.wrongCode") } });
    return formFailure(previous, values, { formError: t("errors.generic") });
  }
  redirect(`${SECOND_FACTOR_PATH}?done=disabled`);
}
