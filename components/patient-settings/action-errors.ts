// Turns what a settings or correction write threw into the message above its form: a PortalError
// by its code, anything else logged and answered generically (never the raw exception).
import { isPortalError } from "@/lib/errors";

export type ActionErrorKind = "forbidden" | "conflict" | "notFound" | "generic";

export function actionErrorKind(error: unknown, where: string): ActionErrorKind {
  if (isPortalError(error)) {
    if (error.code === "forbidden" || error.code === "suspended" || error.code === "declaration_required" || error.code === "unauthenticated") return "forbidden";
    if (error.code === "conflict") return "conflict";
    if (error.code === "not_found") return "notFound";
  }
  console.error(`${where} failed`, error);
  return "generic";
}
