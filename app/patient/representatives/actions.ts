"use server";
// A minor of 12 to 15 gives or withdraws a representative's reading of their file. A public
// endpoint: the guard first (a patient acting as themself: the patient id is never taken from the
// form), the form checked with its zod schema, then lib/representatives decides
// DECIDE_REPRESENTATIVE_AGREEMENT and appends the event with its log entry.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { setRepresentativeAgreement } from "@/lib/representatives";
import { ZRepresentativeAgreementForm } from "@/lib/representatives/schemas";

export async function setAgreementAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("representative.agreement");
  const parsed = ZRepresentativeAgreementForm.safeParse({
    representativeId: formData.get("representativeId"),
    agree: formData.get("agree"),
  });
  if (!parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  try {
    const outcome = await setRepresentativeAgreement({
      actor,
      patientId: actor.personId,
      requestId: randomUUID(),
      ...parsed.data,
    });
    if (!outcome.allowed || !outcome.result.ok) return formFailure(previous, {}, { formError: t("errors.forbidden") });
  } catch (error) {
    return formFailure(previous, {}, { formError: t(`errors.${actionErrorKind(error, "set agreement")}`) });
  }
  redirect(`/patient/representatives?done=${parsed.data.agree ? "given" : "withdrawn"}`);
}
