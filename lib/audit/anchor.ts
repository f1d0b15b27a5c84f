// Anchors of the access log's chains outside the database (ADR 0016). `npm run audit:anchor`
// appends one JSON line per run to an append-only file: the current head of every chain
// (patient id, entry id, link, time), how many legacy (unkeyed) entries exist, the hash of the
// previous line, and an Ed25519 signature over all of it with a key that is not in the database.
//
// Why: the keyed links stop an attacker without the key from appending or editing entries that
// verify, but not from cutting a chain's newest entries off (what remains still verifies). A
// signed head that is later missing shows the cut. Each run also checks that every head of the
// previous line is still there, unchanged, so a cut between two runs is caught at the next run
// and no line ever anchors a cut log.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, LINK_VERSION, chainKey } from "./chain";
import { describeProblem, type ChainProblem } from "./problems";

type Db = PrismaClient | Prisma.TransactionClient;

export const ANCHOR_FORMAT = "portal-audit-anchor/1";

export type AnchorHead = {
  /** null for the chain of entries without a patient. */
  patientId: string | null;
  entryId: string;
  hash: string;
  occurredAt: string;
};

/** Entries with an unkeyed (sha256) link, fixed by the first anchor: none may be added later. */
export type LegacyCount = { count: number; maxEntryId: string | null };

export type AnchorLine = {
  format: typeof ANCHOR_FORMAT;
  seq: number;
  at: string;
  /** sha256 of the previous line's text (64 zeros for the first line). */
  prev: string;
  legacy: LegacyCount;
  heads: AnchorHead[];
  /** Which signing key (sha256 of its public key, shortened). */
  keyId: string;
  signature: string;
};

type UnsignedLine = Omit<AnchorLine, "signature">;

export function anchorKeyId(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("base64url")
    .slice(0, 16);
}

/** The text that is signed: the line without its signature, members in a fixed order. */
function signedText(line: UnsignedLine): string {
  return JSON.stringify({
    format: line.format,
    seq: line.seq,
    at: line.at,
    prev: line.prev,
    legacy: { count: line.legacy.count, maxEntryId: line.legacy.maxEntryId },
    heads: line.heads.map((head) => ({
      patientId: head.patientId,
      entryId: head.entryId,
      hash: head.hash,
      occurredAt: head.occurredAt,
    })),
    keyId: line.keyId,
  });
}

export function lineText(line: AnchorLine): string {
  const unsigned = JSON.parse(signedText(line)) as UnsignedLine;
  return JSON.stringify({ ...unsigned, signature: line.signature });
}

export function signAnchorLine(unsigned: UnsignedLine, privateKey: KeyObject): AnchorLine {
  return { ...unsigned, signature: sign(null, Buffer.from(signedText(unsigned)), privateKey).toString("base64url") };
}

const lineHash = (text: string) => createHash("sha256").update(text).digest("hex");

// --- Reading the database --------------------------------------------------------------------

/** The newest entry of every chain: one index scan per chain (index on patientId, id desc). */
export async function readChainHeads(db: Db): Promise<AnchorHead[]> {
  const rows = await db.$queryRaw<{ patientId: string | null; id: bigint; hash: string; occurredAt: Date }[]>`
    SELECT DISTINCT ON ("patientId") "patientId", "id", "hash", "occurredAt"
    FROM "AccessLogEntry"
    ORDER BY "patientId" NULLS FIRST, "id" DESC`;
  return rows.map((row) => ({
    patientId: row.patientId,
    entryId: row.id.toString(),
    hash: row.hash,
    occurredAt: row.occurredAt.toISOString(),
  }));
}

export async function readLegacyCount(db: Db): Promise<LegacyCount> {
  const [row] = await db.$queryRaw<{ count: bigint; maxId: bigint | null }[]>`
    SELECT count(*) AS "count", max("id") AS "maxId" FROM "AccessLogEntry" WHERE "linkVersion" = ${LINK_VERSION.sha256}`;
  return { count: Number(row?.count ?? 0), maxEntryId: row?.maxId?.toString() ?? null };
}

// --- The file --------------------------------------------------------------------------------

export type AnchorFile = {
  lines: AnchorLine[];
  /** The text of the last line, which the next line chains to. */
  lastText: string | null;
  /** Problems found reading it: a line that does not parse, verify or chain. */
  problems: string[];
};

