// `npm run db:migrate`: applies prisma/migrations to the database, exactly as
// `prisma migrate deploy` does (same engine, same `_prisma_migrations` bookkeeping, ADR 0002):
// each pending migration once, in folder order, hand-written SQL included. A second run
// applies nothing.
import { pathToFileURL } from "node:url";
import { displayPath, migrationsDir } from "./config";
import { withCommandDatabase } from "./command-database";
import { withDataDirLock } from "./embedded";
import { describeEngineError, noFilter, openSchemaEngine, readMigrationsList } from "./schema-engine";

/** Applies the pending migrations to `databaseUrl`; returns the names it applied, in order. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
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

/**
 * migrateDatabase for the tools: on the embedded database of `embeddedDataDir`, one process at a
 * time (the engine's own advisory lock cannot tell its connections apart there, ADR 0005).
 */
export async function migrateSerialized(databaseUrl: string, embeddedDataDir: string | undefined): Promise<string[]> {
  if (!embeddedDataDir) return migrateDatabase(databaseUrl);
  return withDataDirLock(
    embeddedDataDir,
    "migrate",
    () => migrateDatabase(databaseUrl),
    (message) => console.log(`${message} …`),
  );
}

/** One progress line for what migrateDatabase did. */
export function describeMigrationResult(applied: string[]): string {
  if (applied.length === 0) return "Database schema is up to date (no pending migrations).";
  return `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`;
}

async function main(): Promise<void> {
  await withCommandDatabase(async ({ url, embeddedDataDir }) => {
    console.log(`Applying ${displayPath(migrationsDir)} …`);
    console.log(describeMigrationResult(await migrateSerialized(url, embeddedDataDir)));
  });
}

// Run as a command (not when imported by npm start or the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
