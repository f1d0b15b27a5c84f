// What the review page's server actions answer to their form when they do not redirect. Only
// translated, safe text travels back: never an exception message.
export type ReviewFormState =
  | { status: "idle" }
  | {
      status: "error";
      /** Shown next to the text field, which it describes. */
      fieldError?: string;
      /** Shown above the form: the item is gone, not permitted, or something failed. */
      formError?: string;
      /** What was typed, so a correction does not mean typing it all again. */
      text: string;
      /** Changes with every answer, so the field is rebuilt with the kept text. */
      attempt: number;
    };

export const idleReviewFormState: ReviewFormState = { status: "idle" };
