"use server";
// Looking a patient up by national number. A public endpoint made by formAction
// (lib/http/action.ts), which re-checks the actor and reads the form with its own zod schema;
// lib/dossier decides (and logs, with the care question) through the access core. Allowed: on to
// the file. Refused: only what refusalKind allows the caregiver to be told.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { lookupPatientByInsz } from "@/lib/dossier";
import { MAX_CARE_QUESTION_LENGTH, MIN_CARE_QUESTION_LENGTH, ZPatientLookupForm } from "@/lib/dossier/schemas";
import { organisation } from "@/lib/env";
import { formAction } from "@/lib/http/action";

export const lookupPatientAction = formAction({
  gate: { roles: ["DOCTOR", "CAREGIVER"] },
  schema: ZPatientLookupForm,
  translations: () => getTranslations("caregiver.lookup"),
  messages: (t) => {
    const failed = { title: t("failed.title"), text: t("failed.body") };
    return {
      fields: {
        insz: t("inszInvalid"),
        careQuestion: (issue) =>
          issue.code === "too_big"
            ? t("careQuestionTooLong", { max: MAX_CARE_QUESTION_LENGTH })
            : t("careQuestionTooShort", { min: MIN_CARE_QUESTION_LENGTH }),
      },
      forbidden: failed,
      generic: failed,
    };
  },
  run: async ({ actor, input, requestId }) => {
    const result = await lookupPatientByInsz({
      actor,
      insz: input.insz,
      careQuestion: input.careQuestion,
      requestId,
    });
    if (result.allowed) redirect(`/caregiver/patients/${encodeURIComponent(result.patientId)}`);
    if (result.refusal === "suspended") redirect("/suspended");
    if (result.refusal === "declaration_required") redirect("/declaration");
    const tRefusal = await getTranslations("file.refusal");
    return {
      formError: {
        title: tRefusal(`${result.refusal}.title`),
        text: tRefusal(`${result.refusal}.body`, { phone: organisation.serviceCenterPhone }),
      },
    };
  },
});
