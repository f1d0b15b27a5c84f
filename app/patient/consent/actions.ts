"use server";
// Giving or withdrawing informed consent: formAction (lib/http/action.ts) re-checks the actor and
// reads the form, then lib/patient-settings appends a ConsentEvent with its log entry. Asking for
// the state consent already has (a double click) appends nothing.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "@/lib/http/action";
import { setConsent } from "@/lib/patient-settings";
import { ZConsentForm } from "@/lib/patient-settings/schemas";

export const setConsentAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZConsentForm,
  translations: () => getTranslations("consent"),
  messages: (t) => ({
    forbidden: t("errors.forbidden"),
    conflict: t("errors.conflict"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await setConsent({ actor, patientId: actor.personId, requestId, give: input.give });
    if (!outcome.allowed) return { formError: t("errors.forbidden") };
    redirect(`/patient/consent?done=${input.give ? "given" : "withdrawn"}`);
  },
});
