// The access log is append-only at the database level and tamper-evident: UPDATE, DELETE and
// TRUNCATE are refused by the database itself, and an edit made by someone who can bypass that
// (the table owner disabling the trigger) is reported by verifyAccessLog / `npm run audit:verify`.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { appendAccessLogEntry } from "@/lib/audit/log";
import { verifyAccessLog } from "@/lib/audit/verify";
import type { Prisma } from "@/lib/generated/prisma/client";
import { demoIds, seedDemoWorld } from "@/lib/demo-world/seed";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart } = demoIds.patients;
const nina = { personId: demoIds.users.nina, activeRole: "NURSE" as const };

class Rollback extends Error {}

/** Runs `tamper` as the table owner with the append-only triggers off, inspects, then rolls it all back. */
async function whileTampered<T>(
  tamper: (tx: Prisma.TransactionClient) => Promise<void>,
  inspect: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await expect(
    db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AccessLogEntry" DISABLE TRIGGER USER`);
      await tamper(tx);
      result = await inspect(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
  return result as T;
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

describe("per-patient hash chain", () => {
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
    expect(await verifyAccessLog(db)).toMatchObject({ ok: true });
  });

  it("reports an edited entry", async () => {
    const [first, second] = await logSome(an, 3);
    const result = await whileTampered(
      (tx) =>
        tx.$executeRaw`UPDATE "AccessLogEntry" SET "decision" = 'DENY', "reason" = 'no_relation' WHERE "id" = ${second}`.then(
          () => undefined,
        ),
      (tx) => verifyAccessLog(tx),
    );
    expect(result).toMatchObject({
      ok: false,
      broken: { entryId: String(second), patientId: an, problem: "hash_mismatch" },
    });
    expect(first).toBeLessThan(second!);
  });

  it("reports a removed entry at its successor", async () => {
    const [, middle, last] = await logSome(bart, 3);
    const result = await whileTampered(
      (tx) => tx.$executeRaw`DELETE FROM "AccessLogEntry" WHERE "id" = ${middle}`.then(() => undefined),
      (tx) => verifyAccessLog(tx),
    );
    expect(result).toMatchObject({
      ok: false,
      broken: { entryId: String(last), patientId: bart, problem: "prev_hash_mismatch" },
    });
  });

  it("reports an entry whose hash was recomputed after an edit (its successor no longer links)", async () => {
    const [edited, successor] = await logSome(an, 2);
    const result = await whileTampered(
      async (tx) => {
        const row = await tx.accessLogEntry.findUniqueOrThrow({ where: { id: edited } });
        const { entryHash } = await import("@/lib/audit/chain");
        const forged = { ...row, reason: "self" };
        await tx.$executeRaw`UPDATE "AccessLogEntry" SET "reason" = 'self', "hash" = ${entryHash(row.prevHash, forged)} WHERE "id" = ${edited}`;
      },
      (tx) => verifyAccessLog(tx),
    );
    expect(result).toMatchObject({ ok: false, broken: { entryId: String(successor), problem: "prev_hash_mismatch" } });
  });

  it("npm run audit:verify prints OK, then the first broken link with exit code 1", async () => {
    const run = promisify(execFile);
    const script = ["tsx", "scripts/audit-verify.ts"];
    const ok = await run("npx", script, { env: { ...process.env } });
    expect(ok.stdout).toMatch(/audit:verify OK/);

    const [id] = await logSome(an, 1);
    const original = await db.accessLogEntry.findUniqueOrThrow({ where: { id } });
    const setReason = (reason: string) =>
      db.$transaction([
        db.$executeRawUnsafe(`ALTER TABLE "AccessLogEntry" DISABLE TRIGGER USER`),
        db.$executeRaw`UPDATE "AccessLogEntry" SET "reason" = ${reason} WHERE "id" = ${id}`,
        db.$executeRawUnsafe(`ALTER TABLE "AccessLogEntry" ENABLE TRIGGER USER`),
      ]);
    await setReason("self");
    try {
      const broken = await run("npx", script, { env: { ...process.env } }).then(
        () => null,
        (error: { code: number; stdout: string }) => error,
      );
      expect(broken?.code).toBe(1);
      expect(broken?.stdout).toContain(`entry ${id} of patient ${an}`);
    } finally {
      // The log outlives this test: put the entry back so the shared database stays verifiable.
      await setReason(original.reason);
    }
    expect(await verifyAccessLog(db)).toMatchObject({ ok: true });
  });
});
