// The tamper evidence of the access log (ADR 0004, keyed by ADR 0016): each entry's link covers
// its own fields and the previous entry's link in the same chain. A chain per patient (not one
// global chain) so appends for different patients never wait on each other; entries without a
// patient form one chain of their own.
//
// The link is an HMAC-SHA256 with a key that is not in the database (AUDIT_CHAIN_KEY): whoever
// can write to the database but does not hold the key cannot append an entry that verifies.
// Entries written before the key existed keep their plain sha256 link (link version 1) and stay
// verifiable; lib/audit/verify.ts says where such a link is still acceptable.
import { createHash, createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The chain an entry belongs to; also the advisory-lock key that serialises its appends. */
export function chainKey(patientId: string | null): string {
  // The prefix keeps a patient literally named like the no-patient key in its own chain.
  return patientId === null ? "no-patient" : `patient:${patientId}`;
}

export type ChainedFields = {
  occurredAt: Date;
  requestId: string;
  actorId: string | null;
  actorRole: string | null;
  patientId: string | null;
  action: string;
  decision: string;
  reason: string;
  emergencyAccessId: string | null;
  /** The system client that acted instead of a person (ADR 0017); absent or null for people. */
  actorSystem?: string | null;
  /** Where the granting relation came from (ADR 0020); absent or null for most entries. */
  grantSource?: string | null;
};

/**
 * Canonical serialisation: a JSON array in a fixed order, so no field can shift into another
 * ("ab"+"c" and "a"+"bc" serialise differently). Versioned so the format can evolve without
 * invalidating old entries: "v1" is every entry with neither a system actor nor a grant source
 * (all entries written before those columns existed); "v2" appends both, the system client that
 * acted (ADR 0017) and the source of the granting relation (ADR 0020), null where absent. The
 * version follows from the stored row itself, so setting or clearing either field afterwards
 * changes the serialisation, and the link no longer matches either way.
 */
export function canonicalEntry(fields: ChainedFields): string {
  const actorSystem = fields.actorSystem ?? null;
  const grantSource = fields.grantSource ?? null;
  const v2 = actorSystem !== null || grantSource !== null;
  return JSON.stringify([
    v2 ? "v2" : "v1",
    fields.occurredAt.toISOString(),
    fields.requestId,
    fields.actorId,
    fields.actorRole,
    fields.patientId,
    fields.action,
    fields.decision,
    fields.reason,
    fields.emergencyAccessId,
    ...(v2 ? [actorSystem, grantSource] : []),
  ]);
}

/** How an entry's link is computed: stored per entry in "AccessLogEntry"."linkVersion". */
export const LINK_VERSION = {
  /** sha256, no key: entries written before ADR 0016. Never written any more. */
  sha256: 1,
  /** HMAC-SHA256 with the chain key: every entry the portal writes. */
  hmac: 2,
} as const;
export type LinkVersion = (typeof LINK_VERSION)[keyof typeof LINK_VERSION];

/** The unkeyed link of version 1: what anyone can compute, hence only legacy. */
export function sha256Link(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalEntry(fields)).digest("hex");
}

/** The keyed link of version 2. */
export function hmacLink(key: Buffer, prevHash: string, fields: ChainedFields): string {
  return createHmac("sha256", key).update(prevHash).update("\n").update(canonicalEntry(fields)).digest("hex");
}
