"use server";
// The review page's two actions. Each is a public endpoint made by formAction
// (lib/http/action.ts): the actor re-checked, the form read with its zod schema; lib/access checks
// the role once more and changes exactly one active item. A PortalError becomes a message on the
// page; any other failure is logged and shown as a generic message, never as the raw error.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { liftSuspension, MIN_LIFT_REASON_LENGTH, reviewEmergencyAccess } from "@/lib/access";
import { formAction } from "@/lib/http/action";
import {
  MAX_LIFT_REASON_LENGTH,
  MAX_REVIEW_NOTE_LENGTH,
  ZLiftSuspensionForm,
  ZReviewEmergencyAccessForm,
} from "./schemas";

const REVIEW_PATH = "/service-center/review";

export const liftSuspensionAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZLiftSuspensionForm,
  translations: () => getTranslations("review"),
  messages: (t) => {
    const tooShort = t("suspensions.reasonTooShort", { min: MIN_LIFT_REASON_LENGTH });
    return {
      fields: {
        reason: (issue) =>
          issue.code === "too_big" ? t("suspensions.reasonTooLong", { max: MAX_LIFT_REASON_LENGTH }) : tooShort,
      },
      // lib/access checks the reason itself too; its verdict belongs next to the field as well.
      invalidInput: { fieldErrors: { reason: tooShort } },
      // The item is gone: someone else handled it.
      notFound: t("errors.suspensionGone"),
      forbidden: t("errors.forbidden"),
      generic: t("errors.generic"),
    };
  },
  run: async ({ actor, input }) => {
    await liftSuspension({ actor, suspensionId: input.suspensionId, reason: input.reason });
    // Post/redirect/get: a reload does not post again, and the lifted item has left the list.
    redirect(`${REVIEW_PATH}?done=lifted`);
  },
});

export const reviewEmergencyAccessAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZReviewEmergencyAccessForm,
  translations: () => getTranslations("review"),
  messages: (t) => ({
    fields: { note: t("emergency.noteTooLong", { max: MAX_REVIEW_NOTE_LENGTH }) },
    notFound: t("errors.emergencyAccessGone"),
    forbidden: t("errors.forbidden"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input }) => {
    await reviewEmergencyAccess({ actor, emergencyAccessId: input.emergencyAccessId, note: input.note });
    redirect(`${REVIEW_PATH}?done=reviewed`);
  },
});
