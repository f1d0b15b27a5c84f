"use server";
// Asking a correction and commenting on an assessment. Each is a public endpoint made by
// formAction (lib/http/action.ts), which re-checks the actor and reads the form; lib/corrections
// decides (REQUEST_CORRECTION, EXERCISE_PATIENT_RIGHTS) and writes with its log entry. The form's
// idempotency key becomes the row's id, so a double submit creates one request or one comment.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { addPatientComment, requestCorrection } from "@/lib/corrections";
import {
  MAX_DESCRIPTION_LENGTH,
  MIN_DESCRIPTION_LENGTH,
  ZPatientCommentForm,
  ZRequestCorrectionForm,
} from "@/lib/corrections/schemas";
import { formAction, type FormMessages } from "@/lib/http/action";

const PATH = "/patient/corrections";

type Translate = Awaited<ReturnType<typeof getTranslations<"corrections">>>;

function messages(t: Translate, fields: FormMessages["fields"]): FormMessages {
  return {
    fields,
    forbidden: t("errors.forbidden"),
    conflict: t("errors.conflict"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  };
}

/** "NursingNote:<id>" from the form, as the entry lib/corrections expects. */
function entryOf(entry: string | undefined): { type: string; id: string } | undefined {
  const [type, id] = entry ? entry.split(":") : [];
  return type && id ? { type, id } : undefined;
}

export const requestCorrectionAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZRequestCorrectionForm,
  translations: () => getTranslations("corrections"),
  messages: (t) =>
    messages(t, {
      description: t("request.descriptionError", { min: MIN_DESCRIPTION_LENGTH, max: MAX_DESCRIPTION_LENGTH }),
      section: t("request.sectionError"),
      entry: t("request.entryError"),
    }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await requestCorrection({
      actor,
      patientId: actor.personId,
      section: input.section,
      entry: entryOf(input.entry),
      description: input.description,
      idempotencyKey: input.idempotencyKey,
      requestId,
    });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    if (!outcome.result.ok) {
      return {
        fieldErrors: {
          entry: t(outcome.result.problem === "assessment" ? "request.assessmentError" : "request.entryError"),
        },
      };
    }
    redirect(`${PATH}?done=requested`);
  },
});

export const addCommentAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZPatientCommentForm,
  translations: () => getTranslations("corrections"),
  messages: (t) => messages(t, { text: t("comments.textError") }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await addPatientComment({ actor, patientId: actor.personId, requestId, ...input });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    if (!outcome.result.ok) return { formError: t("comments.notAssessment") };
    redirect(`${PATH}?done=commented`);
  },
});