/** Reads and checks every line: format, signature, sequence and the chain of line hashes. */
export function readAnchorFile(path: string, publicKey: KeyObject): AnchorFile {
  if (!existsSync(path)) return { lines: [], lastText: null, problems: [] };
  const texts = readFileSync(path, "utf8").split("\n");
  if (texts.at(-1) === "") texts.pop();
  const lines: AnchorLine[] = [];
  const problems: string[] = [];
  let prev = GENESIS_HASH;
  texts.forEach((text, index) => {
    const where = `line ${index + 1}`;
    let line: AnchorLine;
    try {
      line = JSON.parse(text) as AnchorLine;
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    if (line?.format !== ANCHOR_FORMAT || !Array.isArray(line.heads) || typeof line.signature !== "string") {
      problems.push(`${where}: not an anchor line`);
      return;
    }
    const signedOk = verify(null, Buffer.from(signedText(line)), publicKey, Buffer.from(line.signature, "base64url"));
    if (!signedOk) problems.push(`${where}: signature does not verify with the anchor key ${anchorKeyId(publicKey)}`);
    if (line.seq !== index + 1) problems.push(`${where}: sequence number ${line.seq}, expected ${index + 1}`);
    if (line.prev !== prev)
      problems.push(`${where}: does not chain to the line before it (a line was removed or changed)`);
    prev = lineHash(text);
    lines.push(line);
  });
  return { lines, lastText: texts.at(-1) ?? null, problems };
}

export type AnchorRun = { ok: true; line: AnchorLine } | { ok: false; problems: string[] };

/**
 * Appends the current heads. Refuses (and writes nothing) when the file is not intact, when a
 * head the previous line anchored is gone or changed (a cut tail or an edit), or when legacy
 * entries were added since the first anchor.
 */
export async function anchorChainHeads(
  db: Db,
  options: { file: string; privateKey: KeyObject; now?: Date },
): Promise<AnchorRun> {
  const publicKey = createPublicKey(options.privateKey);
  const file = readAnchorFile(options.file, publicKey);
  if (file.problems.length > 0) return { ok: false, problems: file.problems.map((p) => `anchor file ${p}`) };
  const previous = file.lines.at(-1);

  const [heads, legacyNow] = await Promise.all([readChainHeads(db), readLegacyCount(db)]);
  const problems = previous ? (await missingAnchoredHeads(db, previous)).map(describeProblem) : [];
  // The first anchor fixes the legacy entries; later ones carry that count forward unchanged.
  const legacy = previous?.legacy ?? legacyNow;
  if (legacyNow.count !== legacy.count || legacyNow.maxEntryId !== legacy.maxEntryId) {
    problems.push(
      `${legacyNow.count} entries have an unkeyed link (the first anchor counted ${legacy.count}): entries were forged or removed`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const line = signAnchorLine(
    {
      format: ANCHOR_FORMAT,
      seq: (previous?.seq ?? 0) + 1,
      at: (options.now ?? new Date()).toISOString(),
      prev: file.lastText === null ? GENESIS_HASH : lineHash(file.lastText),
      legacy,
      heads,
      keyId: anchorKeyId(options.privateKey),
    },
    options.privateKey,
  );
  appendFileSync(options.file, `${lineText(line)}\n`, { mode: 0o640 });
  return { ok: true, line };
}

/** Heads of an anchor line that are no longer in the database, or not with the anchored link. */
export async function missingAnchoredHeads(db: Db, line: AnchorLine): Promise<ChainProblem[]> {
  if (line.heads.length === 0) return [];
  const ids = line.heads.map((head) => head.entryId);
  const rows = await db.$queryRaw<{ id: bigint; patientId: string | null; hash: string }[]>`
    SELECT "id", "patientId", "hash" FROM "AccessLogEntry" WHERE "id" = ANY(${ids}::bigint[])`;
  const found = new Map(rows.map((row) => [row.id.toString(), row]));
  const problems: ChainProblem[] = [];
  for (const head of line.heads) {
    const row = found.get(head.entryId);
    const where = { patientId: head.patientId, entryId: head.entryId };
    if (!row || chainKey(row.patientId) !== chainKey(head.patientId)) {
      problems.push({
        kind: "cut_tail",
        ...where,
        detail: `anchored at ${line.at} (anchor line ${line.seq}) as the chain's newest entry, and now gone: entries were removed from the end of the chain`,
      });
    } else if (row.hash !== head.hash) {
      problems.push({
        kind: "anchor_mismatch",
        ...where,
        detail: `its link differs from the one anchored at ${line.at} (anchor line ${line.seq})`,
      });
    }
  }
  return problems;
}
