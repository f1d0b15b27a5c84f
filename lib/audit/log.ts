// Appends to the access log. Every entry is written inside the caller's transaction, so an entry
// and the change it accompanies commit together (or not at all), and a read's entry is committed
// before its data leaves the server. The table itself refuses UPDATE, DELETE and TRUNCATE
// (migration *_access_log_append_only); the per-patient chain of keyed links (ADR 0004, 0016)
// makes an edit or an append by someone who bypasses that trigger, without the chain key,
// visible to `npm run audit:verify`.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessDecision, FactSource, Role } from "@/lib/generated/prisma/enums";
import { GENESIS_HASH, LINK_VERSION, chainKey, hmacLink } from "./chain";
import { auditChainKey } from "./key";

// The advisory locks that serialise one chain's appends use namespace 4004 (first key of the pair),
// taken by the SQL function access_log_chain_head.

export type AccessLogInput = {
  requestId: string;
  actorId: string | null;
  actorRole: Role | null;
  patientId: string | null;
  action: string;
  decision: AccessDecision;
  reason: string;
  emergencyAccessId?: string | null;
  /** A system client acting instead of a person (ADR 0017); then actorId and actorRole are null. */
  actorSystem?: string | null;
  /** Where the relation that granted the access came from (ADR 0020). */
  grantSource?: FactSource | null;
  /** The moment of the decision; defaults to the clock. */
  occurredAt?: Date;
};

export type AppendedEntry = { id: bigint; hash: string; occurredAt: Date };

/** The head of a chain read under its lock (`access_log_chain_head`, by lockChainHead or the facts statement). */
export type LockedChainHead = { patientId: string | null; hash: string | null };

/**
 * Takes the chain's lock and reads its head in one statement (the SQL function
 * `access_log_chain_head`, migration *_access_log_chain_head). The lock holds until `tx` commits.
 */
export async function lockChainHead(tx: Prisma.TransactionClient, patientId: string | null): Promise<LockedChainHead> {
  const rows = await tx.$queryRaw<{ hash: string | null }[]>`
    SELECT "access_log_chain_head"(${chainKey(patientId)}, ${patientId}::text) AS "hash"`;
  return { patientId, hash: rows[0]?.hash ?? null };
}

/**
 * `tx` must be an interactive transaction (`db.$transaction(async (tx) => ...)`): outside one the
 * advisory lock would be released before the insert, and two appends could chain to the same
 * predecessor (audit:verify would then report it). `lockedHead`: the head this transaction
 * already read under the chain's lock (the access decision reads it with its facts, one round
 * trip less); without it the append takes the lock and reads the head itself.
 */
export async function appendAccessLogEntry(
  tx: Prisma.TransactionClient,
  input: AccessLogInput,
  options: { lockedHead?: LockedChainHead } = {},
): Promise<AppendedEntry> {
  const patientId = input.patientId;
  // Held until commit: the next append to this chain sees this entry as its predecessor, while
  // appends to other patients' chains go on in parallel.
  const head = options.lockedHead ?? (await lockChainHead(tx, patientId));
  if (head.patientId !== patientId) throw new Error("the locked chain head is another chain's");
  const prevHash = head.hash ?? GENESIS_HASH;

  const fields = chainedFields(input, patientId);
  const hash = hmacLink(auditChainKey(), prevHash, fields);
  const created = await tx.accessLogEntry.create({
    data: { ...fields, prevHash, hash, linkVersion: LINK_VERSION.hmac },
    select: { id: true },
  });
  return { id: created.id, hash, occurredAt: fields.occurredAt };
}

/** The fields an entry's link covers, the same for a single append and a batch. */
function chainedFields(input: AccessLogInput, patientId: string | null) {
  return {
    // Millisecond precision (a JS Date), the column's precision: the hash must survive the round trip.
    occurredAt: input.occurredAt ?? new Date(),
    requestId: input.requestId,
    actorId: input.actorId,
    actorRole: input.actorRole,
    patientId,
    action: input.action,
    decision: input.decision,
    reason: input.reason,
    emergencyAccessId: input.emergencyAccessId ?? null,
    actorSystem: input.actorSystem ?? null,
    grantSource: input.grantSource ?? null,
  };
}

/**
 * Appends one entry to each of several patients' chains (a list of patients: one look per
 * patient shown) in two statements, whatever the number of patients: the chain locks and heads
 * in one (in a fixed, sorted order so two batches cannot deadlock; each head read after its lock),
 * then one INSERT. Each entry is linked exactly as appendAccessLogEntry would link it. The same
 * `tx` rule applies: an interactive transaction, so the locks hold until commit.
 */
export async function appendAccessLogEntries(
  tx: Prisma.TransactionClient,
  inputs: ReadonlyArray<AccessLogInput & { patientId: string }>,
): Promise<AppendedEntry[]> {
  if (inputs.length === 0) return [];
  const patientIds = inputs.map((input) => input.patientId);
  if (new Set(patientIds).size !== patientIds.length) throw new Error("one entry per patient in a batch");
  // The locks in a fixed (sorted) order, so two batches cannot deadlock; each head is read by the
  // function after its lock, with a fresh snapshot.
  const heads = await tx.$queryRaw<{ patientId: string; hash: string | null }[]>`
    SELECT locked.id AS "patientId", "access_log_chain_head"(locked.key, locked.id) AS "hash"
    FROM (SELECT requested.id, requested.key
          FROM unnest(${patientIds}::text[], ${patientIds.map((patientId) => chainKey(patientId))}::text[])
            AS requested(id, key)
          ORDER BY requested.key) AS locked`;
  const headOf = new Map(heads.map((head) => [head.patientId, head.hash ?? GENESIS_HASH]));
  const key = auditChainKey();
  const rows = inputs.map((input) => {
    const fields = chainedFields(input, input.patientId);
    const prevHash = headOf.get(input.patientId) ?? GENESIS_HASH;
    return { ...fields, prevHash, hash: hmacLink(key, prevHash, fields), linkVersion: LINK_VERSION.hmac };
  });
  const created = await tx.accessLogEntry.createManyAndReturn({ data: rows, select: { id: true, patientId: true } });
  const idOf = new Map(created.map((row) => [row.patientId, row.id]));
  return rows.map((row) => ({ id: idOf.get(row.patientId)!, hash: row.hash, occurredAt: row.occurredAt }));
}
