// The access log is append-only at the database level and tamper-evident (ADR 0004, 0016):
// UPDATE, DELETE and TRUNCATE are refused by the database itself; what someone who can bypass
// that does (here: `session_replication_role = replica`, as a superuser or table owner could)
// is reported by verifyAccessLog / `npm run audit:verify`, each way of tampering as its own kind:
// an edited row, a removed entry, a forged append (a link computed without the chain key), a
// cut tail (against the latest anchor of `npm run audit:anchor`).
import { execFile } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { anchorChainHeads, readAnchorFile } from "@/lib/audit/anchor";
import { GENESIS_HASH, LINK_VERSION, hmacLink, sha256Link, type ChainedFields } from "@/lib/audit/chain";
import { appendAccessLogEntry } from "@/lib/audit/log";
import { verifyAccessLog } from "@/lib/audit/verify";
import type { Prisma } from "@/lib/generated/prisma/client";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { testChainKey } from "@/tests/support/audit";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const key = testChainKey();
const { an, bart, chris } = demoIds.patients;
const nina = { personId: demoIds.users.nina, activeRole: "NURSE" as const };

class Rollback extends Error {}

/**
 * Runs `tamper` the way an attacker with full database rights would (ordinary triggers, the
 * append-only ones included, do not fire under `session_replication_role = replica`), then
 * `inspect`, then rolls it all back.
 */
async function whileTampered<T>(
  tamper: (tx: Prisma.TransactionClient) => Promise<unknown>,
  inspect: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await expect(
    db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tamper(tx);
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = DEFAULT");
      result = await inspect(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
  return result as T;
}

/** The same, committed: for the commands, which see only committed data. */
async function tamperCommitted(tamper: (tx: Prisma.TransactionClient) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tamper(tx);
  });
}

async function logSome(patientId: string, count: number): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const requestId = `audit-${randomUUID()}`;
    await authorizePatientAccess({ actor: nina, patientId, action: "READ_HEALTH", requestId, db });
    ids.push((await db.accessLogEntry.findFirstOrThrow({ where: { requestId } })).id);
  }
  return ids;
}

/** An entry as an attacker without the key would append it: correct prevHash, sha256 link. */
async function appendForged(tx: Prisma.TransactionClient, patientId: string, linkVersion: number) {
  const [last] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" = ${patientId} ORDER BY "id" DESC LIMIT 1`;
  const fields = {
    occurredAt: new Date(),
    requestId: `forged-${randomUUID()}`,
    actorId: demoIds.users.frank,
    actorRole: "DOCTOR" as const,
    patientId,
    action: "READ_HEALTH",
    decision: "ALLOW" as const,
    reason: "therapeutic_relation",
    emergencyAccessId: null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return tx.accessLogEntry.create({
    data: { ...fields, prevHash, hash: sha256Link(prevHash, fields), linkVersion },
    select: { id: true },
  });
}

const verify = (tx: Prisma.TransactionClient = db, anchor?: Parameters<typeof verifyAccessLog>[1]["anchor"]) =>
  verifyAccessLog(tx, { key, anchor });

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("append-only at the database level", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [id] = await logSome(an, 1);
    await expect(db.$executeRaw`UPDATE "AccessLogEntry" SET "reason" = 'self' WHERE "id" = ${id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "AccessLogEntry" WHERE "id" = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AccessLogEntry"`)).rejects.toThrow(/append-only/);
    await expect(db.accessLogEntry.updateMany({ where: { id }, data: { decision: "DENY" } })).rejects.toThrow();
    await expect(db.accessLogEntry.deleteMany({ where: { id } })).rejects.toThrow();
    expect(await db.accessLogEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      decision: "ALLOW",
      reason: "care_team",
    });
  });
});

