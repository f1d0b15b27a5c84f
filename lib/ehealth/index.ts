// The eHealth services as the portal reads them (ADR 0020): therapeutic links with their terms and
// the patient's informed consent. EHEALTH_URL names the service (the local simulator in
// development and tests); unset, the adapter is off and the portal decides on the facts it has.
import { env } from "@/lib/env";
import { createHttpEHealthAdapter } from "./http";
import type { EHealthAdapter } from "./types";

export { createHttpEHealthAdapter, EHealthUnavailableError } from "./http";
export {
  fetchEHealthFacts,
  recordEHealthFacts,
  syncFromEHealth,
  type EHealthFacts,
  type EHealthSyncOutcome,
} from "./sync";
export { boundedLinkEnd, LINK_TERM_MONTHS, linkLastDay, linkTerms } from "./terms";
export type { ConsentRecord, EHealthAdapter, TherapeuticLink } from "./types";

let configured: EHealthAdapter | null | undefined;

/** The configured adapter, or null when EHEALTH_URL is not set. */
export function configuredEHealthAdapter(): EHealthAdapter | null {
  configured ??= env.EHEALTH_URL
    ? createHttpEHealthAdapter(env.EHEALTH_URL, { timeoutMs: env.EHEALTH_TIMEOUT_MS })
    : null;
  return configured;
}
