"use server";
// Giving or withdrawing informed consent: the guard first, the form checked with the shared zod
// schema, then lib/patient-settings appends a ConsentEvent with its log entry. Asking for the
// state consent already has (a double click) appends nothing.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { setConsent } from "@/lib/patient-settings";
import { ZConsentForm } from "@/lib/patient-settings/schemas";

export async function setConsentAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("consent");
  const parsed = ZConsentForm.safeParse({ give: formData.get("give") });
  if (!parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  try {
    const outcome = await setConsent({
      actor,
      patientId: actor.personId,
      requestId: randomUUID(),
      give: parsed.data.give,
    });
    if (!outcome.allowed) return formFailure(previous, {}, { formError: t("errors.forbidden") });
  } catch (error) {
    return formFailure(previous, {}, { formError: t(`errors.${actionErrorKind(error, "set consent")}`) });
  }
  redirect(`/patient/consent?done=${parsed.data.give ? "given" : "withdrawn"}`);
}
