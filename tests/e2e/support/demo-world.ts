// Resets the end-to-end portal's database to the exact demo world, for specs that change state
// (accepting a declaration, breaking the glass, getting suspended), on the same database
// scripts/e2e-server.ts gave the portal. The access log survives (append-only), every other
// table is rebuilt. Sessions are part of that: log in afterwards.
//
// In the test worker's own process, over one client kept for the worker's life: the same
// `seedDemoWorld` as `npm run db:seed`, without starting a process, a TypeScript loader and the
// schema engine every time (the server already migrated this database), and with the demo
// passwords hashed once per worker instead of once per reseed.
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { acquireEmbeddedDatabase } from "../../../scripts/db/embedded";
import { e2eDataDir, e2eDatabaseUrl } from "./e2e-database";

let client: Promise<PrismaClient> | undefined;

async function connect(): Promise<PrismaClient> {
  const { createPrismaClient } = await import("../../../lib/db/client");
  if (process.env.DATABASE_URL) return createPrismaClient(e2eDatabaseUrl(process.env.DATABASE_URL).url, 2);
  // The running e2e portal's embedded server, found through its state file (never started here).
  const database = await acquireEmbeddedDatabase(e2eDataDir(), { owner: "command" });
  if (database.owned) {
    await database.release();
    throw new Error("The end-to-end portal's embedded PostgreSQL is not running: reseed needs the portal's server.");
  }
  return createPrismaClient(database.url, 2);
}

export async function reseedDemoWorld(): Promise<void> {
  const { seedDemoWorld } = await import("../../../lib/demo-world/seed");
  client ??= connect();
  await seedDemoWorld(await client);
}
