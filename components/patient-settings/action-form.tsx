"use client";
// One form for the settings and correction pages: fields described as data, sent to a server
// action. On an error the typed values stay, each error sits next to its field, and the first
// field in error gets the focus; on success the action redirects (post/redirect/get) and the
// page confirms what happened.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, SelectField, SubmitButton, TextAreaField, TextField, type ButtonVariant } from "@/components/ui";
import { idleActionFormState, type ActionFormState } from "./form-state";

export type ActionFormField =
  | {
      kind: "text" | "textarea";
      name: string;
      label: string;
      hint?: string;
      required?: boolean;
      maxLength?: number;
      autoComplete?: string;
      inputMode?: "text" | "numeric";
      /** "date" for a calendar date (YYYY-MM-DD); text otherwise. */
      inputType?: "text" | "date";
      defaultValue?: string;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      hint?: string;
      required?: boolean;
      options: ReadonlyArray<{ value: string; label: string }>;
      defaultValue?: string;
    };

export type ActionFormProps = {
  action: (previous: ActionFormState, formData: FormData) => Promise<ActionFormState>;
  /** Names the form for screen readers when a page holds several. */
  formLabel: string;
  hidden?: Record<string, string>;
  fields?: readonly ActionFormField[];
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** Lays a button-only form out inline. */
  compact?: boolean;
};

export function ActionForm({
  action,
  formLabel,
  hidden = {},
  fields = [],
  submitLabel,
  submitVariant,
  compact,
}: ActionFormProps) {
  const [state, formAction] = useActionState(action, idleActionFormState);
  const tForm = useTranslations("form");
  const error = state.status === "error" ? state : null;
  const firstError = fields.find((field) => error?.fieldErrors[field.name])?.name;
  return (
    <form
      action={formAction}
      aria-label={formLabel}
      className={compact ? "flex flex-col gap-2" : "flex flex-col gap-4"}
    >
      {error?.formError ? <Alert tone="error">{error.formError}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        // A new key per answer rebuilds the field with the kept value.
        const key = `${field.name}-${error?.attempt ?? 0}`;
        const common = {
          name: field.name,
          label: field.label,
          hint: field.hint,
          error: error?.fieldErrors[field.name],
          required: field.required,
          markOptional: !field.required,
          defaultValue: error?.values[field.name] ?? field.defaultValue ?? "",
          // Only after a failed send: the person just pressed the button and needs to land on what is wrong.
          autoFocus: firstError === field.name,
        };
        if (field.kind === "select") return <SelectField key={key} {...common} options={field.options} />;
        if (field.kind === "textarea")
          return <TextAreaField key={key} {...common} maxLength={field.maxLength} rows={4} />;
        return (
          <TextField
            key={key}
            {...common}
            maxLength={field.maxLength}
            autoComplete={field.autoComplete}
            inputMode={field.inputMode}
            type={field.inputType ?? "text"}
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
