"use server";
// A representative gives or withdraws informed consent for a child under 12. Made by formAction
// (lib/http/action.ts): the gate, the form read with its zod schema, then lib/patient-settings
// decides MANAGE_PATIENT_SETTINGS for this patient (only a representative of a child under 12
// passes) and appends the ConsentEvent with its log entry (source PATIENT_PORTAL, recorded by the
// representative).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { setConsent } from "@/lib/patient-settings";
import { ZConsentForm } from "@/lib/patient-settings/schemas";

const ZChildConsentForm = ZConsentForm.extend({ patientId: z.string().min(1).max(100) });

export const setChildConsentAction = formAction({
  gate: { roles: ["LEGAL_REPRESENTATIVE"] },
  schema: ZChildConsentForm,
  translations: () => getTranslations("consent"),
  messages: (t) => ({ forbidden: t("errors.forbidden"), generic: t("errors.generic") }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await setConsent({ actor, patientId: input.patientId, requestId, give: input.give });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    redirect(
      `/representative/patients/${encodeURIComponent(input.patientId)}/consent?done=${input.give ? "given" : "withdrawn"}`,
    );
  },
});
