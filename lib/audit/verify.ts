// Walks every chain of the access log and reports the first broken link: an entry whose
// prevHash is not its predecessor's hash (an entry removed or reordered), or whose hash does not
// match its own fields (an entry edited). Reads in pages in (patient, id) order, so memory stays
// constant however long the log is.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, entryHash, type ChainedFields } from "./chain";

export type BrokenLink = {
  entryId: string;
  patientId: string | null;
  problem: "prev_hash_mismatch" | "hash_mismatch";
};

export type VerifyResult =
  { ok: true; entries: number; chains: number } | { ok: false; entries: number; chains: number; broken: BrokenLink };

type Row = ChainedFields & {
  id: bigint;
  prevHash: string;
  hash: string;
};

const PAGE = 2000;

export async function verifyAccessLog(db: PrismaClient | Prisma.TransactionClient): Promise<VerifyResult> {
  let entries = 0;
  let chains = 0;
  let currentChain: string | null | undefined = undefined;
  let expectedPrev = GENESIS_HASH;

  const check = (row: Row): BrokenLink | null => {
    if (row.patientId !== currentChain) {
      currentChain = row.patientId;
      expectedPrev = GENESIS_HASH;
      chains += 1;
    }
    entries += 1;
    if (row.prevHash !== expectedPrev)
      return { entryId: row.id.toString(), patientId: row.patientId, problem: "prev_hash_mismatch" };
    if (entryHash(row.prevHash, row) !== row.hash)
      return { entryId: row.id.toString(), patientId: row.patientId, problem: "hash_mismatch" };
    expectedPrev = row.hash;
    return null;
  };

  // The chain of entries without a patient first, then each patient's chain.
  let lastId = -1n;
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT * FROM "AccessLogEntry" WHERE "patientId" IS NULL AND "id" > ${lastId} ORDER BY "id" LIMIT ${PAGE}`;
    for (const row of rows) {
      const broken = check(row);
      if (broken) return { ok: false, entries, chains, broken };
    }
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
    for (const row of rows) {
      const broken = check(row);
      if (broken) return { ok: false, entries, chains, broken };
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { patientId: last.patientId!, id: last.id };
  }
  return { ok: true, entries, chains };
}
