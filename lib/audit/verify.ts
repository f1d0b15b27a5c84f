// Walks every chain of the access log (ADR 0004, 0016) and reports, per chain, the first entry
// that is wrong, and with the latest anchor, every anchored head that is gone:
// - edited: the entry's content does not match its link;
// - broken_link: its prevHash is not its predecessor's link (removed, inserted or reordered);
// - forged: its link was computed without the chain key: a version-2 entry whose link is the
//   plain sha256 of its content, or a version-1 (sha256) entry where only keyed links can be,
//   i.e. after a keyed entry in its chain, after the first keyed entry of the log, or beyond the
//   legacy entries the first anchor counted;
// - cut_tail / anchor_mismatch: against the latest anchor (lib/audit/anchor.ts).
// Reads in pages in (patient, id) order, so memory stays constant however long the log is.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, LINK_VERSION, hmacLink, sha256Link, type ChainedFields } from "./chain";
import { missingAnchoredHeads, readLegacyCount, type AnchorLine } from "./anchor";
import type { ChainProblem } from "./problems";

export type VerifyResult = {
  ok: boolean;
  entries: number;
  chains: number;
  /** At most one per chain (what follows a broken link cannot be judged), plus anchor findings. */
  problems: ChainProblem[];
  /** The first problem, when there is one. */
  broken?: ChainProblem;
};

type Row = ChainedFields & {
  id: bigint;
  prevHash: string;
  hash: string;
  linkVersion: number;
};

const PAGE = 2000;
/** Enough to show what happened; a log broken everywhere needs a person, not a longer list. */
const MAX_PROBLEMS = 200;

export type VerifyOptions = {
  /** The chain key (AUDIT_CHAIN_KEY). */
  key: Buffer;
  /** The latest anchor line, when there is an anchor file. */
  anchor?: AnchorLine | null;
};

export async function verifyAccessLog(
  db: PrismaClient | Prisma.TransactionClient,
  { key, anchor = null }: VerifyOptions,
): Promise<VerifyResult> {
  const problems: ChainProblem[] = [];
  let entries = 0;
  let chains = 0;

  // Where unkeyed links may still be: before the log's first keyed entry, and within what the
  // first anchor counted. An attacker without the key can compute a sha256 link, so a version-1
  // entry anywhere else is a forgery.
  const [firstKeyed] = await db.$queryRaw<{ id: bigint | null }[]>`
    SELECT min("id") AS "id" FROM "AccessLogEntry" WHERE "linkVersion" = ${LINK_VERSION.hmac}`;
  const firstKeyedId = firstKeyed?.id ?? null;
  const legacyLimit = anchor?.legacy.maxEntryId ? BigInt(anchor.legacy.maxEntryId) : null;

  let currentChain: string | null | undefined = undefined;
  let expectedPrev = GENESIS_HASH;
  let chainKeyed = false;
  let chainBroken = false;

  const judge = (row: Row): Omit<ChainProblem, "patientId" | "entryId"> | null => {
    if (row.prevHash !== expectedPrev) {
      return {
        kind: "broken_link",
        detail: "its prevHash is not the previous entry's link (an entry was removed, inserted or reordered)",
      };
    }
    if (row.linkVersion === LINK_VERSION.hmac) {
      if (hmacLink(key, row.prevHash, row) === row.hash) return null;
      if (sha256Link(row.prevHash, row) === row.hash) {
        return { kind: "forged", detail: "its link was computed without the chain key (plain sha256)" };
      }
      return { kind: "edited", detail: "its content does not match its link" };
    }
    if (row.linkVersion === LINK_VERSION.sha256) {
      if (sha256Link(row.prevHash, row) !== row.hash)
        return { kind: "edited", detail: "its content does not match its link" };
      if (chainKeyed) return { kind: "forged", detail: "an unkeyed (sha256) link after a keyed one in its chain" };
      if (firstKeyedId !== null && row.id > firstKeyedId) {
        return { kind: "forged", detail: "an unkeyed (sha256) link written after the log's first keyed entry" };
      }
      if (anchor && (legacyLimit === null || row.id > legacyLimit)) {
        return { kind: "forged", detail: "an unkeyed (sha256) link the first anchor did not count" };
      }
      return null;
    }
    return { kind: "forged", detail: `unknown link version ${row.linkVersion}` };
  };

  const check = (row: Row) => {
    if (row.patientId !== currentChain) {
      currentChain = row.patientId;
      expectedPrev = GENESIS_HASH;
      chainKeyed = false;
      chainBroken = false;
      chains += 1;
    }
    entries += 1;
    if (chainBroken) return;
    const problem = judge(row);
    if (problem) {
      chainBroken = true;
      if (problems.length < MAX_PROBLEMS)
        problems.push({ ...problem, patientId: row.patientId, entryId: row.id.toString() });
      return;
    }
    if (row.linkVersion === LINK_VERSION.hmac) chainKeyed = true;
    expectedPrev = row.hash;
  };

  // The chain of entries without a patient first, then each patient's chain.
  let lastId = -1n;
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT * FROM "AccessLogEntry" WHERE "patientId" IS NULL AND "id" > ${lastId} ORDER BY "id" LIMIT ${PAGE}`;
    rows.forEach(check);
    if (rows.length < PAGE) break;
    lastId = rows[rows.length - 1]!.id;
  }

  let after: { patientId: string; id: bigint } | null = null;
  for (;;) {
    const rows: Row[] = after
      ? await db.$queryRaw<Row[]>`
          SELECT * FROM "AccessLogEntry"
          WHERE "patientId" IS NOT NULL AND ("patientId", "id") > (${after.patientId}, ${after.id})
          ORDER BY "patientId", "id" LIMIT ${PAGE}`
      : await db.$queryRaw<Row[]>`
          SELECT * FROM "AccessLogEntry" WHERE "patientId" IS NOT NULL ORDER BY "patientId", "id" LIMIT ${PAGE}`;
    rows.forEach(check);
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { patientId: last.patientId!, id: last.id };
  }

  if (anchor) {
    problems.push(...(await missingAnchoredHeads(db, anchor)));
    // Removing legacy entries from the middle of a chain shows as a broken link; this catches
    // the rest (a whole legacy chain removed, which no anchored head may name).
    const legacy = await readLegacyCount(db);
    if (legacy.count < anchor.legacy.count) {
      problems.push({
        kind: "cut_tail",
        patientId: null,
        entryId: null,
        detail: `${anchor.legacy.count - legacy.count} of the ${anchor.legacy.count} unkeyed (legacy) entries the first anchor counted are gone`,
      });
    }
  }

  return { ok: problems.length === 0, entries, chains, problems, ...(problems[0] ? { broken: problems[0] } : {}) };
}
