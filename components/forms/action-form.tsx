"use client";
// The portal's form for a server action made by formAction (lib/http/action.ts): fields described
// as data, hidden fields for what the page already knows, the one form state back from the
// server (lib/http/form-state.ts). On an error what was typed stays, each error sits next to its
// field and the first field in error gets the focus; on success the action redirects
// (post/redirect/get), so a reload never posts again.
//
// With `schema`, the browser first runs the very same parse as the server (lib/http/form-data.ts
// with the named schema from ./form-schemas) and answers a wrong field at once, without a round
// trip; the browser's own required-field check is then switched off so both say the same thing.
import { useTranslations } from "next-intl";
import { useActionState, useId, useState, type FormEvent } from "react";
import { Alert, SelectField, SubmitButton, TextAreaField, TextField, type ButtonVariant } from "@/components/ui";
import { parseForm } from "@/lib/http/form-data";
import { idleFormState, type FormState } from "@/lib/http/form-state";
import { formSchemas, type FormSchemaName } from "./form-schemas";

export type FieldSpec = {
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "number" | "select" | "datetime" | "date" | "checkbox" | "email" | "tel";
  required?: boolean;
  defaultValue?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  step?: string;
  min?: string;
  max?: string;
  maxLength?: number;
  rows?: number;
  inputMode?: "decimal" | "numeric" | "text" | "tel" | "email";
  autoComplete?: string;
};

export type ActionFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Names the form for screen readers when a page holds several. */
  formLabel: string;
  hidden?: Record<string, string>;
  fields?: readonly FieldSpec[];
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** Lays a button-only form out tighter. */
  compact?: boolean;
  /** Check in the browser with this schema before sending (the server checks again). */
  schema?: FormSchemaName;
  /** With `schema`: one message per field name, for a field the browser's check finds wrong. */
  errorMessages?: Record<string, string>;
  /** A stable id prefix, so labels stay unique with several forms on one page. */
  idPrefix?: string;
};

export function ActionForm({
  action,
  formLabel,
  hidden = {},
  fields = [],
  submitLabel,
  submitVariant,
  compact,
  schema,
  errorMessages = {},
  idPrefix,
}: ActionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [local, setLocal] = useState<{ fieldErrors: Record<string, string> } | null>(null);
  const generatedPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const prefix = idPrefix ?? `form-${generatedPrefix}`;
  const tForm = useTranslations("form");
  const serverError = state.status === "error" ? state : null;
  const fieldErrors = local?.fieldErrors ?? serverError?.fieldErrors ?? {};
  const values = serverError?.values ?? {};
  // Rebuilt only for a server answer, which brings the posted values back; a browser-side
  // refusal leaves the fields (and what was typed in them) as they are.
  const key = String(serverError?.attempt ?? 0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!schema) return;
    const parsed = parseForm(new FormData(event.currentTarget), formSchemas[schema]);
    // A form the parse refuses as a whole (a hidden field) is for the server to answer.
    if (parsed.status !== "invalid") {
      setLocal(null);
      return;
    }
    const errors: Record<string, string> = {};
    for (const issue of parsed.issues) {
      const name = issue.path.join(".");
      if (!errors[name] && errorMessages[name]) errors[name] = errorMessages[name];
    }
    if (Object.keys(errors).length === 0) return;
    event.preventDefault();
    setLocal({ fieldErrors: errors });
    const first = fields.find((field) => errors[field.name]);
    if (first) document.getElementById(`${prefix}-${first.name}`)?.focus();
  }

  const firstErrorField = fields.find((field) => fieldErrors[field.name])?.name;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      aria-label={formLabel}
      noValidate={schema ? true : undefined}
      className={compact ? "flex flex-col gap-2" : "flex flex-col gap-4"}
    >
      {serverError?.formError ? <Alert tone="error">{serverError.formError}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `${prefix}-${field.name}`;
        const defaultValue = values[field.name] ?? field.defaultValue ?? "";
        const common = {
          id,
          name: field.name,
          label: field.label,
          hint: field.hint,
          error: fieldErrors[field.name],
          required: field.required,
          markOptional: !field.required,
          // Only after a failed send: the person just pressed the button and needs to land on what is wrong.
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
            autoComplete={field.autoComplete}
          />
        );
      })}
      <div>
        <SubmitButton variant={submitVariant} pendingLabel={tForm("submitting")}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
