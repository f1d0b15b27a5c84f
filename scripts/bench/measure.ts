// Measurements the benchmark takes beside the HTTP load: the access decision next to a bare
// primary-key lookup through the same Prisma client (ADR 0006's method, on the benchmark's own
// database), and the database round trips of one request (through the counting proxy).
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadAccessFacts } from "@/lib/access/facts";
import { decideAccess } from "@/lib/access/policy";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { percentile } from "./load";

export type Timing = { median: number; p95: number; p99: number };

export type DecisionResult = {
  pairs: number;
  samples: number;
  statementsPerDecision: number;
  decisionMs: Timing;
  lookupMs: Timing;
  ratioMedian: number;
};

const timing = (values: number[]): Timing => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

/**
 * One connection, one request in flight, decisions and lookups interleaved so both see the same
 * cache and machine load. The pairs are real therapeutic relations drawn from the database (at the
 * demo world a handful, at scale a random 1,000 of a million), so the decision reads what it reads
 * in production, allow and deny alike.
 */
export async function measureDecision(databaseUrl: string, samples: number): Promise<DecisionResult> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  const { rows: pairs } = await sql.query<{ caregiverId: string; patientId: string }>(
    `SELECT "caregiverId", "patientId" FROM "TherapeuticRelation" TABLESAMPLE SYSTEM (10)
      WHERE "kind" IN ('GENERAL_PRACTITIONER', 'SPECIALIST') LIMIT 1000`,
  );
  if (pairs.length < 10) {
    pairs.push(
      ...(
        await sql.query<{ caregiverId: string; patientId: string }>(
          `SELECT "caregiverId", "patientId" FROM "TherapeuticRelation"
            WHERE "kind" IN ('GENERAL_PRACTITIONER', 'SPECIALIST') LIMIT 1000`,
        )
      ).rows,
    );
  }
  await sql.end();
  const counter = { statements: 0 };
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  db.$on("query", () => {
    counter.statements += 1;
  });
  const pick = () => pairs[Math.floor(Math.random() * pairs.length)]!;
  const decide = async () => {
    const pair = pick();
    const facts = await loadAccessFacts(db, {
      personId: pair.caregiverId,
      role: "DOCTOR",
      patientId: pair.patientId,
      now: new Date(),
      availabilityWindowMonths: 3,
    });
    return decideAccess(facts, "READ_HEALTH");
  };
  const lookup = () => db.patient.findUnique({ where: { id: pick().patientId } });
  try {
    for (let i = 0; i < Math.min(300, samples); i++) {
      await decide();
      await lookup();
    }
    counter.statements = 0;
    await decide();
    const statementsPerDecision = counter.statements;
    const decisions: number[] = [];
    const lookups: number[] = [];
    for (let i = 0; i < samples; i++) {
      let start = performance.now();
      await decide();
      decisions.push(performance.now() - start);
      start = performance.now();
      await lookup();
      lookups.push(performance.now() - start);
    }
    const decisionMs = timing(decisions);
    const lookupMs = timing(lookups);
    return {
      pairs: pairs.length,
      samples,
      statementsPerDecision,
      decisionMs,
      lookupMs,
      ratioMedian: decisionMs.median / lookupMs.median,
    };
  } finally {
    await db.$disconnect();
  }
}
