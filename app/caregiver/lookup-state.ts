// What the lookup action answers its form when it does not redirect to the file. Only translated,
// safe text travels back, with what was typed so nothing has to be typed again.
export type LookupFormState =
  | { status: "idle" }
  | {
      status: "error";
      fieldErrors: { insz?: string; careQuestion?: string };
      /** The refusal, or a failure, shown above the form. */
      formError?: { title: string; body: string };
      values: { insz: string; careQuestion: string };
      /** Changes with every answer, so the fields are rebuilt with the kept values. */
      attempt: number;
    };

export const idleLookupFormState: LookupFormState = { status: "idle" };
