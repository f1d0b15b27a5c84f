"use client";
// One form of the nurse's and the service center's pages: fields described as data, checked in
// the browser with the same zod schema the server action uses (form-schemas.ts), sent to the
// action, errors next to each field, what was typed kept, and the first wrong field focused.
// A success redirects (post/redirect/get), so a reload never posts again.
import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import { Alert, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui";
import { formSchemas, type FormSchemaName } from "./form-schemas";
import { formValues, idleActionFormState, nestValues, type ActionFormState } from "./form-state";

export type FieldSpec = {
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "number" | "select" | "datetime" | "date" | "checkbox" | "email" | "tel";
  required?: boolean;
  defaultValue?: string;
  options?: Array<{ value: string; label: string }>;
  step?: string;
  min?: string;
  max?: string;
  maxLength?: number;
  rows?: number;
  inputMode?: "decimal" | "numeric" | "text" | "tel" | "email";
};

export type ActionFormProps = {
  action: (previous: ActionFormState, formData: FormData) => Promise<ActionFormState>;
  schema: FormSchemaName;
  formLabel: string;
  hidden: Record<string, string>;
  fields: FieldSpec[];
  /** One message per field name, used when the browser-side check finds that field wrong. */
  errorMessages: Record<string, string>;
  submitLabel: string;
  /** A stable id prefix, so labels stay unique with several forms on one page. */
  idPrefix: string;
};

export function ActionForm({
  action,
  schema,
  formLabel,
  hidden,
  fields,
  errorMessages,
  submitLabel,
  idPrefix,
}: ActionFormProps) {
  const [state, formAction] = useActionState(action, idleActionFormState);
  const [local, setLocal] = useState<{ fieldErrors: Record<string, string>; attempt: number } | null>(null);
  const tForm = useTranslations("form");
  const serverError = state.status === "error" ? state : null;
  const fieldErrors = local?.fieldErrors ?? serverError?.fieldErrors ?? {};
  const values = serverError?.values ?? {};
  // Rebuilt only for a server answer, which brings the posted values back; a browser-side
  // refusal leaves the fields (and what was typed in them) as they are.
  const key = String(serverError?.attempt ?? 0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = formSchemas[schema].safeParse(nestValues(formValues(new FormData(event.currentTarget))));
    if (parsed.success) {
      setLocal(null);
      return;
    }
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.join(".");
      if (!errors[name] && errorMessages[name]) errors[name] = errorMessages[name];
    }
    // A problem with no field of its own (a hidden id) is for the server to answer.
    if (Object.keys(errors).length === 0) return;
    event.preventDefault();
    setLocal((previous) => ({ fieldErrors: errors, attempt: (previous?.attempt ?? 0) + 1 }));
    const first = fields.find((field) => errors[field.name]);
    if (first) document.getElementById(`${idPrefix}-${first.name}`)?.focus();
  }

  const firstErrorField = fields.find((field) => fieldErrors[field.name])?.name;
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label={formLabel} noValidate className="flex flex-col gap-4">
      {serverError?.formError ? <Alert tone="error">{serverError.formError}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const error = fieldErrors[field.name];
        const defaultValue = values[field.name] ?? field.defaultValue ?? "";
        const common = {
          id,
          name: field.name,
          label: field.label,
          hint: field.hint,
          error,
          required: field.required,
          markOptional: !field.required,
          autoFocus: Boolean(serverError) && field.name === firstErrorField,
        };
        if (field.kind === "textarea") {
          return (
            <TextAreaField
              key={`${field.name}-${key}`}
              {...common}
              defaultValue={defaultValue}
              rows={field.rows ?? 4}
              maxLength={field.maxLength}
            />
          );
        }
        if (field.kind === "select") {
          return (
            <SelectField
              key={`${field.name}-${key}`}
              {...common}
              defaultValue={defaultValue}
              options={field.options ?? []}
            />
          );
        }
        if (field.kind === "checkbox") {
          const checked = serverError ? values[field.name] === "on" : field.defaultValue === "on";
          return (
            <div key={`${field.name}-${key}`} className="flex items-center gap-3">
              <input id={id} type="checkbox" name={field.name} defaultChecked={checked} className="size-6" />
              <label htmlFor={id} className="font-semibold text-ink">
                {field.label}
              </label>
            </div>
          );
        }
        const type = field.kind === "datetime" ? "datetime-local" : field.kind;
        return (
          <TextField
            key={`${field.name}-${key}`}
            {...common}
            type={type}
            defaultValue={defaultValue}
            step={field.step}
            min={field.min}
            max={field.max}
            maxLength={field.maxLength}
            inputMode={field.inputMode}
          />
        );
      })}
      <div>
        <SubmitButton pendingLabel={tForm("submitting")}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
