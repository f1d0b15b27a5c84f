// `npm run bench:access` (a benchmark, not a test; ADR 0006): the access decision (its one facts
// query plus the pure policy) next to a bare primary-key lookup through the same Prisma client,
// at 100 and at 10,000 patients, in one run. It builds its own throw-away database: a new
// database on DATABASE_URL's server when set (dropped at the end), otherwise a throw-away
// embedded PostgreSQL server (ADR 0010). The schema comes from prisma/migrations (override: --migrations DIR).
//
// Prints median and p99 of both, their ratio, and the number of SQL statements one decision
// sends (it must be 1).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadAccessFacts } from "@/lib/access/facts";
import { decideAccess } from "@/lib/access/policy";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrationsDir } from "./db/config";
import { startThrowAwayCluster } from "./db/postgres-server";

const SIZES = [100, 10_000];
const WARMUP = 300;
const SAMPLES = 2_000;
const DOCTORS = 50;
const NURSES = 20;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function migrationStatements(dir: string): Promise<string[]> {
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (!folders.some((name) => name.endsWith("_init")))
    throw new Error(`no *_init migration in ${dir}: run after the init migration exists`);
  return Promise.all(folders.map((name) => readFile(path.join(dir, name, "migration.sql"), "utf8")));
}

/** A fresh database: on the configured server, or on a throw-away embedded server. */
async function throwAwayDatabase(): Promise<{ url: string; label: string; dispose: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `bench_access_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      label: "PostgreSQL server from DATABASE_URL (throw-away database)",
      dispose: async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const server = await startThrowAwayCluster("bench");
  return { url: server.url, label: "embedded PostgreSQL 18 (throw-away cluster)", dispose: () => server.stop() };
}

/** Grows the synthetic world to `patients` patients, each with the relations the facts query reads. */
async function growTo(sql: pg.Client, from: number, patients: number): Promise<void> {
  const range = `generate_series(${from}, ${patients}) g`;
  await sql.query(`
    INSERT INTO "Person" ("id", "insz", "firstName", "lastName", "updatedAt")
      SELECT 'bench-pat-' || g, lpad(g::text, 11, '0'), 'Patient', 'Bench ' || g, now() FROM ${range};
    INSERT INTO "Patient" ("id") SELECT 'bench-pat-' || g FROM ${range};
    INSERT INTO "CareEpisode" ("id", "patientId", "startDate", "endDate")
      SELECT 'bench-ce-' || g, 'bench-pat-' || g, date '2025-01-01', CASE WHEN g % 5 = 0 THEN current_date - (g % 200) END FROM ${range};
    INSERT INTO "ConsentEvent" ("id", "patientId", "kind", "occurredAt", "source")
      SELECT 'bench-cg-' || g, 'bench-pat-' || g, 'GIVEN', now() - interval '300 days', 'PATIENT_PORTAL' FROM ${range};
    INSERT INTO "ConsentEvent" ("id", "patientId", "kind", "occurredAt", "source")
      SELECT 'bench-cw-' || g, 'bench-pat-' || g, 'WITHDRAWN', now() - interval '10 days', 'PATIENT_PORTAL' FROM ${range} WHERE g % 7 = 0;
    INSERT INTO "TherapeuticRelation" ("id", "caregiverId", "patientId", "kind", "startDate", "source")
      SELECT 'bench-tr-' || g, 'bench-doctor-' || (g % ${DOCTORS}), 'bench-pat-' || g, 'GENERAL_PRACTITIONER', date '2025-01-01', 'RECORD_SYSTEM' FROM ${range};
    INSERT INTO "CareTeamAssignment" ("id", "nurseId", "patientId", "startDate")
      SELECT 'bench-cta-' || g, 'bench-nurse-' || (g % ${NURSES}), 'bench-pat-' || g, date '2025-01-01' FROM ${range};
    INSERT INTO "Exclusion" ("id", "patientId", "excludedPersonId")
      SELECT 'bench-ex-' || g, 'bench-pat-' || g, 'bench-doctor-' || ((g + 1) % ${DOCTORS}) FROM ${range} WHERE g % 11 = 0;
    ANALYZE;
  `);
}

async function createStaff(sql: pg.Client): Promise<void> {
  await sql.query(`
    INSERT INTO "Person" ("id", "insz", "firstName", "lastName", "updatedAt")
      SELECT 'bench-doctor-' || g, lpad((50000000000 + g)::text, 11, '0'), 'Doctor', 'Bench ' || g, now() FROM generate_series(0, ${DOCTORS - 1}) g
      UNION ALL
      SELECT 'bench-nurse-' || g, lpad((60000000000 + g)::text, 11, '0'), 'Nurse', 'Bench ' || g, now() FROM generate_series(0, ${NURSES - 1}) g;
    INSERT INTO "PersonRole" ("id", "personId", "role")
      SELECT 'bench-role-' || "id", "id", CASE WHEN "id" LIKE 'bench-doctor-%' THEN 'DOCTOR'::"Role" ELSE 'NURSE'::"Role" END FROM "Person";
    INSERT INTO "DeclarationVersion" ("id", "role", "version", "content") VALUES
      ('bench-dv-doctor', 'DOCTOR', 1, '{}'), ('bench-dv-nurse', 'NURSE', 1, '{}');
    INSERT INTO "DeclarationAcceptance" ("id", "personId", "role", "version")
      SELECT 'bench-da-' || "personId", "personId", "role", 1 FROM "PersonRole";
  `);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function format(ms: number): string {
  return `${(ms * 1000).toFixed(0).padStart(6)} µs`;
}

async function measure(db: PrismaClient, patients: number, counter: { statements: number }) {
  const randomPatient = () => `bench-pat-${1 + Math.floor(Math.random() * patients)}`;
  const decide = async () => {
    const actor =
      Math.random() < 0.5
        ? `bench-doctor-${Math.floor(Math.random() * DOCTORS)}`
        : `bench-nurse-${Math.floor(Math.random() * NURSES)}`;
    const role = actor.startsWith("bench-doctor") ? "DOCTOR" : "NURSE";
    const facts = await loadAccessFacts(db, {
      personId: actor,
      role,
      patientId: randomPatient(),
      now: new Date(),
      availabilityWindowMonths: 3,
    });
    return decideAccess(facts, "READ_HEALTH");
  };
  const lookup = () => db.patient.findUnique({ where: { id: randomPatient() } });

  for (let i = 0; i < WARMUP; i++) {
    await decide();
    await lookup();
  }

  counter.statements = 0;
  await decide();
  const statementsPerDecision = counter.statements;

  const decisionTimes: number[] = [];
  const lookupTimes: number[] = [];
  // Interleaved, so both see the same cache, pool and machine load.
  for (let i = 0; i < SAMPLES; i++) {
    let start = performance.now();
    await decide();
    decisionTimes.push(performance.now() - start);
    start = performance.now();
    await lookup();
    lookupTimes.push(performance.now() - start);
  }
  decisionTimes.sort((a, b) => a - b);
  lookupTimes.sort((a, b) => a - b);
  return {
    statementsPerDecision,
    decision: { median: percentile(decisionTimes, 50), p99: percentile(decisionTimes, 99) },
    lookup: { median: percentile(lookupTimes, 50), p99: percentile(lookupTimes, 99) },
  };
}

async function main(): Promise<void> {
  const statements = await migrationStatements(argument("--migrations") ?? migrationsDir);
  const database = await throwAwayDatabase();
  const sql = new pg.Client({ connectionString: database.url });
  const counter = { statements: 0 };
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  db.$on("query", () => {
    counter.statements += 1;
  });
  let failed = false;
  try {
    await sql.connect();
    for (const statement of statements) await sql.query(statement);
    await createStaff(sql);
    console.log(
      `bench:access on ${database.label}; ${SAMPLES} samples per figure after ${WARMUP} warm-up rounds, one connection`,
    );
    console.log(
      "patients | decision median | decision p99 | pk lookup median | pk lookup p99 | ratio median | ratio p99 | SQL statements per decision",
    );
    let grown = 0;
    for (const size of SIZES) {
      await growTo(sql, grown + 1, size);
      grown = size;
      const result = await measure(db, size, counter);
      const ratioMedian = result.decision.median / result.lookup.median;
      const ratioP99 = result.decision.p99 / result.lookup.p99;
      console.log(
        `${String(size).padStart(8)} | ${format(result.decision.median)}     | ${format(result.decision.p99)}  | ${format(result.lookup.median)}      | ${format(result.lookup.p99)}   | ${ratioMedian.toFixed(2).padStart(11)}x | ${ratioP99.toFixed(2).padStart(8)}x | ${result.statementsPerDecision}`,
      );
      if (result.statementsPerDecision !== 1 || ratioMedian > 2) failed = true;
    }
    console.log(
      failed
        ? "NOT within target (one statement, median within 2x of the bare lookup)"
        : "within target: one statement per decision, median within 2x of the bare lookup at every size",
    );
  } finally {
    await db.$disconnect();
    await sql.end();
    await database.dispose();
  }
  if (failed) process.exitCode = 1;
}

await main();
