"use server";
// A minor of 12 to 15 gives or withdraws a representative's reading of their file. Made by
// formAction (lib/http/action.ts): the gate (a patient acting as themself: the patient id is never
// taken from the form), the form read with its zod schema, then lib/representatives decides
// DECIDE_REPRESENTATIVE_AGREEMENT and appends the event with its log entry.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "@/lib/http/action";
import { setRepresentativeAgreement } from "@/lib/representatives";
import { ZRepresentativeAgreementForm } from "@/lib/representatives/schemas";

export const setAgreementAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZRepresentativeAgreementForm,
  translations: () => getTranslations("representative.agreement"),
  messages: (t) => ({ forbidden: t("errors.forbidden"), generic: t("errors.generic") }),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await setRepresentativeAgreement({ actor, patientId: actor.personId, requestId, ...input });
    if (!outcome.allowed || !outcome.result.ok) return { formError: t("errors.forbidden") };
    redirect(`/patient/representatives?done=${input.agree ? "given" : "withdrawn"}`);
  },
});
