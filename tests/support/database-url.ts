// Which database this Vitest worker's integration tests use: tests/support/global-setup.ts made
// one per worker. Apart from tests/support/database.ts so that the setup file of every test
// (tests/support/vitest-setup.ts) can read it without loading the database client.
import { inject } from "vitest";

/** This worker's test database (tests/support/global-setup.ts made one per worker). */
export function testDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  if (!urls?.length) throw new Error("No test database: run integration tests through the Vitest integration project");
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  const url = urls[worker - 1];
  if (!url) throw new Error(`No test database for Vitest worker ${worker} (${urls.length} made)`);
  return url;
}
