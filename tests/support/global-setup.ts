// Vitest global setup of the integration project: freshly migrated databases for the run.
// - DATABASE_URL set (CI, or a developer's own server): databases next to it, dropped and
//   recreated, so a run never touches the developer's data;
// - otherwise: a throw-away embedded PostgreSQL server in a temporary folder (ADR 0010), started
//   for the run and removed afterwards (npm test starts one for the whole run and passes it in
//   as DATABASE_URL, so this branch serves `npx vitest` on its own).
// `<name>_test` is migrated once, then copied (CREATE DATABASE ... TEMPLATE) into one database
// per Vitest worker, `<name>_test_1` ... `<name>_test_N`: the files run in parallel, each worker
// on its own database, and each test empties it with resetDatabase() (tests/support/database.ts).
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../scripts/db/migrate";
import { startThrowAwayCluster } from "../../scripts/db/postgres-server";
import { recreateDatabase, siblingDatabaseUrl } from "../../scripts/db/sibling-database";

/** The access log's HMAC key in the integration tests: fixed, so a failure can be replayed. */
export const TEST_AUDIT_CHAIN_KEY = "integration-tests-audit-chain-key-0000000000";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL of each worker's test database, for VITEST_POOL_ID 1..N. */
    databaseUrls: string[];
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
  const template = siblingDatabaseUrl(serverUrl, "test");
  // Pool ids run from 1 to the run's worker count, whichever project's file a worker runs.
  const workers = Math.max(Number(project.config.maxWorkers) || 1, Number(project.vitest.config.maxWorkers) || 1);
  const databaseUrls: string[] = [];
  try {
    await recreateDatabase(serverUrl, template.name);
    await migrateDatabase(template.url);
    for (let worker = 1; worker <= workers; worker++) {
      const copy = siblingDatabaseUrl(serverUrl, `test_${worker}`);
      await recreateDatabase(serverUrl, copy.name, template.name);
      databaseUrls.push(copy.url);
    }
  } catch (error) {
    await teardown();
    throw error;
  }

  // Test files read their worker's URL through testDatabaseUrl(); application modules that read
  // lib/env.ts (lib/db.ts) see it as DATABASE_URL, which tests/support/vitest-setup.ts sets in
  // each worker before a test file loads.
  project.provide("databaseUrls", databaseUrls);
  project.provide("databasePoolMax", poolMax);
  process.env.DATABASE_URL = databaseUrls[0];
  process.env.DATABASE_POOL_MAX = String(poolMax);
  // The tests seed and sign in to the demo world, which is never on by default with a
  // DATABASE_URL (tests/integration/demo-world-decision.test.ts checks that default itself).
  process.env.DEMO_WORLD ??= "true";
  // One chain key for the portal's code and the audit:* commands the tests run (ADR 0016).
  process.env.AUDIT_CHAIN_KEY ??= TEST_AUDIT_CHAIN_KEY;
  return teardown;
}
