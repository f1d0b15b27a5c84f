"use server";
// Trusted-person actions. Each is a public endpoint made by formAction (lib/http/action.ts): the
// actor re-checked (a patient, acting as herself), the form read with its zod schema; then
// lib/patient-settings decides MANAGE_PATIENT_SETTINGS again and writes with its log entry. The
// patient is always the signed-in person: no patient id is taken from the form.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction, type FormMessages } from "@/lib/http/action";
import { appointTrustedPerson, revokeTrustedPerson } from "@/lib/patient-settings";
import { ZAppointTrustedPersonForm, ZRevokeTrustedPersonForm } from "@/lib/patient-settings/schemas";

const PATH = "/patient/trusted-persons";

type Translate = Awaited<ReturnType<typeof getTranslations<"trustedPersons">>>;

function messages(t: Translate): FormMessages {
  return {
    fields: { insz: t("errors.insz"), lastName: t("errors.lastName") },
    forbidden: t("errors.forbidden"),
    conflict: t("errors.conflict"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  };
}

export const appointTrustedPersonAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZAppointTrustedPersonForm,
  translations: () => getTranslations("trustedPersons"),
  messages,
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await appointTrustedPerson({ actor, patientId: actor.personId, requestId, ...input });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    // One neutral answer whether the number is unknown or the name does not match.
    if (!outcome.result.ok) {
      return { formError: t(outcome.result.problem === "self" ? "errors.self" : "errors.noMatch") };
    }
    redirect(`${PATH}?done=${outcome.result.changed ? "appointed" : "alreadyAppointed"}`);
  },
});

export const revokeTrustedPersonAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZRevokeTrustedPersonForm,
  translations: () => getTranslations("trustedPersons"),
  messages,
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await revokeTrustedPerson({
      actor,
      patientId: actor.personId,
      requestId,
      appointmentId: input.appointmentId,
    });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    redirect(`${PATH}?done=${outcome.result.ok && outcome.result.changed ? "revoked" : "alreadyRevoked"}`);
  },
});
