// What a refused reader is told. The policy checks the relation before consent, exclusion and the
// availability window (lib/access/policy.ts decideAccess), so those three reasons only ever reach
// someone who HAS a relation with the patient and already knows them: telling them why reveals
// nothing new. Every other denial (no relation, unknown patient, an unknown INSZ, an internal
// error) is the one neutral "no access", so nobody can probe who is a patient or whom a
// patient excluded.
import type { AccessDecision } from "@/lib/access";

export type RefusalKind =
  "no_consent" | "excluded" | "outside_availability_window" | "suspended" | "declaration_required" | "no_access";

export function refusalKind(decision: AccessDecision): RefusalKind | null {
  if (decision.allowed) return null;
  switch (decision.reason) {
    case "no_consent":
    case "excluded":
    case "outside_availability_window":
    case "suspended":
    case "declaration_required":
      return decision.reason;
    default:
      return "no_access";
  }
}
