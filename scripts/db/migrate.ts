// `npm run db:migrate`: applies prisma/migrations to the database, exactly as
// `prisma migrate deploy` does (same engine, same `_prisma_migrations` bookkeeping, ADR 0002):
// each pending migration once, in folder order, hand-written SQL included. A second run
// applies nothing. Two runs at once (two portal instances starting, a db:migrate beside npm
// start) are kept apart by an advisory lock of our own: the second waits, then finds nothing to
// apply. The engine takes Prisma's lock too, but gives up after 10 s, so on a slow machine the
// second run failed ("Timed out trying to acquire a postgres advisory lock") instead of waiting.
import { pathToFileURL } from "node:url";
import pg from "pg";
import { displayPath, migrationsDir } from "./config";
import { withCommandDatabase } from "./command-database";
import { describeEngineError, noFilter, openSchemaEngine, readMigrationsList } from "./schema-engine";

/** Our own lock key, next to Prisma's 72707369; session-level, held for the whole run. */
const MIGRATION_LOCK_KEY = 72707370;
const MIGRATION_LOCK_WAIT = "10min";

/** Applies the pending migrations to `databaseUrl`; returns the names it applied, in order. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query(`SET lock_timeout = '${MIGRATION_LOCK_WAIT}'`);
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await applyPendingMigrations(databaseUrl);
  } finally {
    // Ending the session releases the lock, also when applying failed.
    await lock.end();
  }
}

async function applyPendingMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const migrationsList = await readMigrationsList();
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return appliedMigrationNames;
  } catch (error) {
    throw new Error(`Migrating the database failed: ${describeEngineError(error)}`);
  } finally {
    await close();
  }
}

/** One progress line for what migrateDatabase did. */
export function describeMigrationResult(applied: string[]): string {
  if (applied.length === 0) return "Database schema is up to date (no pending migrations).";
  return `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`;
}

async function main(): Promise<void> {
  await withCommandDatabase(async ({ ownerUrl }) => {
    console.log(`Applying ${displayPath(migrationsDir)} …`);
    console.log(describeMigrationResult(await migrateDatabase(ownerUrl)));
  });
}

// Run as a command (not when imported by npm start or the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
