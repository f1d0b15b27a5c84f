// The integration tests' database: the one tests/support/global-setup.ts created and migrated
// for this run (never the developer's own data).
import { inject } from "vitest";
import { testDatabaseUrl } from "./database-url";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;
let truncateStatement: string | undefined;

export { testDatabaseUrl };

/** One client per test worker, on the run's test database. */
export function testPrisma(): PrismaClient {
  client ??= createPrismaClient(testDatabaseUrl(), inject("databasePoolMax"));
  return client;
}

/**
 * Empties every application table (not the migration history), in one statement, so each
 * test starts from nothing and a forgotten row cannot make another test pass.
 *
 * "AccessLogEntry" refuses TRUNCATE by a trigger: the access log is append-only for everyone,
 * the application included (migration 20261123200000_access_log_append_only). Tests must still
 * start empty, so the TRUNCATE runs with `session_replication_role = replica`, under which
 * ordinary triggers do not fire. That needs a superuser (the embedded server's and CI's postgres are)
 * and is `SET LOCAL`, so it ends with this transaction: no other statement ever runs without
 * the trigger. Dropping or disabling the trigger instead would change the schema under test.
 */
export async function resetDatabase(): Promise<void> {
  const prisma = testPrisma();
  if (!truncateStatement) {
    const tables = await prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
      ORDER BY tablename`;
    if (tables.length === 0) throw new Error("The test database has no tables: did the migrations run?");
    const list = tables.map(({ tablename }) => `"${tablename.replaceAll('"', '""')}"`).join(", ");
    truncateStatement = `TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`;
  }
  await prisma.$transaction([
    prisma.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    prisma.$executeRawUnsafe(truncateStatement),
  ]);
}
