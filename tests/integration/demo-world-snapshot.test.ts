// The integration tests' demo world comes from a copy of the real seed (tests/support/demo-world.ts).
// Proved here: a restore leaves exactly the tables the real seed leaves (every row of every table,
// the preserved ones kept as they were), a stale copy is not used, and a restore is one
// transaction like the seed.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { demoPatients } from "@/lib/demo-world/people";
import { demoIds, forgetDemoWorldSnapshot, seedDemoWorld } from "@/tests/support/demo-world";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();

/**
 * Every row of every table of the schema under test, as comparable text, by table; without the
 * moments a seed stamps as it inserts (createdAt, updatedAt), which differ between two seeds.
 */
async function everyRow(): Promise<Record<string, string[]>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  const rows: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const found = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT (to_jsonb(t) - 'createdAt' - 'updatedAt')::text AS row FROM "${tablename}" t ORDER BY 1`,
    );
    rows[tablename] = found.map(({ row }) => row);
  }
  return rows;
}

/** Reference texts get a new id at every real seed; the rest of their row is what counts. */
function withoutReferenceIds(rows: Record<string, string[]>): Record<string, string[]> {
  const strip = (list: string[] = []) => list.map((row) => row.replace(/"id": "[^"]*"/, "")).sort();
  return {
    ...rows,
    DeclarationVersion: strip(rows.DeclarationVersion),
    PrivacyStatementVersion: strip(rows.PrivacyStatementVersion),
  };
}

/** When the world of the copy was seeded for: a new real seed (and copy) changes it. */
async function seededFor(): Promise<Date> {
  const [row] = await db.$queryRawUnsafe<{ seeded_for: Date }[]>(`SELECT seeded_for FROM test_world.meta`);
  return row!.seeded_for;
}

beforeEach(async () => {
  await resetDatabase();
  await forgetDemoWorldSnapshot(db);
});

// A copy broken on purpose below must not reach the next file of this worker.
afterAll(() => forgetDemoWorldSnapshot(db));

describe("the demo world copy", () => {
  it("restores every row the real seed wrote, and undoes a test's changes", async () => {
    await seedDemoWorld(db); // the real seed, copied
    const seeded = await everyRow();
    expect(seeded.Person?.length).toBeGreaterThan(10);
    expect(seeded.NursingNote?.length).toBeGreaterThan(10);

    // What a test might do: change, add and delete rows of the world.
    await db.person.update({ where: { id: demoIds.patients.an }, data: { firstName: "Changed" } });
    await db.nursingNote.deleteMany({ where: { patientId: demoIds.patients.an } });
    await db.portalSession.deleteMany({});
    await db.patient.delete({ where: { id: demoIds.patients.bart } });

    const copiedAt = await seededFor();
    await seedDemoWorld(db); // from the copy, not a second real seed
    expect(await seededFor()).toEqual(copiedAt);
    expect(await everyRow()).toEqual(seeded);
  });

  it("stamps what the seed stamps as it inserts (createdAt) with the time of the restore", async () => {
    await seedDemoWorld(db);
    const seeded = await db.person.findUniqueOrThrow({ where: { id: demoIds.patients.an } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const restoring = new Date();
    await seedDemoWorld(db);
    const restored = await db.person.findUniqueOrThrow({ where: { id: demoIds.patients.an } });
    expect(restored.createdAt.getTime()).toBeGreaterThanOrEqual(restoring.getTime() - 5);
    expect(restored.createdAt.getTime()).toBeGreaterThan(seeded.createdAt.getTime());
    // A moment computed from the seed's day is not a stamp: it is copied as it was.
    const consent = await db.consentEvent.findUniqueOrThrow({ where: { id: "consent-an-001" } });
    expect(consent.occurredAt.getTime()).toBeLessThan(restoring.getTime() - 24 * 60 * 60_000);
  });

  it("keeps the preserved tables as the real seed does: the access log is not emptied", async () => {
    await seedDemoWorld(db);
    const before = await everyRow();
    await db.$executeRaw`
      INSERT INTO "AccessLogEntry" ("requestId", "action", "decision", "reason", "prevHash", "hash")
      VALUES ('snapshot-test', 'READ_HEALTH', 'DENY', 'snapshot-test', repeat('0', 64), repeat('1', 64))`;
    await seedDemoWorld(db);
    const after = await everyRow();
    expect(after.AccessLogEntry).toHaveLength((before.AccessLogEntry ?? []).length + 1);
    expect({ ...after, AccessLogEntry: [] }).toEqual({ ...before, AccessLogEntry: [] });
  });

  it("gives the same tables as the real seed, reference texts added where they were missing", async () => {
    await seedDemoWorld(db);
    const fromSeed = await everyRow();
    await resetDatabase(); // reference texts gone too
    await seedDemoWorld(db);
    expect(withoutReferenceIds(await everyRow())).toEqual(withoutReferenceIds(fromSeed));
  });

  it("is not used once it is older than a test may be: the real seed runs again", async () => {
    await seedDemoWorld(db);
    await db.$executeRawUnsafe(`UPDATE test_world.meta SET seeded_for = seeded_for - interval '1 hour'`);
    const stale = await seededFor();
    await seedDemoWorld(db);
    expect((await seededFor()).getTime()).toBeGreaterThan(stale.getTime() + 30 * 60_000);
    // The world's moments are relative to now again, not to an hour ago.
    const consent = await db.consentEvent.findFirstOrThrow({ where: { id: "consent-an-001" } });
    const expected = Date.now() - demoPatients.an.consentGivenDaysAgo! * 24 * 60 * 60_000;
    expect(Math.abs(consent.occurredAt.getTime() - expected)).toBeLessThan(60_000);
  });

  it("restores in one transaction: a failure half-way leaves the world as it was", async () => {
    await seedDemoWorld(db);
    const seeded = await everyRow();
    // A duplicate row in the copy of a table that comes late in the restore: its insert fails.
    await db.$executeRawUnsafe(`INSERT INTO test_world."PlannedVisit" SELECT * FROM test_world."PlannedVisit" LIMIT 1`);
    await db.person.update({ where: { id: demoIds.patients.an }, data: { firstName: "Kept" } });
    await expect(seedDemoWorld(db)).rejects.toThrow();
    const after = await everyRow();
    expect(after.Person).not.toEqual(seeded.Person);
    expect(after.Person?.some((row) => row.includes("Kept"))).toBe(true);
    expect(after.NursingNote).toEqual(seeded.NursingNote);
  });
});
