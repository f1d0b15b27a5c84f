// Break the glass: the same card on the nurse's home (she types the national number) and on a
// refused file (the patient is the one she tried to open).
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { MAX_REASON_LENGTH } from "@/lib/nursing/schemas";
import { emergencyAccessAction } from "../actions";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";

export async function EmergencyAccessCard({ patientId }: { patientId?: string }) {
  const t = await getTranslations("nurse");
  const reason: FieldSpec = {
    name: "reason",
    label: t("emergency.reasonLabel"),
    hint: t("emergency.reasonHint"),
    kind: "textarea",
    required: true,
    maxLength: MAX_REASON_LENGTH,
    rows: 3,
  };
  const patient: FieldSpec = {
    name: "patientId",
    label: t("emergency.patientLabel"),
    hint: t("emergency.patientHint"),
    kind: "text",
    required: true,
    inputMode: "numeric",
    maxLength: 20,
  };
  return (
    <Card title={t("emergency.title")}>
      <p className="mb-4 max-w-prose">{t("emergency.intro")}</p>
      <ActionForm
        action={emergencyAccessAction}
        schema="emergencyAccess"
        formLabel={t("emergency.title")}
        idPrefix="emergency"
        hidden={patientId ? { patientId } : {}}
        fields={patientId ? [reason] : [patient, reason]}
        errorMessages={{ patientId: t("emergency.patientError"), reason: t("emergency.reasonError") }}
        submitLabel={t("emergency.submit")}
      />
    </Card>
  );
}
