// The FHIR API's one error type and its one error shape: an OperationOutcome (ADR 0018). Every
// refusal names what is wrong and, where an element is wrong, the element as a FHIRPath-like
// expression from the request's root, e.g. `Bundle.entry[2].resource.valueQuantity.unit`.
import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";

export type IssueCode = OperationOutcomeIssue["code"];

export type FhirIssue = {
  code: IssueCode;
  /** Safe to show to the client: never an exception message. */
  diagnostics: string;
  /** The element at fault, from the root of the request body. */
  expression?: string;
};

export class FhirError extends Error {
  readonly status: number;
  readonly issues: readonly FhirIssue[];
  /** Extra response headers, e.g. WWW-Authenticate on a 401. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, issues: FhirIssue | readonly FhirIssue[], headers: Record<string, string> = {}) {
    const list = Array.isArray(issues) ? issues : [issues as FhirIssue];
    super(list.map((issue) => issue.diagnostics).join("; "));
    this.name = "FhirError";
    this.status = status;
    this.issues = list;
    this.headers = headers;
  }
}

export function isFhirError(value: unknown): value is FhirError {
  return value instanceof FhirError;
}

export function operationOutcome(issues: readonly FhirIssue[]): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: issues.map((issue) => ({
      severity: "error",
      code: issue.code,
      diagnostics: issue.diagnostics,
      ...(issue.expression ? { expression: [issue.expression] } : {}),
    })),
  };
}

/** Most issues of one request collected before answering, so the client fixes them in one go. */
export const MAX_REPORTED_ISSUES = 100;

/**
 * Collects the problems of one request. Mappers report every problem they find instead of
 * stopping at the first, and the request fails with all of them (422) before anything is written.
 */
export class IssueList {
  readonly issues: FhirIssue[] = [];

  add(expression: string, diagnostics: string, code: IssueCode = "invalid"): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ code, diagnostics, expression });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }

  /** Throws the collected issues as one 422, if there are any. */
  throwIfAny(): void {
    if (!this.empty) throw new FhirError(422, this.issues);
  }
}
