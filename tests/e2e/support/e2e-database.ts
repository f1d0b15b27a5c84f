// The databases an end-to-end run owns. The run has one portal server per Playwright worker
// (playwright.config.ts), each with a database of its own, so that two workers never share a
// demo world: server/worker 0 on `<name>_e2e` (or the embedded server of .data/e2e), server/worker
// N on `<name>_e2e_N` (.data/e2e-N). Shared by scripts/e2e-server.ts (which recreates it) and the
// specs (which reseed it).
import { resolve } from "node:path";
import { siblingDatabaseUrl } from "../../../scripts/db/sibling-database";

/**
 * Which server this process belongs to: E2E_INDEX in scripts/e2e-server.ts, Playwright's
 * parallel index in a test worker (0 in the runner itself).
 */
export function e2eIndex(): number {
  const index = Number(process.env.E2E_INDEX ?? process.env.TEST_PARALLEL_INDEX ?? 0);
  if (!Number.isInteger(index) || index < 0) throw new Error(`Not a server index: ${index}`);
  return index;
}

export function e2eDatabaseUrl(databaseUrl: string, index = e2eIndex()): { url: string; name: string } {
  return siblingDatabaseUrl(databaseUrl, index === 0 ? "e2e" : `e2e_${index}`);
}

/** The embedded server's folder when no DATABASE_URL is set. */
export function e2eDataDir(index = e2eIndex()): string {
  return resolve(index === 0 ? ".data/e2e" : `.data/e2e-${index}`);
}

/** The environment for a command (tsx script) that must reach this worker's database. */
export function e2eCommandEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (process.env.DATABASE_URL) env.DATABASE_URL = e2eDatabaseUrl(process.env.DATABASE_URL).url;
  else env.PORTAL_DATA_DIR = e2eDataDir();
  return env;
}
