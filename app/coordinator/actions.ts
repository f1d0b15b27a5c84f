"use server";
// Registering a patient by national number. A public endpoint like every server action: the
// page's guard first, the form checked with its zod schema, then lib/coordinator decides
// REGISTER_PATIENT through the access core and writes the patient with its log entry.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { registerPatient } from "@/lib/coordinator";
import { ZRegisterPatientForm } from "@/lib/coordinator/schemas";

export async function registerPatientAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["COORDINATOR"]);
  const t = await getTranslations("coordinator");
  const values = formValues(formData, ["insz", "firstName", "lastName"]);
  const parsed = ZRegisterPatientForm.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      fieldErrors[field] = field === "insz" ? t("errors.insz") : t("errors.name");
    }
    return formFailure(previous, values, { fieldErrors });
  }
  let target: string;
  try {
    const outcome = await registerPatient({ actor, requestId: randomUUID(), ...parsed.data });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    const result = outcome.result;
    if (!result.ok && result.problem === "name_mismatch")
      return formFailure(previous, values, { fieldErrors: { lastName: t("errors.nameMismatch") } });
    const patientId = result.ok ? result.patientId : result.patientId;
    target = `/coordinator/patients/${encodeURIComponent(patientId)}?done=${result.ok ? "registered" : "alreadyRegistered"}`;
  } catch (error) {
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "register patient")}`) });
  }
  redirect(target);
}
