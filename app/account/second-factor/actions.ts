"use server";
// The second-factor page's actions, made by formAction (lib/http/action.ts) like every other, with
// the logic in lib/auth/second-factor. Only the signed-in gate applies (not the full page gate): a
// person whose role requires a second factor must reach this page before anything else.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SECOND_FACTOR_PATH } from "@/lib/auth/guards";
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  RECOVERY_CODE_PATTERN,
  TOTP_CODE_PATTERN,
} from "@/lib/auth/second-factor";
import { formAction, type FormMessages } from "@/lib/http/action";

type Translate = Awaited<ReturnType<typeof getTranslations<"security.secondFactor">>>;

function messages(t: Translate): FormMessages {
  return {
    fields: { code: t("errors.codeFormat") },
    forbidden: t("errors.generic"),
    generic: t("errors.generic"),
  };
}

/** A code as people type it: spaces around it forgiven, nothing else. */
const ZTotpCode = z.object({ code: z.string().trim().regex(TOTP_CODE_PATTERN) });
const ZTotpOrRecoveryCode = z.object({
  code: z
    .string()
    .trim()
    .max(20)
    .refine((code) => TOTP_CODE_PATTERN.test(code) || RECOVERY_CODE_PATTERN.test(code)),
});

export const beginEnrolmentAction = formAction({
  gate: "signed-in",
  schema: z.object({}),
  translations: () => getTranslations("security.secondFactor"),
  messages,
  run: async ({ actor }) => {
    await beginEnrolment({ personId: actor.personId });
    redirect(SECOND_FACTOR_PATH);
  },
});

export const confirmEnrolmentAction = formAction({
  gate: "signed-in",
  schema: ZTotpCode,
  translations: () => getTranslations("security.secondFactor"),
  messages,
  run: async ({ actor, input, t }) => {
    const result = await confirmEnrolment({ personId: actor.personId, code: input.code });
    // The recovery codes are shown once, in this answer only.
    if (result.ok) return { reveal: result.recoveryCodes };
    if (result.problem === "wrong_code") return { fieldErrors: { code: t("errors.wrongCode") } };
    return { formError: t(result.problem === "not_pending" ? "errors.notPending" : "errors.generic") };
  },
});

export const disableSecondFactorAction = formAction({
  gate: "signed-in",
  schema: ZTotpOrRecoveryCode,
  translations: () => getTranslations("security.secondFactor"),
  messages,
  run: async ({ actor, input, t }) => {
    const result = await disableSecondFactor({ personId: actor.personId, code: input.code });
    if (!result.ok) {
      if (result.problem === "rate_limited") return { formError: t("errors.rateLimited") };
      if (result.problem === "wrong_code") return { fieldErrors: { code: t("errors.wrongCode") } };
      return { formError: t("errors.generic") };
    }
    redirect(`${SECOND_FACTOR_PATH}?done=disabled`);
  },
});
