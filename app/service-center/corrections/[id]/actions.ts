"use server";
// The service center's three answers to a correction request. Each is a public endpoint made by
// formAction (lib/http/action.ts), which re-checks the actor and reads the form; lib/corrections
// takes the patient from the stored request, decides again and writes with its log entry. A stale
// form (someone else handled the request, or the data changed since it was opened) answers a
// conflict, never overwrites.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { rejectCorrection, resolveAdministrativeCorrection, routeCorrectionToNurse } from "@/lib/corrections";
import {
  MAX_REASON_LENGTH,
  MAX_VALUE_LENGTH,
  MIN_REASON_LENGTH,
  postedFieldVersion,
  ZRejectCorrectionForm,
  ZResolveAdministrativePost,
  ZRouteToNurseForm,
} from "@/lib/corrections/schemas";
import { formAction, type FormMessages } from "@/lib/http/action";

const QUEUE = "/service-center/corrections";

type Translate = Awaited<ReturnType<typeof getTranslations<"corrections">>>;

function messages(t: Translate, fields: FormMessages["fields"] = {}): FormMessages {
  return {
    fields,
    forbidden: t("errors.forbidden"),
    conflict: t("errors.conflict"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  };
}

export const resolveAdministrativeAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZResolveAdministrativePost,
  translations: () => getTranslations("corrections"),
  messages: (t) => {
    const valueError = t("detail.correct.valueError", { max: MAX_VALUE_LENGTH });
    return {
      ...messages(t, {
        value: valueError,
        reason: t("detail.correct.reasonError", { min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH }),
      }),
      // lib/corrections refuses an empty value for a required field.
      invalidInput: { fieldErrors: { value: valueError } },
    };
  },
  run: async ({ actor, input: { versions, ...input }, requestId, t }) => {
    // The version of the row holding the chosen field, as the page showed it.
    const entityVersion = postedFieldVersion(versions, input.field);
    if (entityVersion === undefined) return { formError: t("errors.generic") };
    const outcome = await resolveAdministrativeCorrection({ actor, requestId, ...input, entityVersion });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    redirect(`${QUEUE}?done=resolved`);
  },
});

export const routeToNurseAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZRouteToNurseForm,
  translations: () => getTranslations("corrections"),
  messages: (t) => messages(t),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await routeCorrectionToNurse({ actor, requestId, ...input });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    if (!outcome.result.ok) {
      return {
        formError: t(
          outcome.result.problem === "already_with_nurse" ? "errors.alreadyWithNurse" : "errors.noResponsibleNurse",
        ),
      };
    }
    redirect(`${QUEUE}?done=routed`);
  },
});

export const rejectCorrectionAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZRejectCorrectionForm,
  translations: () => getTranslations("corrections"),
  messages: (t) =>
    messages(t, { reason: t("detail.correct.reasonError", { min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH }) }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await rejectCorrection({ actor, requestId, ...input });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    redirect(`${QUEUE}?done=rejected`);
  },
});