describe("keyed chain", () => {
  it("links every new entry with the chain key, one insert per entry", async () => {
    const [id] = await logSome(an, 1);
    const row = await db.accessLogEntry.findUniqueOrThrow({ where: { id } });
    expect(row.linkVersion).toBe(LINK_VERSION.hmac);
    expect(row.hash).toBe(hmacLink(key, row.prevHash, row));
    expect(row.hash).not.toBe(sha256Link(row.prevHash, row));
  });

  it("verifies a log built by concurrent appends to several chains", async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.$transaction((tx) =>
          appendAccessLogEntry(tx, {
            requestId: `audit-${i}`,
            actorId: nina.personId,
            actorRole: "NURSE",
            patientId: [an, bart, null][i % 3]!,
            action: "READ_HEALTH",
            decision: "ALLOW",
            reason: "care_team",
          }),
        ),
      ),
    );
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it("does not verify with another key", async () => {
    await logSome(an, 1);
    const result = await verifyAccessLog(db, { key: Buffer.from("another-key-another-key-another-key!") });
    expect(result.ok).toBe(false);
    expect(result.problems.every((problem) => problem.kind === "edited")).toBe(true);
  });

  it("reports an edited row", async () => {
    const [, second] = await logSome(an, 3);
    const result = await whileTampered(
      (tx) =>
        tx.$executeRaw`UPDATE "AccessLogEntry" SET "decision" = 'DENY', "reason" = 'no_relation' WHERE "id" = ${second}`,
      (tx) => verify(tx),
    );
    expect(result.problems).toEqual([
      { kind: "edited", entryId: String(second), patientId: an, detail: "its content does not match its link" },
    ]);
  });

  it("reports a removed entry at its successor", async () => {
    const [, middle, last] = await logSome(bart, 3);
    const result = await whileTampered(
      (tx) => tx.$executeRaw`DELETE FROM "AccessLogEntry" WHERE "id" = ${middle}`,
      (tx) => verify(tx),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: "broken_link", entryId: String(last), patientId: bart }),
    ]);
  });

  it("reports an edit whose link was recomputed without the key as forged", async () => {
    const [edited] = await logSome(an, 2);
    const result = await whileTampered(
      async (tx) => {
        const row = await tx.accessLogEntry.findUniqueOrThrow({ where: { id: edited } });
        const forged = sha256Link(row.prevHash, { ...row, reason: "self" });
        await tx.$executeRaw`UPDATE "AccessLogEntry" SET "reason" = 'self', "hash" = ${forged} WHERE "id" = ${edited}`;
      },
      (tx) => verify(tx),
    );
    expect(result.problems).toEqual([expect.objectContaining({ kind: "forged", entryId: String(edited) })]);
  });

  it("reports a forged append, whichever link version it claims", async () => {
    await logSome(an, 2);
    for (const linkVersion of [LINK_VERSION.hmac, LINK_VERSION.sha256]) {
      let forgedId = "";
      const result = await whileTampered(
        async (tx) => (forgedId = String((await appendForged(tx, an, linkVersion)).id)),
        (tx) => verify(tx),
      );
      expect(result.problems).toEqual([expect.objectContaining({ kind: "forged", entryId: forgedId, patientId: an })]);
    }
  });

  it("reports a forged chain for a patient that had none", async () => {
    const someone = "pat-nobody-yet";
    const result = await whileTampered(
      (tx) => appendForged(tx, someone, LINK_VERSION.sha256),
      (tx) => verify(tx),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: "forged",
        patientId: someone,
        detail: expect.stringMatching(/after the log's first keyed entry/),
      }),
    ]);
  });
});

