// Turns what a settings or correction write threw into the message above its form: a PortalError
// by its code, anything else logged and answered generically (never the raw exception).
import { isPortalError } from "@/lib/errors";

export type ActionErrorKind = "forbidden" | "conflict" | "notFound" | "generic";

export function actionErrorKind(error: unknown, where: string): ActionErrorKind {
  if (isPortalError(error)) {
    if (
      error.code === "forbidden" ||
      error.code === "suspended" ||
      error.code === "declaration_required" ||
      error.code === "unauthenticated"
    )
      return "forbidden";
    if (error.code === "conflict") return "conflict";
    if (error.code === "not_found") return "notFound";
  }
  console.error(`${where} failed`, error);
  return "generic";
}

/**
 * The messages beside the national-number and last-name fields of a form that names a person
 * (appointing a trusted person, excluding someone by number); `t` reads `errors.insz` and
 * `errors.lastName` of the form's own namespace.
 */
export function personFieldErrors(
  issues: ReadonlyArray<{ path: PropertyKey[] }>,
  t: (key: "errors.insz" | "errors.lastName") => string,
): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.path[0] === "insz") fieldErrors.insz = t("errors.insz");
    if (issue.path[0] === "lastName") fieldErrors.lastName = t("errors.lastName");
  }
  return fieldErrors;
}
