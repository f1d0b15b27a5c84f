// The one answer every server action gives its form when it does not redirect (lib/http/action.ts
// makes it, components/forms and the other forms show it). Only translated, safe text travels
// back, never an exception message; what was typed comes back too. No server-only imports: the
// client components read this type.
export type FormState =
  | { status: "idle" }
  /**
   * Done without leaving the page (the language switch); most actions redirect instead.
   * `reveal`: secrets to show this once and never again (a second factor's recovery codes): they
   * travel in this answer only, never in a URL or a readable row.
   */
  | { status: "done"; reveal?: string[] }
  | {
      status: "error";
      /** Per field name (dotted for nested fields), shown next to that field. */
      fieldErrors: Record<string, string>;
      /** Shown above the form: not permitted, changed meanwhile, refused, or something failed. */
      formError?: string;
      /** A heading for formError, where the form shows one (the caregiver's lookup). */
      formErrorTitle?: string;
      /** What was typed, per field name, so a correction does not mean typing it all again. */
      values: Record<string, string>;
      /** Changes with every answer, so the fields are rebuilt with the kept values. */
      attempt: number;
    };

export const idleFormState: FormState = { status: "idle" };