describe("entries from before the key (link version 1)", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedDemoWorld(db);
  });

  /** What the portal wrote before ADR 0016: sha256 links, no version (the column's default 1). */
  async function writeLegacy(patientId: string, count: number): Promise<void> {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const [last] = await tx.$queryRaw<{ hash: string }[]>`
          SELECT "hash" FROM "AccessLogEntry" WHERE "patientId" = ${patientId} ORDER BY "id" DESC LIMIT 1`;
        const fields: ChainedFields = {
          occurredAt: new Date(),
          requestId: `legacy-${randomUUID()}`,
          actorId: nina.personId,
          actorRole: "NURSE",
          patientId,
          action: "READ_HEALTH",
          decision: "ALLOW",
          reason: "care_team",
          emergencyAccessId: null,
        };
        const prevHash = last?.hash ?? GENESIS_HASH;
        await tx.$executeRaw`
          INSERT INTO "AccessLogEntry" ("occurredAt", "requestId", "actorId", "actorRole", "patientId", "action", "decision", "reason", "prevHash", "hash")
          VALUES (${fields.occurredAt}, ${fields.requestId}, ${fields.actorId}, 'NURSE', ${patientId}, ${fields.action}, 'ALLOW', ${fields.reason}, ${prevHash}, ${sha256Link(prevHash, fields)})`;
      }
    });
  }

  it("stay verifiable, and a chain goes on from them with keyed links", async () => {
    await writeLegacy(an, 3);
    await writeLegacy(chris, 2);
    expect(await db.accessLogEntry.count({ where: { linkVersion: LINK_VERSION.sha256 } })).toBe(5);
    await logSome(an, 2);
    await logSome(bart, 1);
    expect(await verify()).toMatchObject({ ok: true, entries: 8, chains: 3 });
  });

  it("are still checked: an edited legacy entry is reported", async () => {
    await writeLegacy(an, 2);
    await logSome(an, 1);
    const [first] = await db.accessLogEntry.findMany({ where: { patientId: an }, orderBy: { id: "asc" }, take: 1 });
    const result = await whileTampered(
      (tx) => tx.$executeRaw`UPDATE "AccessLogEntry" SET "reason" = 'self' WHERE "id" = ${first!.id}`,
      (tx) => verify(tx),
    );
    expect(result.problems).toEqual([expect.objectContaining({ kind: "edited", entryId: String(first!.id) })]);
  });
});

