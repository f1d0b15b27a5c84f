// The demo world for the integration tests, at the cost of one statement instead of one seed.
//
// Most integration tests start from `resetDatabase(); seedDemoWorld(db)`. The real seed
// (lib/demo-world/seed.ts) builds the world row by row, about a hundred statements, and was the
// larger part of every such test's time. This `seedDemoWorld` has the same signature and the same
// effect on the tables: the first call in a database runs the real seed and copies what it wrote
// into a schema of its own (`test_world`, beside the schema under test, which no test reads);
// later calls restore that copy with one server-side function, as the real seed would:
// reference texts added where missing, every table but the preserved ones (PRESERVED_TABLES:
// the access log, the security log, ...) emptied, the world's rows inserted.
//
// The world is relative to the moment of the seed ("consent given 30 days ago"). A copy is used
// only while it is at most MAX_AGE_MS old and of the same calendar day (Belgian and UTC: the
// seed uses both); otherwise the real seed runs again and the copy is renewed. A call with its
// own `today` always runs the real seed. tests/integration/seed.test.ts proves the real seed
// itself, and that this copy equals it (tests/integration/demo-world-snapshot.test.ts).
import { belgianCalendarDay } from "@/lib/belgian-calendar";
import { PRESERVED_TABLES, seedDemoWorld as realSeed, type SeedDemoWorldOptions } from "@/lib/demo-world/seed";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

export { demoIds, demoUsernames, DEMO_PASSWORD } from "@/lib/demo-world/seed";

const SCHEMA = "test_world";
/** How old the copy may be: a world a few seconds older than its test is like a slow test. */
const MAX_AGE_MS = 30_000;
/** Reference texts: the real seed adds them where missing and never deletes them. */
const REFERENCE_TABLES = [Prisma.ModelName.DeclarationVersion, Prisma.ModelName.PrivacyStatementVersion];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables the real seed empties, Person first (its cascades do most of the work). */
function resetTables(): string[] {
  const tables = Object.values(Prisma.ModelName).filter((table) => !PRESERVED_TABLES.has(table));
  return tables.sort((a, b) => Number(b === Prisma.ModelName.Person) - Number(a === Prisma.ModelName.Person));
}

function dayKey(moment: Date): string {
  return `${belgianCalendarDay(moment).toISOString()}|${moment.toISOString().slice(0, 10)}`;
}

/**
 * Copies what the real seed, run from `seededFor` to `seededUntil`, just wrote, with the
 * function that restores it. A moment the seed computed from `today` ("30 days ago") is kept;
 * a moment stamped while it inserted (a `createdAt`, an `updatedAt`: after `seededFor`, by
 * `seededUntil`) becomes the restore's own time, as a real seed now would stamp it.
 */
async function takeSnapshot(db: PrismaClient, seededFor: Date, seededUntil: Date): Promise<void> {
  const worldTables = resetTables();
  const copied = [...worldTables, ...REFERENCE_TABLES];
  const columns = await db.$queryRaw<{ table_name: string; column_name: string; moment: boolean }[]>`
    SELECT table_name, column_name, data_type LIKE 'timestamp%' AS moment
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ANY(${worldTables})
    ORDER BY table_name, ordinal_position`;
  const selectList = (table: string) =>
    columns
      .filter((column) => column.table_name === table)
      .map(({ column_name, moment }) =>
        moment
          ? `CASE WHEN ${quote(column_name)} > $1 AND ${quote(column_name)} <= $2 THEN now() ELSE ${quote(column_name)} END`
          : quote(column_name),
      )
      .join(", ");
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const statements = [
    `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`,
    `CREATE SCHEMA ${SCHEMA}`,
    ...copied.map((table) => `CREATE TABLE ${SCHEMA}.${quote(table)} AS SELECT * FROM ${quote(table)}`),
    `CREATE TABLE ${SCHEMA}.meta (seeded_for timestamptz NOT NULL, seeded_until timestamptz NOT NULL, day_key text NOT NULL)`,
    // One call does what the real seed does to the tables; false when the copy is too old.
    `CREATE FUNCTION ${SCHEMA}.restore(fresh_since timestamptz, wanted_day text) RETURNS boolean
     LANGUAGE plpgsql AS $$
     DECLARE
       copy ${SCHEMA}.meta;
       table_name text;
       select_list text;
     BEGIN
       SELECT * INTO copy FROM ${SCHEMA}.meta WHERE seeded_for >= fresh_since AND day_key = wanted_day;
       IF NOT FOUND THEN
         RETURN false;
       END IF;
       -- Two seeds at once must not interleave (the real seed takes the same lock).
       PERFORM pg_advisory_xact_lock(hashtext('demo-world-seed'));
       ${REFERENCE_TABLES.map(
         (table) => `INSERT INTO ${quote(table)} SELECT * FROM ${SCHEMA}.${quote(table)} ON CONFLICT DO NOTHING;`,
       ).join("\n       ")}
       -- Emptied like the real seed does it, with every trigger and cascade.
       FOREACH table_name IN ARRAY ARRAY[${worldTables.map(literal).join(", ")}]::text[] LOOP
         EXECUTE format('DELETE FROM %I', table_name);
       END LOOP;
       -- The rows are a copy of a consistent world: no foreign-key check needed to insert them.
       PERFORM set_config('session_replication_role', 'replica', true);
       FOR table_name, select_list IN
         SELECT * FROM (VALUES ${worldTables.map((table) => `(${literal(table)}, ${literal(selectList(table))})`).join(", ")}) AS t
       LOOP
         EXECUTE format('INSERT INTO %I SELECT %s FROM ${SCHEMA}.%I', table_name, select_list, table_name)
           USING copy.seeded_for, copy.seeded_until;
       END LOOP;
       PERFORM set_config('session_replication_role', 'origin', true);
       RETURN true;
     END $$`,
  ];
  await db.$transaction([
    ...statements.map((sql) => db.$executeRawUnsafe(sql)),
    db.$executeRawUnsafe(
      `INSERT INTO ${SCHEMA}.meta VALUES ($1::timestamptz, $2::timestamptz, $3)`,
      seededFor,
      seededUntil,
      dayKey(seededFor),
    ),
  ]);
}

/** Drops the copy: the next seed is the real one (tests of the copy itself use it). */
export async function forgetDemoWorldSnapshot(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
}

/** The demo world, as lib/demo-world/seed.ts makes it, from a copy when a fresh one exists. */
export async function seedDemoWorld(db: PrismaClient, options: SeedDemoWorldOptions = {}): Promise<void> {
  if (options.today) return realSeed(db, options);
  const now = new Date();
  const restored = await db
    .$queryRawUnsafe<{ restored: boolean }[]>(
      `SELECT ${SCHEMA}.restore($1::timestamptz, $2) AS restored`,
      new Date(now.getTime() - MAX_AGE_MS),
      dayKey(now),
    )
    .then(
      ([row]) => row?.restored === true,
      // No copy yet in this database (the function does not exist).
      (error: unknown) => {
        if (error instanceof Error && /test_world\.restore|schema "test_world" does not exist/.test(error.message))
          return false;
        throw error;
      },
    );
  if (restored) return;
  await realSeed(db, { today: now });
  await takeSnapshot(db, now, new Date());
}
