"use server";
// Break the glass from the nurse's home page or a refused file. A public endpoint: formAction
// (lib/http/action.ts) re-checks the actor and reads the form; lib/access decides and logs.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "@/lib/http/action";
import { openEmergencyAccess } from "@/lib/nursing";
import { ZEmergencyAccessForm } from "@/lib/nursing/schemas";

export const emergencyAccessAction = formAction({
  gate: { roles: ["NURSE"] },
  schema: ZEmergencyAccessForm,
  translations: () => getTranslations("nurse"),
  messages: (t) => ({
    fields: { patientId: t("emergency.patientError"), reason: t("emergency.reasonError") },
    conflict: t("errors.conflict"),
    // Never says whether the number belongs to a patient.
    forbidden: t("emergency.refused"),
    notFound: t("emergency.refused"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input, requestId }) => {
    const { patientId } = await openEmergencyAccess({
      actor,
      patient: input.patientId,
      reason: input.reason,
      requestId,
    });
    redirect(`/nurse/patients/${encodeURIComponent(patientId)}`);
  },
});
