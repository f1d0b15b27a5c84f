// `npm run db:migrate`: applies prisma/migrations to the database, exactly as
// `prisma migrate deploy` does (same engine, same `_prisma_migrations` bookkeeping, ADR 0002):
// each pending migration once, in folder order, hand-written SQL included. A second run
// applies nothing.
import { displayPath, migrationsDir } from "./config";
import { withCommandDatabase } from "./command-database";
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

/** One progress line for what migrateDatabase did. */
export function describeMigrationResult(applied: string[]): string {
  if (applied.length === 0) return "Database schema is up to date (no pending migrations).";
  return `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`;
}

async function main(): Promise<void> {
  await withCommandDatabase(async (url) => {
    console.log(`Applying ${displayPath(migrationsDir)} …`);
    console.log(describeMigrationResult(await migrateDatabase(url)));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
