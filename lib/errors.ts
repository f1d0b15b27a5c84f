// One error type for the portal, with a code enum, a code-to-HTTP-status map and separate
// internal and user-facing messages. Route handlers map it to the one JSON error shape
// `{ error: { code, message } }`; a raw exception message never reaches a client.

export const errorStatus = {
  unauthenticated: 401,
  declaration_required: 403,
  suspended: 403,
  second_factor_required: 403,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** The database cannot be reached right now (ADR 0025): answered with Retry-After. */
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

const defaultMessages: Record<ErrorCode, string> = {
  unauthenticated: "Log in to continue.",
  declaration_required: "Accept the current user declaration of your role first.",
  suspended: "Your access is suspended. Contact the service center.",
  second_factor_required: "Set up a second factor for your account first.",
  forbidden: "You do not have access to this.",
  not_found: "Not found.",
  invalid_input: "The request is not valid.",
  conflict: "Someone else changed this in the meantime. Reload and try again.",
  payload_too_large: "The request is too large.",
  unsupported_media_type: "Send the request as JSON.",
  rate_limited: "Too many requests. Wait a moment and try again.",
  internal: "Something went wrong on our side. Try again later.",
  unavailable: "The file is briefly unavailable. Try again in a few seconds.",
};

export type FieldIssue = { path: string; message: string };

export class PortalError extends Error {
  readonly code: ErrorCode;
  /** Safe to show to the caller. */
  readonly userMessage: string;
  /** Field-level problems for invalid_input. */
  readonly issues?: FieldIssue[];

  constructor(
    code: ErrorCode,
    options: { userMessage?: string; internalMessage?: string; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(options.internalMessage ?? options.userMessage ?? defaultMessages[code], { cause: options.cause });
    this.name = "PortalError";
    this.code = code;
    this.userMessage = options.userMessage ?? defaultMessages[code];
    this.issues = options.issues;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isPortalError(value: unknown): value is PortalError {
  return value instanceof PortalError;
}
