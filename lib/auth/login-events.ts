// Where login outcomes are recorded: the one function every refusal (and success) of a sign-in
// goes through, so that they can be read, counted and alerted on.
//
// For now it writes one structured line to the server log (JSON, prefixed "login-event") that
// a log shipper can pick up. The security log table for login attempts is being built
// separately (issue 10, item 1); when it lands, this function writes there instead and its
// callers stay as they are.
//
// What it never records: the national number itself (an unknown one belongs to someone the
// organisation has no business recording; a pseudonym keyed with the portal's secret is enough
// to see repeated attempts), tokens, or any claim beyond the subject and the level of assurance.

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
  | "provider_error";

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

export function recordLoginEvent(event: LoginEvent, now: Date = new Date()): void {
  console.info(`login-event ${JSON.stringify({ at: now.toISOString(), ...event })}`);
}
