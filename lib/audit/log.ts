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

/** Namespace of the advisory locks that serialise one chain's appends (first key of the pair). */
const CHAIN_LOCK_NAMESPACE = 4004;

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

/**
 * `tx` must be an interactive transaction (`db.$transaction(async (tx) => ...)`): outside one the
 * advisory lock would be released before the insert, and two appends could chain to the same
 * predecessor (audit:verify would then report it).
 */
export async function appendAccessLogEntry(
  tx: Prisma.TransactionClient,
  input: AccessLogInput,
): Promise<AppendedEntry> {
  const patientId = input.patientId;
  // Held until commit: the next append to this chain sees this entry as its predecessor, while
  // appends to other patients' chains go on in parallel.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_NAMESPACE}::int, hashtext(${chainKey(patientId)}))`;

  // A separate statement after the lock, so its snapshot includes the previous holder's commit.
  const previous =
    patientId === null
      ? await tx.$queryRaw<
          { hash: string }[]
        >`SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" IS NULL ORDER BY "id" DESC LIMIT 1`
      : await tx.$queryRaw<
          { hash: string }[]
        >`SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" = ${patientId} ORDER BY "id" DESC LIMIT 1`;
  const prevHash = previous[0]?.hash ?? GENESIS_HASH;

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
 * patient shown) in a constant number of statements, whatever the number of patients: the
 * chain locks in one statement, in a fixed (sorted) order so two batches cannot deadlock, the
 * heads in one statement after it (its snapshot sees every previous holder's commit), then one
 * INSERT. Each entry is linked exactly as appendAccessLogEntry would link it. The same
 * `tx` rule applies: an interactive transaction, so the locks hold until commit.
 */
export async function appendAccessLogEntries(
  tx: Prisma.TransactionClient,
  inputs: ReadonlyArray<AccessLogInput & { patientId: string }>,
): Promise<AppendedEntry[]> {
  if (inputs.length === 0) return [];
  const patientIds = inputs.map((input) => input.patientId);
  if (new Set(patientIds).size !== patientIds.length) throw new Error("one entry per patient in a batch");
  const keys = patientIds.map((patientId) => chainKey(patientId)).sort();
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(${CHAIN_LOCK_NAMESPACE}::int, hashtext(locked.key)))::int AS locked
    FROM (SELECT key FROM unnest(${keys}::text[]) AS key ORDER BY key) AS locked`;
  const heads = await tx.$queryRaw<{ patientId: string; hash: string | null }[]>`
    SELECT requested.id AS "patientId",
      (SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" = requested.id ORDER BY "id" DESC LIMIT 1) AS "hash"
    FROM unnest(${patientIds}::text[]) AS requested(id)`;
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
