// Where login outcomes are recorded: the one function every refusal (and success) of a sign-in
// goes through, so that they can be read, counted and alerted on.
//
// It writes the attempt to the security log that staff read (LoginAttempt, lib/auth/security-log.ts,
// ADR 0013), and one structured line to the server log (JSON, prefixed "login-event") that a log
// shipper can pick up. The password login records its attempts in lib/auth/password-login.ts.
//
// What it never records: the national number itself (an unknown one belongs to someone the
// organisation has no business recording; a pseudonym keyed with the portal's secret is enough
// to see repeated attempts), tokens, or any claim beyond the subject and the level of assurance.

import { recordLoginAttempt } from "@/lib/auth/security-log";

export type LoginMethod = "oidc" | "password" | "demo";

export type LoginRefusalReason =
  /** The provider's answer carried no national-number claim (ID token nor userinfo). */
  | "missing_national_number"
  /** The claim was there but is no valid national number (mod-97). */
  | "invalid_national_number"
  /** A valid national number of no person the portal knows. */
  | "unknown_person"
  /** The level of assurance (acr) is below the configured minimum, unknown or missing. */
  | "insufficient_assurance"
  /** The provider answered the callback with an error other than a cancel. */
  | "provider_error"
  /** A child under 12: no portal access of its own (ADR 0019). */
  | "under_12";

export type LoginEvent =
  | { method: LoginMethod; outcome: "success"; personId: string; subject?: string; acr?: string; claimSource?: string }
  | {
      method: LoginMethod;
      outcome: "refused";
      reason: LoginRefusalReason;
      subject?: string;
      acr?: string;
      /** A keyed pseudonym of an unknown national number (never the number). */
      nationalNumberPseudonym?: string;
      /** The provider's error code, for provider_error. */
      providerError?: string;
    }
  | { method: LoginMethod; outcome: "cancelled" };

export type RequestOrigin = { clientAddress: string | null; userAgent: string | null };

export async function recordLoginEvent(
  event: LoginEvent,
  origin: RequestOrigin = { clientAddress: null, userAgent: null },
  now: Date = new Date(),
): Promise<void> {
  console.info(`login-event ${JSON.stringify({ at: now.toISOString(), ...event })}`);
  // Imported here: lib/db.ts is server-only and needs DATABASE_URL when it is first imported.
  const { prisma } = await import("@/lib/db");
  await recordLoginAttempt(prisma, {
    method: event.method,
    outcome: event.outcome === "success" ? "SUCCESS" : "FAILURE",
    reason: event.outcome === "refused" ? event.reason : event.outcome,
    personId: event.outcome === "success" ? event.personId : null,
    ...origin,
    occurredAt: now,
  });
}
