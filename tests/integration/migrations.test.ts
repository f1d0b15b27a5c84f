// The migration tooling (ADR 0002) and the test database harness:
// - migrations apply once each, in order, and applying them again changes nothing, neither
//   the schema nor the `_prisma_migrations` history `prisma migrate deploy` relies on;
// - the migrations folder builds exactly what prisma/schema.prisma describes (a schema change
//   without `npm run db:migration -- <name>` fails here, not in production);
// - resetDatabase() empties everything although the access log refuses TRUNCATE, and leaves
//   that refusal in force.
import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsDir } from "../../scripts/db/config";
import { migrateDatabase } from "../../scripts/db/migrate";
import { nextMigrationTimestamp, normalizeMigrationName, pendingSchemaChanges } from "../../scripts/db/migration";
import { resetDatabase, testDatabaseUrl, testPrisma } from "../support/database";

const migrationFolders = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Everything a migration can change, in a stable order, for before/after comparisons. */
async function schemaSnapshot(client: pg.Client) {
  const query = async (sql: string) => (await client.query(sql)).rows;
  return {
    columns: await query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public'
      ORDER BY table_name, column_name`),
    indexes: await query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
    constraints: await query(`
      SELECT c.conname, c.conrelid::regclass::text AS on_table, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' ORDER BY c.conname, on_table`),
    triggers: await query(`
      SELECT tgname, tgrelid::regclass::text AS on_table, pg_get_triggerdef(t.oid) AS definition
      FROM pg_trigger t WHERE NOT t.tgisinternal ORDER BY tgname`),
    functions: await query(`
      SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments, md5(p.prosrc) AS body
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' ORDER BY p.proname, arguments`),
    enums: await query(`
      SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
  };
}

async function migrationHistory(client: pg.Client) {
  const { rows } = await client.query(`
    SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, applied_steps_count, logs
    FROM _prisma_migrations ORDER BY migration_name`);
  return rows;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server, dropped after the file's tests. */
function freshDatabase(label: string) {
  const name = `fresh_${label}_${process.pid}_${Date.now()}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    create: () => withClient(testDatabaseUrl(), (client) => client.query(`CREATE DATABASE "${name}"`)),
    drop: () =>
      withClient(testDatabaseUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

describe("applying the migrations", () => {
  const fresh = freshDatabase("migrate");
  const racing = freshDatabase("race");

  beforeAll(async () => {
    await fresh.create();
    await racing.create();
  });

  afterAll(async () => {
    await fresh.drop();
    await racing.drop();
  });

  it("applies every migration folder once, in order, on a fresh database; a second run applies nothing and changes nothing", async () => {
    expect(migrationFolders.length).toBeGreaterThan(0);

    expect(await migrateDatabase(fresh.url)).toEqual(migrationFolders);
    const [schemaBefore, historyBefore] = await withClient(fresh.url, async (client) => [
      await schemaSnapshot(client),
      await migrationHistory(client),
    ]);
    expect(historyBefore.map((row) => row.migration_name)).toEqual(migrationFolders);
    expect(historyBefore.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
    expect(schemaBefore.columns.length).toBeGreaterThan(0);

    expect(await migrateDatabase(fresh.url)).toEqual([]);
    const [schemaAfter, historyAfter] = await withClient(fresh.url, async (client) => [
      await schemaSnapshot(client),
      await migrationHistory(client),
    ]);
    expect(schemaAfter).toEqual(schemaBefore);
    expect(historyAfter).toEqual(historyBefore);
  });

  it("has already migrated this run's test database completely, and shows it to application modules as DATABASE_URL", async () => {
    const url = testDatabaseUrl();
    // lib/db.ts reads DATABASE_URL: if the workers did not inherit the test URL, application
    // code under test would talk to whatever database the developer configured.
    expect(process.env.DATABASE_URL).toBe(url);
    const historyBefore = await withClient(url, migrationHistory);
    expect(historyBefore.map((row) => row.migration_name)).toEqual(migrationFolders);

    expect(await migrateDatabase(url)).toEqual([]);
    expect(await withClient(url, migrationHistory)).toEqual(historyBefore);
  });

  it("builds exactly what prisma/schema.prisma describes (run `npm run db:migration -- <name>` after a schema change)", async () => {
    expect(await pendingSchemaChanges(testDatabaseUrl())).toBeNull();
  });

  it("keeps two runs at once apart: one applies every migration, the other waits and finds nothing to do", async () => {
    // The schema engine takes PostgreSQL's advisory lock around applying; on the PGlite default
    // (ADR 0005, superseded by 0010) both runs were granted it and applied the same migration twice.
    const results = await Promise.all([migrateDatabase(racing.url), migrateDatabase(racing.url)]);
    const sorted = [...results].sort((a, b) => b.length - a.length);
    expect(sorted[0]).toEqual(migrationFolders);
    expect(sorted[1]).toEqual([]);
    const history = await withClient(racing.url, migrationHistory);
    expect(history.map((row) => row.migration_name)).toEqual(migrationFolders);
    expect(history.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
  });
});

describe("naming a new migration", () => {
  it("dates it now, or right after the newest folder when that one is dated later", () => {
    const now = new Date("2026-11-23T19:30:00Z");
    expect(nextMigrationTimestamp(["20261123191931_init"], now)).toBe("20261123193000");
    expect(nextMigrationTimestamp(["20261123191931_init", "20261123200100_facts"], now)).toBe("20261123200101");
    expect(nextMigrationTimestamp(["20261231235959_new_year"], now)).toBe("20270101000000");
    expect(nextMigrationTimestamp([], now)).toBe("20261123193000");
  });

  it("uses Prisma's naming and refuses an empty name", () => {
    expect(normalizeMigrationName("Add care-plan Notes!")).toBe("add_care_plan_notes");
    expect(() => normalizeMigrationName(" -- ")).toThrow(/name/);
  });
});

describe("resetDatabase", () => {
  it("empties every table, the append-only access log included, and leaves its TRUNCATE refusal in force", async () => {
    const prisma = testPrisma();
    await resetDatabase();
    await prisma.person.create({
      data: { id: "reset-check", insz: "85073003328", firstName: "Reset", lastName: "Check" },
    });
    await prisma.accessLogEntry.create({
      data: {
        requestId: "reset-check",
        action: "reset-check",
        decision: "DENY",
        reason: "reset-check",
        prevHash: "0".repeat(64),
        hash: "1".repeat(64),
      },
    });

    await resetDatabase();

    expect(await prisma.person.count()).toBe(0);
    expect(await prisma.accessLogEntry.count()).toBe(0);
    // The bypass was local to the reset's transaction: the log still refuses a plain TRUNCATE.
    await expect(prisma.$executeRawUnsafe('TRUNCATE TABLE "AccessLogEntry"')).rejects.toThrow(/append-only/);
  });
});
