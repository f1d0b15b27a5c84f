// What the nurse records on a visit first: a reading, a note, the next visit. Each form is
// described as data and drawn by the same card; ids are new per render, so a double submit of
// one form sends the same id (one row) and, after a success, the page comes back with empty forms.
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { MAX_NOTE_LENGTH, nursingNoteKinds, vitalTypes } from "@/lib/nursing/schemas";
import { ActionForm, type ActionFormProps, type FieldSpec } from "@/components/forms/action-form";
import { addNoteAction, planVisitAction, recordVitalAction } from "./actions";
import { fieldErrorMessages, type NurseTranslate } from "./form-messages";

type NewEntryForm = Pick<ActionFormProps, "action" | "idPrefix"> & {
  schema: "recordVital" | "addNote" | "planVisit";
  section: "vital" | "note" | "visit";
  fields: FieldSpec[];
};

function newEntryForms(t: NurseTranslate): NewEntryForm[] {
  return [
    {
      section: "vital",
      action: recordVitalAction,
      schema: "recordVital",
      idPrefix: "vital",
      fields: [
        {
          name: "type",
          label: t("vital.typeLabel"),
          kind: "select",
          required: true,
          defaultValue: "BLOOD_PRESSURE",
          options: vitalTypes.map((type) => ({ value: type, label: t(`vitalTypes.${type}`) })),
        },
        {
          name: "value",
          label: t("vital.valueLabel"),
          hint: t("vital.valueHint"),
          kind: "text",
          inputMode: "decimal",
          required: true,
          maxLength: 10,
        },
        {
          name: "secondaryValue",
          label: t("vital.secondaryLabel"),
          hint: t("vital.secondaryHint"),
          kind: "text",
          inputMode: "numeric",
          maxLength: 10,
        },
        { name: "note", label: t("vital.noteLabel"), kind: "text", maxLength: 500 },
      ],
    },
    {
      section: "note",
      action: addNoteAction,
      schema: "addNote",
      idPrefix: "note",
      fields: [
        {
          name: "kind",
          label: t("note.kindLabel"),
          kind: "select",
          required: true,
          defaultValue: "OBSERVATION",
          options: nursingNoteKinds.map((kind) => ({ value: kind, label: t(`noteKinds.${kind}`) })),
        },
        {
          name: "text",
          label: t("note.textLabel"),
          kind: "textarea",
          required: true,
          maxLength: MAX_NOTE_LENGTH,
          rows: 5,
        },
      ],
    },
    {
      section: "visit",
      action: planVisitAction,
      schema: "planVisit",
      idPrefix: "visit",
      fields: [
        {
          name: "startsAt",
          label: t("visit.startsAtLabel"),
          hint: t("visit.startsAtHint"),
          kind: "datetime",
          required: true,
        },
        {
          name: "durationMinutes",
          label: t("visit.durationLabel"),
          kind: "number",
          required: true,
          defaultValue: "30",
          min: "5",
          max: "480",
          step: "5",
          inputMode: "numeric",
        },
        { name: "purpose", label: t("visit.purposeLabel"), kind: "text", required: true, maxLength: 500 },
      ],
    },
  ];
}

export async function NewEntryForms({ patientId }: { patientId: string }) {
  const t = await getTranslations("nurse");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {newEntryForms(t).map((form) => {
        const id = randomUUID();
        return (
          <Card key={form.section} title={t(`${form.section}.title`)}>
            <ActionForm
              key={id}
              action={form.action}
              schema={form.schema}
              formLabel={t(`${form.section}.title`)}
              idPrefix={form.idPrefix}
              hidden={{ patientId, id }}
              fields={form.fields}
              errorMessages={fieldErrorMessages(form.schema, t)}
              submitLabel={t(`${form.section}.submit`)}
            />
          </Card>
        );
      })}
    </div>
  );
}
