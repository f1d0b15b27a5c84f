// Least-privilege database roles (issue 10, ADR 0010; migration *_runtime_role): the portal runs
// as a member of portal_runtime, which owns nothing. Proved by logging in as such a role on the
// test database: it reads and writes the application's tables, appends to the access log, and
// cannot change, empty, alter or un-trigger the log, create tables or read the migrations.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { resetDatabase, testDatabaseUrl, testPrisma } from "@/tests/support/database";

const role = `runtime_probe_${process.pid}`;
const password = randomBytes(18).toString("base64url");
let runtime: pg.Client;

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  await asAdmin(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE portal_runtime`);
  const url = new URL(testDatabaseUrl());
  url.username = role;
  url.password = password;
  runtime = new pg.Client({ connectionString: url.toString() });
  await runtime.connect();
});

afterAll(async () => {
  await runtime?.end();
  await asAdmin(`DROP ROLE IF EXISTS ${role}`);
});

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(testPrisma());
});

const appendEntry = `
  INSERT INTO "AccessLogEntry" ("requestId", "action", "decision", "reason", "prevHash", "hash")
  VALUES ('roles-test', 'READ_HEALTH', 'DENY', 'roles-test', repeat('0', 64), repeat('1', 64))`;

describe("the runtime role", () => {
  it("reads and changes the application's tables and appends to the access log", async () => {
    const { rows } = await runtime.query(`SELECT "firstName" FROM "Person" WHERE id = $1`, [demoIds.users.nina]);
    expect(rows).toEqual([{ firstName: "Nina" }]);
    await runtime.query(`UPDATE "Person" SET "phone" = '0470 00 00 00' WHERE id = $1`, [demoIds.users.nina]);
    await runtime.query(appendEntry);
    expect(
      (await runtime.query(`SELECT count(*)::int AS n FROM "AccessLogEntry" WHERE "requestId" = 'roles-test'`)).rows,
    ).toEqual([{ n: 1 }]);
  });

  it.each([
    ["UPDATE", `UPDATE "AccessLogEntry" SET "reason" = 'rewritten'`, /permission denied/],
    ["DELETE", `DELETE FROM "AccessLogEntry"`, /permission denied/],
    ["TRUNCATE", `TRUNCATE "AccessLogEntry"`, /permission denied/],
    ["ALTER TABLE ... DISABLE TRIGGER", `ALTER TABLE "AccessLogEntry" DISABLE TRIGGER ALL`, /must be owner/],
    ["DROP TRIGGER", `DROP TRIGGER "access_log_no_update_or_delete" ON "AccessLogEntry"`, /must be owner/],
    ["ALTER TABLE ... OWNER", `ALTER TABLE "AccessLogEntry" OWNER TO ${role}`, /must be owner/],
    ["CREATE TABLE", `CREATE TABLE "shadow_log" (id int)`, /permission denied for schema public/],
    ["reading the migration history", `SELECT * FROM "_prisma_migrations"`, /permission denied/],
    ["rewriting the security log", `UPDATE "LoginAttempt" SET "outcome" = 'SUCCESS'`, /permission denied/],
    ["emptying the security log", `DELETE FROM "LoginAttempt"`, /permission denied/],
  ])("is refused %s on the access log and the schema", async (_name, sql, refusal) => {
    await runtime.query(appendEntry);
    const before = (await runtime.query(`SELECT count(*)::int AS n, max("reason") AS reason FROM "AccessLogEntry"`))
      .rows;
    await expect(runtime.query(sql)).rejects.toThrow(refusal);
    expect(
      (await runtime.query(`SELECT count(*)::int AS n, max("reason") AS reason FROM "AccessLogEntry"`)).rows,
    ).toEqual(before);
  });
});
