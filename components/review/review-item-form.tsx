"use client";
// The one form of a review item: a text field, the item's id, and a submit button, sent to a
// server action (lifting a suspension needs a reason; reviewing an emergency access takes an
// optional note). On an error the typed text stays and the field gets the focus with its error;
// on success the action redirects and the item is gone from the list.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, SubmitButton, TextAreaField } from "@/components/ui";
import { idleFormState, type FormState } from "@/lib/http/form-state";

export type ReviewItemFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Names the form for screen readers: there is one per item on the page. */
  formLabel: string;
  idField: { name: string; value: string };
  textField: { name: string; label: string; hint: string; required: boolean; maxLength: number };
  submitLabel: string;
};

export function ReviewItemForm({ action, formLabel, idField, textField, submitLabel }: ReviewItemFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const tForm = useTranslations("form");
  const error = state.status === "error" ? state : null;
  return (
    <form action={formAction} aria-label={formLabel} className="mt-4 flex flex-col gap-4 border-t border-line pt-4">
      {error?.formError ? <Alert tone="error">{error.formError}</Alert> : null}
      <input type="hidden" name={idField.name} value={idField.value} />
      <TextAreaField
        // A new key per answer rebuilds the field with the kept text as its value.
        key={error?.attempt ?? 0}
        name={textField.name}
        label={textField.label}
        hint={textField.hint}
        error={error?.fieldErrors[textField.name]}
        required={textField.required}
        markOptional={!textField.required}
        maxLength={textField.maxLength}
        defaultValue={error?.values[textField.name] ?? ""}
        rows={3}
        // Only after a failed send, never on page load: the person just pressed the button
        // and needs to land on what is wrong.
        autoFocus={Boolean(error?.fieldErrors[textField.name])}
      />
      <div>
        <SubmitButton pendingLabel={tForm("submitting")}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
