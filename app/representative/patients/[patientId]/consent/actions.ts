"use server";
// A representative gives or withdraws informed consent for a child under 12. A public endpoint:
// the guard first, the form checked with the shared zod schema, then lib/patient-settings decides
// MANAGE_PATIENT_SETTINGS for this patient (only a representative of a child under 12 passes) and
// appends the ConsentEvent with its log entry (source PATIENT_PORTAL, recorded by the representative).
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { setConsent } from "@/lib/patient-settings";
import { ZConsentForm } from "@/lib/patient-settings/schemas";

const ZPatientId = z.string().min(1).max(100);

export async function setChildConsentAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["LEGAL_REPRESENTATIVE"]);
  const t = await getTranslations("consent");
  const patientId = ZPatientId.safeParse(formData.get("patientId"));
  const parsed = ZConsentForm.safeParse({ give: formData.get("give") });
  if (!patientId.success || !parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  try {
    const outcome = await setConsent({
      actor,
      patientId: patientId.data,
      requestId: randomUUID(),
      give: parsed.data.give,
    });
    if (!outcome.allowed) return formFailure(previous, {}, { formError: t("errors.forbidden") });
  } catch (error) {
    return formFailure(previous, {}, { formError: t(`errors.${actionErrorKind(error, "set a child's consent")}`) });
  }
  redirect(
    `/representative/patients/${encodeURIComponent(patientId.data)}/consent?done=${parsed.data.give ? "given" : "withdrawn"}`,
  );
}
