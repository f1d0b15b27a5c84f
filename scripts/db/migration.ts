// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes a database from what the migrations folder builds to what
// prisma/schema.prisma describes, the way `prisma migrate dev --create-only` would (ADR 0002).
//
// The wasm engine's own createMigration cannot reach a shadow database for PostgreSQL, so this
// asks it for `diff --from-migrations --to-schema --script` instead: the same engine and the
// same SQL renderer. The shadow database is a throw-away database on the command's server
// (DATABASE_URL's, or the embedded one, running or started for the command).
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { withCommandDatabase } from "./command-database";
import { displayPath, migrationsDir } from "./config";
import {
  describeEngineError,
  migrationLockContent,
  noFilter,
  openSchemaEngine,
  readMigrationsList,
  readSchema,
} from "./schema-engine";

/** Prisma's naming: lowercase, everything but letters, digits and underscores becomes "_". */
export function normalizeMigrationName(name: string): string {
  const normalized = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (normalized === "") throw new Error("Give the migration a name: npm run db:migration -- <name>");
  if (normalized.length > 200) throw new Error("The migration name is too long");
  return normalized;
}

function timestampOf(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * The folder's timestamp: now, but always after the newest existing migration, so that a new
 * migration is applied after every migration it was computed from (a hand-written migration
 * may carry a timestamp in the future).
 */
export function nextMigrationTimestamp(existing: string[], now: Date): string {
  const candidate = timestampOf(now);
  const newest = existing
    .map((name) => name.slice(0, 14))
    .filter((stamp) => /^\d{14}$/.test(stamp))
    .sort()
    .at(-1);
  if (!newest || candidate > newest) return candidate;
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(newest) ?? [];
  const next = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s) + 1));
  return timestampOf(next);
}

/**
 * The SQL from the migrations folder to schema.prisma, or null when they already agree.
 * `serverUrl` is any database on a server where a shadow database may be created.
 */
export async function pendingSchemaChanges(serverUrl: string): Promise<string | null> {
  const { engine, close } = await openSchemaEngine(serverUrl);
  try {
    const migrationsList = await readMigrationsList();
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", ...(await readSchema()) },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    // With exitCode requested the engine answers 2 for "there is a difference", 0 for none.
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } catch (error) {
    throw new Error(describeEngineError(error));
  } finally {
    await close();
  }
}

export async function writeMigration(folderName: string, sql: string): Promise<string> {
  const folder = path.join(migrationsDir, folderName);
  if (existsSync(folder)) throw new Error(`The migration folder already exists: ${displayPath(folder)}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql, "utf8");
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockfile)) await writeFile(lockfile, migrationLockContent, "utf8");
  return folder;
}

export async function createMigration(serverUrl: string, name: string, now = new Date()): Promise<string | null> {
  const normalized = normalizeMigrationName(name);
  const sql = await pendingSchemaChanges(serverUrl);
  if (sql === null) return null;
  const existing = (await readMigrationsList()).migrationDirectories.map((directory) => directory.path);
  return writeMigration(`${nextMigrationTimestamp(existing, now)}_${normalized}`, sql);
}

async function main(): Promise<void> {
  const name = process.argv.slice(2).join(" ");
  normalizeMigrationName(name);
  const folder = await withCommandDatabase(({ adminUrl }) => createMigration(adminUrl, name));
  if (folder === null) {
    console.log("Migrations already match prisma/schema.prisma: no changes, nothing written.");
  } else {
    console.log(`Wrote ${displayPath(path.join(folder, "migration.sql"))} — review it, then run npm run db:migrate.`);
  }
}

// Run as a command (not when imported by npm start or the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`db:migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