describe("anchors", () => {
  let dir: string;
  let file: string;
  const privateKey = generateKeyPairSync("ed25519").privateKey;

  beforeEach(async () => {
    await resetDatabase();
    await seedDemoWorld(db);
    dir = mkdtempSync(path.join(tmpdir(), "audit-anchors-"));
    file = path.join(dir, "anchors.jsonl");
  });

  const latestAnchor = () => readAnchorFile(file, privateKey).lines.at(-1)!;

  it("writes one signed line per run, each chained to the one before", async () => {
    await logSome(an, 2);
    await logSome(bart, 1);
    const first = await anchorChainHeads(db, { file, privateKey });
    expect(first).toMatchObject({ ok: true, line: { seq: 1, legacy: { count: 0 } } });
    const heads = first.ok ? first.line.heads : [];
    expect(heads.map((head) => head.patientId).sort()).toEqual([an, bart].sort());
    await logSome(an, 1);
    expect(await anchorChainHeads(db, { file, privateKey })).toMatchObject({ ok: true, line: { seq: 2 } });

    const read = readAnchorFile(file, privateKey);
    expect(read.problems).toEqual([]);
    expect(read.lines.map((line) => line.seq)).toEqual([1, 2]);
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("show a cut tail that the chains alone cannot show", async () => {
    const ids = await logSome(an, 3);
    await anchorChainHeads(db, { file, privateKey });
    const newest = ids.at(-1)!;
    const result = await whileTampered(
      (tx) => tx.$executeRaw`DELETE FROM "AccessLogEntry" WHERE "id" = ${newest}`,
      async (tx) => ({ withoutAnchor: await verify(tx), withAnchor: await verify(tx, latestAnchor()) }),
    );
    // What is left is a perfectly linked, shorter chain.
    expect(result.withoutAnchor).toMatchObject({ ok: true });
    expect(result.withAnchor.problems).toEqual([
      expect.objectContaining({ kind: "cut_tail", patientId: an, entryId: String(newest) }),
    ]);
  });

  it("refuse to anchor a cut log, and write nothing", async () => {
    const ids = await logSome(chris, 2);
    await anchorChainHeads(db, { file, privateKey });
    const before = readFileSync(file, "utf8");
    await tamperCommitted((tx) => tx.$executeRaw`DELETE FROM "AccessLogEntry" WHERE "id" = ${ids.at(-1)!}`);
    const run = await anchorChainHeads(db, { file, privateKey });
    expect(run).toEqual({ ok: false, problems: [expect.stringMatching(/^CUT TAIL: entry \d+ of patient pat-chris/)] });
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("fix the number of legacy entries at the first anchor", async () => {
    await logSome(an, 1);
    await anchorChainHeads(db, { file, privateKey });
    // A legacy-looking entry added later, with an id below the first keyed one (as a gap left by
    // a rolled-back transaction could allow): the anchor's count still exposes it.
    const result = await whileTampered(
      async (tx) => {
        const forged = await appendForged(tx, bart, LINK_VERSION.sha256);
        await tx.$executeRaw`UPDATE "AccessLogEntry" SET "id" = 0 WHERE "id" = ${forged.id}`;
      },
      (tx) => verify(tx, latestAnchor()),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: "forged",
        patientId: bart,
        detail: expect.stringMatching(/first anchor did not count/),
      }),
    ]);
  });

  it("report an anchor file that was edited or lost a line", async () => {
    await logSome(an, 1);
    for (let i = 0; i < 3; i++) await anchorChainHeads(db, { file, privateKey });
    const lines = readFileSync(file, "utf8").trim().split("\n");

    writeFileSync(file, `${[lines[0], lines[2]].join("\n")}\n`);
    expect(readAnchorFile(file, privateKey).problems).toEqual([
      "line 2: sequence number 3, expected 2",
      "line 2: does not chain to the line before it (a line was removed or changed)",
    ]);

    writeFileSync(file, `${[lines[0], lines[1]!.replace(/"hash":"[0-9a-f]/, '"hash":"x'), lines[2]].join("\n")}\n`);
    expect(readAnchorFile(file, privateKey).problems).toEqual([
      expect.stringMatching(/^line 2: signature does not verify/),
      "line 3: does not chain to the line before it (a line was removed or changed)",
    ]);
    expect(await anchorChainHeads(db, { file, privateKey })).toMatchObject({ ok: false });

    const otherKey = generateKeyPairSync("ed25519").privateKey;
    writeFileSync(file, `${lines.join("\n")}\n`);
    expect(readAnchorFile(file, otherKey).problems).toHaveLength(3);
  });
});

describe("the commands", () => {
  const run = promisify(execFile);
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await resetDatabase();
    await seedDemoWorld(db);
    const dir = mkdtempSync(path.join(tmpdir(), "audit-commands-"));
    const keyFile = path.join(dir, "anchor-key.pem");
    writeFileSync(keyFile, generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }));
    env = { ...process.env, AUDIT_ANCHOR_KEY_FILE: keyFile, AUDIT_ANCHOR_FILE: path.join(dir, "anchors.jsonl") };
  });

  const command = (name: "audit-verify" | "audit-anchor") =>
    run("node_modules/.bin/tsx", [`scripts/${name}.ts`], { env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("audit:verify says OK, audit:anchor anchors, then a cut tail, an edit and a forged append are each reported", async () => {
    const anIds = await logSome(an, 3);
    const bartIds = await logSome(bart, 2);
    await logSome(chris, 2);

    const ok = await command("audit-verify");
    expect(ok).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/audit:verify OK: 7 entries in 3 chains.*no anchor yet/),
    });
    expect(await command("audit-anchor")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/line 1 with 3 chain heads/),
    });
    expect((await command("audit-verify")).stdout).toMatch(/audit:verify OK.*heads of anchor 1/);

    await tamperCommitted(async (tx) => {
      await tx.$executeRaw`DELETE FROM "AccessLogEntry" WHERE "id" = ${anIds.at(-1)!}`;
      await tx.$executeRaw`UPDATE "AccessLogEntry" SET "reason" = 'self' WHERE "id" = ${bartIds[0]!}`;
      await appendForged(tx, chris, LINK_VERSION.hmac);
    });
    const broken = await command("audit-verify");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("audit:verify BROKEN: 3 problem(s)");
    expect(broken.stdout).toContain(`EDITED: entry ${bartIds[0]} of patient ${bart}`);
    expect(broken.stdout).toMatch(
      /FORGED: entry \d+ of patient pat-chris: its link was computed without the chain key/,
    );
    expect(broken.stdout).toContain(`CUT TAIL: entry ${anIds.at(-1)} of patient ${an}`);

    const refused = await command("audit-anchor");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("audit:anchor REFUSED");
    // Six runs of a TypeScript command on a shared 2-core machine.
  }, 240_000);
});
