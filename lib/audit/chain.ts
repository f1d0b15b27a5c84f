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
  /** The system client that acted instead of a person (ADR 0017); absent or null for people. */
  actorSystem?: string | null;
};

/**
 * Canonical serialisation: a JSON array in a fixed order, so no field can shift into another
 * ("ab"+"c" and "a"+"bc" serialise differently). Versioned so the format can evolve without
 * invalidating old entries: "v1" for a person's (or the portal's own) entry, "v2" when a system
 * client acted (ADR 0017), with its client id appended. Which one applies follows from the
 * entry itself, and setting or clearing `actorSystem` afterwards changes the serialisation, so
 * the hash no longer matches either way.
 */
export function canonicalEntry(fields: ChainedFields): string {
  const actorSystem = fields.actorSystem ?? null;
  return JSON.stringify([
    actorSystem === null ? "v1" : "v2",
    fields.occurredAt.toISOString(),
    fields.requestId,
    fields.actorId,
    fields.actorRole,
    fields.patientId,
    fields.action,
    fields.decision,
    fields.reason,
    fields.emergencyAccessId,
    ...(actorSystem === null ? [] : [actorSystem]),
  ]);
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalEntry(fields)).digest("hex");
}
