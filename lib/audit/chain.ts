// The tamper evidence of the access log (ADR 0004): each entry's hash covers its own fields and
// the previous entry's hash in the same chain. A chain per patient (not one global chain) so
// appends for different patients never wait on each other; entries without a patient form one
// chain of their own.
import { createHash } from "node:crypto";

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
  /** Where the granting relation came from (ADR 0020); null for most entries. */
  grantSource: string | null;
};

/**
 * Canonical serialisation: a JSON array in a fixed order, so no field can shift into another
 * ("ab"+"c" and "a"+"bc" serialise differently). Versioned so the format can evolve without
 * invalidating old entries: "v1" is every entry without a grant source (all entries written before
 * the column existed), "v2" appends the grant source. The version follows from the stored row
 * itself, so a grant source added to or removed from an old entry breaks its hash either way.
 */
export function canonicalEntry(fields: ChainedFields): string {
  const v1 = [
    "v1",
    fields.occurredAt.toISOString(),
    fields.requestId,
    fields.actorId,
    fields.actorRole,
    fields.patientId,
    fields.action,
    fields.decision,
    fields.reason,
    fields.emergencyAccessId,
  ];
  if (fields.grantSource === null) return JSON.stringify(v1);
  return JSON.stringify(["v2", ...v1.slice(1), fields.grantSource]);
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalEntry(fields)).digest("hex");
}
