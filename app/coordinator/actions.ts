"use server";
// Registering a patient by national number, made by formAction (lib/http/action.ts) like every
// action: the gate, the form read with its zod schema, then lib/coordinator decides
// REGISTER_PATIENT through the access core and writes the patient with its log entry.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { registerPatient } from "@/lib/coordinator";
import { ZRegisterPatientForm } from "@/lib/coordinator/schemas";
import { formAction } from "@/lib/http/action";

export const registerPatientAction = formAction({
  gate: { roles: ["COORDINATOR"] },
  schema: ZRegisterPatientForm,
  translations: () => getTranslations("coordinator"),
  messages: (t) => ({
    fields: { insz: t("errors.insz"), firstName: t("errors.name"), lastName: t("errors.name") },
    forbidden: t("errors.forbidden"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await registerPatient({ actor, requestId, ...input });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    const result = outcome.result;
    if (!result.ok && result.problem === "name_mismatch")
      return { fieldErrors: { lastName: t("errors.nameMismatch") } };
    redirect(
      `/coordinator/patients/${encodeURIComponent(result.patientId)}?done=${result.ok ? "registered" : "alreadyRegistered"}`,
    );
  },
});
