// What the enrolment's confirm action answers: an error next to the code field, or the recovery
// codes, shown once on the page that asked (never stored in a readable form, never in a URL).
export type EnrolmentState =
  | { status: "idle" }
  | { status: "error"; fieldError?: string; formError?: string; attempt: number }
  | { status: "enabled"; recoveryCodes: string[] };

export const idleEnrolmentState: EnrolmentState = { status: "idle" };
