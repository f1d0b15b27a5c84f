"use client";
// Look a patient up: national number and the care question, both required. Errors sit next to
// their field and the typed values stay; a refusal is shown above the form, in words.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, SubmitButton, TextAreaField, TextField } from "@/components/ui";
import { MAX_CARE_QUESTION_LENGTH } from "@/lib/dossier/schemas";
import { idleFormState, type FormState } from "@/lib/http/form-state";

export function LookupForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const t = useTranslations("caregiver.lookup");
  const tForm = useTranslations("form");
  const error = state.status === "error" ? state : null;
  return (
    <form action={formAction} aria-label={t("formLabel")} className="flex flex-col gap-4" noValidate>
      {error?.formError ? (
        <Alert tone="warning" title={error.formErrorTitle}>
          <p>{error.formError}</p>
        </Alert>
      ) : null}
      <TextField
        key={`insz-${error?.attempt ?? 0}`}
        name="insz"
        label={t("insz")}
        hint={t("inszHint")}
        error={error?.fieldErrors.insz}
        required
        inputMode="numeric"
        autoComplete="off"
        defaultValue={error?.values.insz ?? ""}
        autoFocus={Boolean(error?.fieldErrors.insz)}
      />
      <TextAreaField
        key={`question-${error?.attempt ?? 0}`}
        name="careQuestion"
        label={t("careQuestion")}
        hint={t("careQuestionHint")}
        error={error?.fieldErrors.careQuestion}
        required
        maxLength={MAX_CARE_QUESTION_LENGTH}
        rows={3}
        defaultValue={error?.values.careQuestion ?? ""}
        autoFocus={Boolean(error?.fieldErrors.careQuestion) && !error?.fieldErrors.insz}
      />
      <div>
        <SubmitButton pendingLabel={tForm("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
