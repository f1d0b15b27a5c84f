"use client";
// A form whose fields the page draws itself (buttons with a value, a hidden version), sent to a
// server action made by formAction (lib/http/action.ts). Such a form only fails when it was forged
// or is outdated; the refusal is then shown above it like on every other form.
import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui";
import { idleFormState, type FormState } from "@/lib/http/form-state";

export function StateForm({
  action,
  className,
  label,
  children,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  className?: string;
  /** Names the form for screen readers when a page holds several. */
  label?: string;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} aria-label={label} className={className}>
      {state.status === "error" && state.formError ? (
        <Alert tone="error" title={state.formErrorTitle} className="mb-4">
          {state.formError}
        </Alert>
      ) : null}
      {children}
    </form>
  );
}
