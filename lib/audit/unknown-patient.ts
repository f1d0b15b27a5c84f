// The access-log key of a national number that is no patient's. A lookup or emergency request
// for such a number is still decided, logged and counted for misuse detection (walking national
// numbers is systematic querying), so it needs a patient key of its own, stable per number.
//
// The number itself is not that key: the log is append-only and kept for years, and a national
// number that matches no patient belongs to someone the organisation has no business recording
// (or is a typo of someone else's). A keyed hash keeps the two properties the log needs (the same
// number gives the same key, so repeated probes of one number count once and a walk counts many;
// different numbers do not collide) without the number itself. The key is the portal's secret:
// without it the hash cannot be reversed by trying every possible national number.
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

export const UNKNOWN_INSZ_PREFIX = "unknown-insz:";

export function unknownInszPatientKey(insz: string): string {
  const digest = createHmac("sha256", authSecret()).update(`unknown-insz\u0000${insz}`).digest("base64url");
  return `${UNKNOWN_INSZ_PREFIX}${digest.slice(0, 22)}`;
}
