"use server";
// Trusted-person actions. Each is a public endpoint: the page's guard first (a patient, acting
// as herself), the form checked with the shared zod schema, then lib/patient-settings decides
// MANAGE_PATIENT_SETTINGS again and writes with its log entry. The patient is always the signed-in
// person: no patient id is taken from the form.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind, personFieldErrors } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { appointTrustedPerson, revokeTrustedPerson } from "@/lib/patient-settings";
import { ZAppointTrustedPersonForm, ZRevokeTrustedPersonForm } from "@/lib/patient-settings/schemas";

const PATH = "/patient/trusted-persons";

export async function appointTrustedPersonAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("trustedPersons");
  const values = formValues(formData, ["insz", "lastName"]);
  const parsed = ZAppointTrustedPersonForm.safeParse(values);
  if (!parsed.success) return formFailure(previous, values, { fieldErrors: personFieldErrors(parsed.error.issues, t) });
  let done: string;
  try {
    const outcome = await appointTrustedPerson({
      actor,
      patientId: actor.personId,
      requestId: randomUUID(),
      ...parsed.data,
    });
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    // One neutral answer whether the number is unknown or the name does not match.
    if (!outcome.result.ok)
      return formFailure(previous, values, {
        formError: t(outcome.result.problem === "self" ? "errors.self" : "errors.noMatch"),
      });
    done = outcome.result.changed ? "appointed" : "alreadyAppointed";
  } catch (error) {
    return formFailure(previous, values, {
      formError: t(`errors.${actionErrorKind(error, "appoint trusted person")}`),
    });
  }
  redirect(`${PATH}?done=${done}`);
}

export async function revokeTrustedPersonAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("trustedPersons");
  const parsed = ZRevokeTrustedPersonForm.safeParse({ appointmentId: formData.get("appointmentId") });
  if (!parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  let done: string;
  try {
    const outcome = await revokeTrustedPerson({
      actor,
      patientId: actor.personId,
      requestId: randomUUID(),
      appointmentId: parsed.data.appointmentId,
    });
    if (!outcome.allowed) return formFailure(previous, {}, { formError: t("errors.forbidden") });
    done = outcome.result.ok && outcome.result.changed ? "revoked" : "alreadyRevoked";
  } catch (error) {
    return formFailure(previous, {}, { formError: t(`errors.${actionErrorKind(error, "revoke trusted person")}`) });
  }
  redirect(`${PATH}?done=${done}`);
}
