// Vitest global setup of the integration project: one freshly migrated PostgreSQL for the run.
// - DATABASE_URL set (CI, or a developer's own server): a dedicated database `<name>_test`
//   next to it, dropped and recreated, so a run never touches the developer's data;
// - otherwise: a throw-away embedded PostgreSQL server in a temporary folder (ADR 0010), started
//   for the run and removed afterwards (npm test starts one for the whole run and passes it in
//   as DATABASE_URL, so this branch serves `npx vitest` on its own).
// The files then run one at a time (fileParallelism: false) against it, each test emptying it
// with resetDatabase() from tests/support/database.ts.
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../scripts/db/migrate";
import { startThrowAwayCluster } from "../../scripts/db/postgres-server";
import { recreateDatabase, siblingDatabaseUrl } from "../../scripts/db/sibling-database";

/** The access log's HMAC key in the integration tests: fixed, so a failure can be replayed. */
export const TEST_AUDIT_CHAIN_KEY = "integration-tests-audit-chain-key-0000000000";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL of the run's test database. */
    databaseUrl: string;
    /** Pool size for the test clients of it. */
    databasePoolMax: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.DATABASE_URL;
  const poolMax = Number(process.env.DATABASE_POOL_MAX ?? 5);
  let serverUrl = configured;
  let teardown = async () => {};
  if (!serverUrl) {
    const cluster = await startThrowAwayCluster("vitest");
    serverUrl = cluster.url;
    teardown = () => cluster.stop();
  }
  const target = siblingDatabaseUrl(serverUrl, "test");
  let databaseUrl: string;
  try {
    await recreateDatabase(serverUrl, target.name);
    databaseUrl = target.url;
  } catch (error) {
    await teardown();
    throw error;
  }

  try {
    await migrateDatabase(databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }

  // Test files read the URL through inject("databaseUrl"); application modules that read
  // lib/env.ts (lib/db.ts) see it as DATABASE_URL, since the workers start after this runs.
  project.provide("databaseUrl", databaseUrl);
  project.provide("databasePoolMax", poolMax);
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_MAX = String(poolMax);
  // The tests seed and sign in to the demo world, which is never on by default with a
  // DATABASE_URL (tests/integration/demo-world-decision.test.ts checks that default itself).
  process.env.DEMO_WORLD ??= "true";
  // One chain key for the portal's code and the audit:* commands the tests run (ADR 0016).
  process.env.AUDIT_CHAIN_KEY ??= TEST_AUDIT_CHAIN_KEY;
  return teardown;
}
