"use client";
// The last step of the enrolment: the first code from the app turns the second factor on, and
// the recovery codes appear here, once.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, LinkButton, SubmitButton, TextField } from "@/components/ui";
import { idleFormState } from "@/lib/http/form-state";
import { confirmEnrolmentAction } from "./actions";

export function ConfirmEnrolmentForm() {
  const t = useTranslations("security.secondFactor");
  const [state, formAction] = useActionState(confirmEnrolmentAction, idleFormState);
  if (state.status === "done" && state.reveal) {
    return (
      <section aria-labelledby="recovery-heading" className="flex flex-col gap-4">
        <h2 id="recovery-heading" className="text-2xl font-bold">
          {t("recovery.title")}
        </h2>
        <Alert tone="success">{t("recovery.intro")}</Alert>
        <ul aria-label={t("recovery.title")} className="grid grid-cols-2 gap-2 font-mono text-lg">
          {state.reveal.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          <LinkButton href="/">{t("recovery.continue")}</LinkButton>
        </div>
      </section>
    );
  }
  const error = state.status === "error" ? state : null;
  return (
    <form action={formAction} aria-label={t("pending.confirm")} className="flex flex-col gap-4">
      {error?.formError ? <Alert tone="error">{error.formError}</Alert> : null}
      <TextField
        key={`code-${error?.attempt ?? 0}`}
        name="code"
        label={t("pending.codeLabel")}
        hint={t("pending.codeHint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={6}
        required
        defaultValue={error?.values.code}
        autoFocus={Boolean(error?.fieldErrors.code)}
        error={error?.fieldErrors.code}
      />
      <div>
        <SubmitButton>{t("pending.confirm")}</SubmitButton>
      </div>
    </form>
  );
}
