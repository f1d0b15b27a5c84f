"use server";
// The review page's two actions. Each is a public endpoint: it opens with the page's guard (who
// is calling, in which role), validates the form with zod, and lets lib/access check the role
// once more and change exactly one active item. A PortalError becomes a message on the page; any
// other failure is logged and shown as a generic message, never as the raw error.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { liftSuspension, MIN_LIFT_REASON_LENGTH, reviewEmergencyAccess } from "@/lib/access";
import { requirePageActor } from "@/lib/auth/guards";
import { isPortalError } from "@/lib/errors";
import type { ReviewFormState } from "@/components/review/form-state";
import {
  MAX_LIFT_REASON_LENGTH,
  MAX_REVIEW_NOTE_LENGTH,
  ZLiftSuspensionForm,
  ZReviewEmergencyAccessForm,
} from "./schemas";

const REVIEW_PATH = "/service-center/review";

type Translate = Awaited<ReturnType<typeof getTranslations<"review">>>;

function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  // Kept for the form only; capped so a forged post is not echoed back in full.
  return typeof value === "string" ? value.slice(0, 10_000) : "";
}

function fieldIssue(error: z.ZodError, field: string): z.core.$ZodIssue | undefined {
  return error.issues.find((issue) => issue.path[0] === field);
}

function failure(
  previous: ReviewFormState,
  text: string,
  messages: { fieldError?: string; formError?: string },
): ReviewFormState {
  return { status: "error", text, attempt: (previous.status === "error" ? previous.attempt : 0) + 1, ...messages };
}

/** The item is gone (someone else handled it), the caller may not, or something broke. */
function errorMessage(
  error: unknown,
  t: Translate,
  gone: "suspensionGone" | "emergencyAccessGone",
): { fieldError?: string; formError: string } {
  if (isPortalError(error)) {
    if (error.code === "not_found") return { formError: t(`errors.${gone}`) };
    if (error.code === "forbidden" || error.code === "suspended" || error.code === "declaration_required")
      return { formError: t("errors.forbidden") };
  } else {
    console.error("review action failed", error);
  }
  return { formError: t("errors.generic") };
}

export async function liftSuspensionAction(previous: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("review");
  const text = formText(formData, "reason");
  const parsed = ZLiftSuspensionForm.safeParse({
    suspensionId: formData.get("suspensionId"),
    reason: formData.get("reason") ?? "",
  });
  if (!parsed.success) {
    const reasonIssue = fieldIssue(parsed.error, "reason");
    if (!reasonIssue) return failure(previous, text, { formError: t("errors.generic") });
    const fieldError =
      reasonIssue.code === "too_big"
        ? t("suspensions.reasonTooLong", { max: MAX_LIFT_REASON_LENGTH })
        : t("suspensions.reasonTooShort", { min: MIN_LIFT_REASON_LENGTH });
    return failure(previous, text, { fieldError });
  }
  try {
    await liftSuspension({ actor, suspensionId: parsed.data.suspensionId, reason: parsed.data.reason });
  } catch (error) {
    // lib/access checks the reason itself too; its verdict belongs next to the field as well.
    if (isPortalError(error) && error.code === "invalid_input") {
      return failure(previous, text, { fieldError: t("suspensions.reasonTooShort", { min: MIN_LIFT_REASON_LENGTH }) });
    }
    return failure(previous, text, errorMessage(error, t, "suspensionGone"));
  }
  // Post/redirect/get: a reload does not post again, and the lifted item has left the list.
  redirect(`${REVIEW_PATH}?done=lifted`);
}

export async function reviewEmergencyAccessAction(
  previous: ReviewFormState,
  formData: FormData,
): Promise<ReviewFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("review");
  const text = formText(formData, "note");
  const parsed = ZReviewEmergencyAccessForm.safeParse({
    emergencyAccessId: formData.get("emergencyAccessId"),
    note: formData.get("note") ?? undefined,
  });
  if (!parsed.success) {
    if (!fieldIssue(parsed.error, "note")) return failure(previous, text, { formError: t("errors.generic") });
    return failure(previous, text, { fieldError: t("emergency.noteTooLong", { max: MAX_REVIEW_NOTE_LENGTH }) });
  }
  try {
    await reviewEmergencyAccess({ actor, emergencyAccessId: parsed.data.emergencyAccessId, note: parsed.data.note });
  } catch (error) {
    return failure(previous, text, errorMessage(error, t, "emergencyAccessGone"));
  }
  redirect(`${REVIEW_PATH}?done=reviewed`);
}
