// The latest readings, each with its history and a correction form: the value(s) and remark
// change with a reason, the previous reading is kept; the type and the moment do not change.
import { getFormatter, getTranslations } from "next-intl/server";
import { PageLinks } from "@/components/nursing-file";
import type { NursingFile } from "@/lib/dossier";
import type { RevisionDto } from "@/lib/nursing";
import { MAX_REASON_LENGTH } from "@/lib/nursing/schemas";
import type { FieldSpec } from "@/components/forms/action-form";
import { correctVitalAction } from "./actions";
import { type Correcting, EditDisclosure, EntryArticle } from "./entry-article";
import { ListCard } from "../../_components/list-card";
import { fieldErrorMessages } from "./form-messages";
import { History } from "./history";
import { formatReading } from "./reading";

type Reading = NonNullable<NursingFile["health"]>["vitalSigns"][number];

export async function VitalsSection({
  patientId,
  readings,
  revisions,
  pages,
  correcting,
}: {
  patientId: string;
  readings: Reading[];
  revisions: Record<string, RevisionDto[]>;
  pages: NonNullable<NursingFile["health"]>["pages"];
  correcting: Correcting;
}) {
  const [t, format] = await Promise.all([getTranslations("nurse"), getFormatter()]);
  return (
    <ListCard
      title={t("vitals.title")}
      empty={t("vitals.empty")}
      entries={readings}
      keyOf={(entry) => entry.id}
      footer={<PageLinks list="vitalSigns" anchor="vitals" health={{ pages }} paging={correcting.paging} />}
      layout="twoColumns"
      render={(reading) => {
        const date = format.dateTime(reading.measuredAt, "dateTime");
        const secondary: FieldSpec[] =
          reading.secondaryValue !== null
            ? [
                {
                  name: "secondaryValue",
                  label: t("vital.secondaryLabel"),
                  hint: t("vital.secondaryHint"),
                  kind: "text",
                  inputMode: "numeric",
                  required: true,
                  defaultValue: String(reading.secondaryValue),
                  maxLength: 10,
                },
              ]
            : [];
        return (
          <EntryArticle
            entryId={reading.id}
            heading={t("vitals.heading", { type: t(`vitalTypes.${reading.type}` as "vitalTypes.PULSE"), date })}
          >
            <p className="mt-1 text-lg font-semibold">{formatReading(format, reading)}</p>
            {reading.note ? <p className="text-ink-muted">{t("vitals.note", { note: reading.note })}</p> : null}
            <History
              revisions={revisions[reading.id]}
              describePrevious={(revision) => (
                <p className="text-ink-muted">
                  {t("history.previousReading", {
                    value: formatReading(format, previousReading(revision.previous, reading.unit)),
                  })}
                </p>
              )}
            />
            <EditDisclosure
              entryId={reading.id}
              correcting={correcting}
              summary={t("correctVital.open")}
              version={reading.version}
              form={{
                action: correctVitalAction,
                schema: "correctVital",
                formLabel: t("correctVital.formLabel", {
                  type: t(`vitalTypes.${reading.type}` as "vitalTypes.PULSE"),
                  date,
                }),
                idPrefix: `correct-vital-${reading.id}`,
                hidden: { patientId, vitalId: reading.id, version: String(reading.version), type: reading.type },
                fields: [
                  {
                    name: "value",
                    label: t("correctVital.valueLabel"),
                    hint: t("vital.valueHint"),
                    kind: "text",
                    inputMode: "decimal",
                    required: true,
                    defaultValue: String(reading.value),
                    maxLength: 10,
                  },
                  ...secondary,
                  {
                    name: "note",
                    label: t("vital.noteLabel"),
                    kind: "text",
                    defaultValue: reading.note ?? "",
                    maxLength: 500,
                  },
                  {
                    name: "reason",
                    label: t("correct.reasonLabel"),
                    hint: t("correct.reasonHint"),
                    kind: "text",
                    required: true,
                    maxLength: MAX_REASON_LENGTH,
                  },
                ],
                errorMessages: fieldErrorMessages("correctVital", t),
                submitLabel: t("correct.submit"),
              }}
            />
          </EntryArticle>
        );
      }}
    />
  );
}

/** The reading a revision kept (lib/nursing correctVitalSign stores numbers and the unit). */
function previousReading(previous: Record<string, unknown>, unit: string) {
  return {
    value: typeof previous.value === "number" ? previous.value : Number.NaN,
    secondaryValue: typeof previous.secondaryValue === "number" ? previous.secondaryValue : null,
    unit: typeof previous.unit === "string" ? previous.unit : unit,
  };
}
