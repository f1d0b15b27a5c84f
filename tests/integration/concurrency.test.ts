// What only a real PostgreSQL server shows (ADR 0010): concurrent transactions on separate
// connections. On the former PGlite default every connection shared one backend session, so
// these races could not happen there and a lost write would have stayed hidden until
// production. They run on the embedded server (npm test without DATABASE_URL) and on
// DATABASE_URL's server (CI) alike.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { verifyAccessLog } from "@/lib/audit/verify";
import { testChainKey } from "@/tests/support/audit";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { addNursingNote, correctNursingNote } from "@/lib/nursing";
import { ZAddNote } from "@/lib/nursing/schemas";
import { gated } from "@/tests/support/actors";
import { createPrismaClient } from "@/lib/db/client";
import { resetDatabase, testDatabaseUrl, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an } = demoIds.patients;
const nina = gated(u.nina, "NURSE");

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

/** Both calls are in flight before either settles: each holds its own pooled connection. */
async function together<A, B>(first: () => Promise<A>, second: () => Promise<B>) {
  return Promise.allSettled([first(), second()]);
}

describe("two nurses correcting the same note at the same moment", () => {
  it("lets exactly one win; the other gets the stale-version conflict and writes nothing", async () => {
    const input = ZAddNote.parse({ id: randomUUID(), kind: "OBSERVATION", text: "Bloeddruk 124/88." });
    await addNursingNote({ actor: nina, patientId: an, db }, input);

    // Repeated, because one round could be won by timing alone; every round must end the same way.
    for (let round = 1; round <= 5; round += 1) {
      const seen = (await db.nursingNote.findUniqueOrThrow({ where: { id: input.id } })).version;
      const correction = (text: string) => () =>
        correctNursingNote(
          { actor: nina, patientId: an, db },
          { noteId: input.id, version: seen, text, reason: `Correctie in ronde ${round}` },
        );
      const results = await together(correction(`Versie A, ronde ${round}`), correction(`Versie B, ronde ${round}`));

      const won = results.filter((result) => result.status === "fulfilled");
      const lost = results.filter((result) => result.status === "rejected");
      expect(won, `round ${round}: exactly one correction wins`).toHaveLength(1);
      expect(lost, `round ${round}: the other one loses`).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });

      const note = await db.nursingNote.findUniqueOrThrow({ where: { id: input.id } });
      expect(note.version).toBe(seen + 1);
      const winnerText = results[0]!.status === "fulfilled" ? `Versie A, ronde ${round}` : `Versie B, ronde ${round}`;
      expect(note.text).toBe(winnerText);
    }
    // One revision per round: the loser kept no history of a change it did not make.
    expect(await db.recordRevision.count({ where: { entityId: input.id } })).toBe(5);
  });
});

describe("concurrent access decisions on one patient", () => {
  const DECISIONS = 36;

  it("append to the patient's hash chain one after another: the chain stays intact", async () => {
    const readers = [
      gated(u.dirk, "DOCTOR"),
      gated(u.tom, "TRUSTED_PERSON"),
      gated(u.nina, "NURSE"),
      gated(u.carl, "CAREGIVER"),
      gated(u.eva, "DOCTOR"), // excluded: a DENY entry in the same chain
      gated(u.frank, "DOCTOR"), // no relation: DENY
    ];
    const before = await db.accessLogEntry.count({ where: { patientId: an } });
    // A connection for each decision: they queue on the patient's chain, which is the point here,
    // not on the test's small pool (whose 2-second wait a busy machine can exceed).
    const wide = createPrismaClient(testDatabaseUrl(), DECISIONS);

    const decisions = await Promise.all(
      Array.from({ length: DECISIONS }, (_, index) =>
        authorizePatientAccess({
          actor: readers[index % readers.length]!,
          patientId: an,
          action: "READ_HEALTH",
          requestId: `concurrent-${index}`,
          db: wide,
        }),
      ),
    ).finally(() => wide.$disconnect());

    expect(decisions.filter((decision) => decision.allowed)).toHaveLength((DECISIONS / 6) * 4);
    expect(decisions.filter((decision) => !decision.allowed && decision.reason === "error")).toHaveLength(0);
    const entries = await db.accessLogEntry.findMany({
      where: { patientId: an },
      orderBy: { id: "asc" },
      select: { prevHash: true, hash: true },
    });
    expect(entries).toHaveLength(before + DECISIONS);
    // A linear chain: no two entries claim the same predecessor (a fork would mean a lost link).
    expect(new Set(entries.map((entry) => entry.prevHash)).size).toBe(entries.length);
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });
});
