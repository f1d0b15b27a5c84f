// Paths and settings of the database tooling. Scripts are not the application: lib/env.ts stays
// the only reader of process.env inside the portal, and this file is its counterpart for the
// command-line tools (npm start, npm run db:*), which also read PORT and PORTAL_DATA_DIR.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Next reads .env.local and .env itself; the scripts must see the same settings, or a
// DATABASE_URL in .env would reach Next but not `npm start`, which would then start the
// embedded database and hand Next that one instead. The environment wins over both files,
// .env.local over .env (loadEnvFile never overwrites a variable that is already set).
for (const file of [".env.local", ".env"]) {
  const envPath = path.join(repoRoot, file);
  if (existsSync(envPath)) process.loadEnvFile(envPath);
}
export const schemaPath = path.join(repoRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

/** Folder of the embedded database and the portal's local secrets (gitignored `.data`). */
export function portalDataDir(): string {
  const configured = process.env.PORTAL_DATA_DIR;
  return path.resolve(repoRoot, configured && configured !== "" ? configured : ".data");
}

/** The PostgreSQL the user configured, or undefined for the embedded one. */
export function configuredDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && url !== "" ? url : undefined;
}

/**
 * The owner role's URL for migrations on a real PostgreSQL (ADR 0010): MIGRATION_DATABASE_URL,
 * or DATABASE_URL when the portal and its migrations use the same role.
 */
export function configuredMigrationUrl(): string | undefined {
  const url = process.env.MIGRATION_DATABASE_URL;
  return url && url !== "" ? url : configuredDatabaseUrl();
}

/** A path relative to the repository when it lies inside it: shorter progress lines. */
export function displayPath(absolute: string): string {
  const relative = path.relative(repoRoot, absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}

/** Hides the password of a connection string before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
