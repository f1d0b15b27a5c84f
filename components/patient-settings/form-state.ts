// What the settings and correction forms' server actions answer when they do not redirect. Only
// translated, safe text travels back, never an exception message; what was typed comes back too.
export type ActionFormState =
  | { status: "idle" }
  | {
      status: "error";
      /** Per field name, shown next to that field. */
      fieldErrors: Record<string, string>;
      /** Shown above the form: not permitted, changed meanwhile, or something failed. */
      formError?: string;
      /** What was typed, per field name, so a correction does not mean typing it all again. */
      values: Record<string, string>;
      /** Changes with every answer, so the fields are rebuilt with the kept values. */
      attempt: number;
    };

export const idleActionFormState: ActionFormState = { status: "idle" };

export function formFailure(
  previous: ActionFormState,
  values: Record<string, string>,
  errors: { fieldErrors?: Record<string, string>; formError?: string },
): ActionFormState {
  return {
    status: "error",
    values,
    fieldErrors: errors.fieldErrors ?? {},
    formError: errors.formError,
    attempt: (previous.status === "error" ? previous.attempt : 0) + 1,
  };
}

/** The posted text fields, each capped so a forged post is not echoed back in full. */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === "string" ? value.slice(0, 10_000) : "";
  }
  return values;
}
