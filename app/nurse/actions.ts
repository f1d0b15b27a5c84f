"use server";
// Break the glass from the nurse's home page or a refused file. A public endpoint: it re-checks
// the actor, validates with the form's schema, and lib/access decides and logs.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/guards";
import { openEmergencyAccess } from "@/lib/nursing";
import { ZEmergencyAccessForm } from "@/lib/nursing/schemas";
import type { ActionFormState } from "./_forms/form-state";
import { runFormAction } from "./_forms/run-action";

export async function emergencyAccessAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["NURSE"]);
  const t = await getTranslations("nurse");
  let patientId = "";
  const failed = await runFormAction(
    previous,
    formData,
    ZEmergencyAccessForm,
    {
      fields: { patientId: t("emergency.patientError"), reason: t("emergency.reasonError") },
      conflict: t("errors.conflict"),
      // Never says whether the number belongs to a patient.
      forbidden: t("emergency.refused"),
      notFound: t("emergency.refused"),
      generic: t("errors.generic"),
    },
    async (data) => {
      patientId = (await openEmergencyAccess({ actor, patient: data.patientId, reason: data.reason })).patientId;
    },
  );
  if (failed) return failed;
  redirect(`/nurse/patients/${encodeURIComponent(patientId)}`);
}
