// The scale world (scripts/db/scale-world.ts, `npm run seed:scale`) at 50 patients: what it makes
// beside the demo world, that the access decision reads it like any other data (allow and deny,
// with a log entry appended after the seeded chain), that every chain verifies with the key, and
// that a second run refuses without writing anything. Kept small so the suite stays cheap; the
// benchmark runs it at 100,000.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { verifyAccessLog } from "@/lib/audit/verify";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  scaleCareTeam,
  scaleIds,
  scaleShape,
  seedScaleWorld,
  type ScaleWorldResult,
} from "../../scripts/db/scale-world";
import { testChainKey } from "../support/audit";
import { resetDatabase, testDatabaseUrl, testPrisma } from "../support/database";

const db = testPrisma();
const PATIENTS = 50;
const shape = scaleShape(PATIENTS);
let result: ScaleWorldResult;

async function readHealth(personId: string, activeRole: Role, patientId: string) {
  const requestId = randomUUID();
  const decision = await authorizePatientAccess({
    actor: { personId, activeRole },
    patientId,
    action: "READ_HEALTH",
    requestId,
    db,
  });
  const entry = await db.accessLogEntry.findFirst({ where: { requestId } });
  return { decision, entry };
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  result = await seedScaleWorld(testDatabaseUrl(), { patients: PATIENTS, chainKey: testChainKey() });
}, 120_000);

describe("the scale world at 50 patients", () => {
  it("makes the promised rows beside the demo world, every national number valid and unique", async () => {
    expect(result.counts).toMatchObject({
      patients: 50,
      patientsInCare: 5,
      therapeuticRelations: 500,
      consentEvents: 500,
      careTeamAssignments: 10,
      nursingNotes: 5 * 104,
      vitalSigns: 5 * 156,
      accessLogEntries: 5 * 100,
    });
    expect(await db.person.count({ where: { id: { startsWith: scaleIds.prefix } } })).toBe(
      PATIENTS + shape.nurses + shape.doctors + shape.otherCaregivers,
    );
    const { isValidInsz } = await import("@/lib/insz");
    const people = await db.person.findMany({ select: { insz: true } });
    expect(people.every((person) => isValidInsz(person.insz))).toBe(true);
    expect(await db.person.findUnique({ where: { id: demoIds.patients.an } })).toMatchObject({ insz: "41031212410" });
  });

  it("lets the care-team nurse and the treating doctor read a patient in care, and logs after the seeded chain", async () => {
    const g = 1;
    const [nurse] = scaleCareTeam(g, shape.nurses);
    const asNurse = await readHealth(scaleIds.nurse(nurse), "NURSE", scaleIds.patient(g));
    expect(asNurse.decision).toMatchObject({ allowed: true, reason: "care_team" });
    const doctor = scaleIds.doctor(1 + ((g * 7) % shape.doctors));
    const asDoctor = await readHealth(doctor, "DOCTOR", scaleIds.patient(g));
    expect(asDoctor.decision).toMatchObject({ allowed: true, reason: "therapeutic_relation" });
    expect(asDoctor.entry).toMatchObject({ decision: "ALLOW", patientId: scaleIds.patient(g) });
  });

  it("denies a doctor without a relation, a nurse outside the care team, and a doctor after consent was withdrawn", async () => {
    const outsider = await readHealth(demoIds.users.frank, "DOCTOR", scaleIds.patient(1));
    expect(outsider.decision).toMatchObject({ allowed: false, reason: "no_relation" });
    const [nurseA, nurseB] = scaleCareTeam(1, shape.nurses);
    const otherNurse = [1, 2, 3].find((k) => k !== nurseA && k !== nurseB)!;
    expect((await readHealth(scaleIds.nurse(otherNurse), "NURSE", scaleIds.patient(1))).decision.allowed).toBe(false);
    // Patient 12: care ended 30 days ago (inside the window), consent given: the doctor reads.
    const doctorOf12 = scaleIds.doctor(1 + ((12 * 7) % shape.doctors));
    expect((await readHealth(doctorOf12, "DOCTOR", scaleIds.patient(12))).decision).toMatchObject({ allowed: true });
    // Patient 20: consent withdrawn (and care long over): denied.
    const doctorOf20 = scaleIds.doctor(1 + ((20 * 7) % shape.doctors));
    expect((await readHealth(doctorOf20, "DOCTOR", scaleIds.patient(20))).decision.allowed).toBe(false);
  });

  it("keeps every chain of the access log intact, the seeded entries and the ones appended after", async () => {
    const verified = await verifyAccessLog(db, { key: testChainKey() });
    expect(verified.problems).toEqual([]);
    expect(verified.entries).toBeGreaterThanOrEqual(500);
  });

  it("refuses a second run and writes nothing", async () => {
    const before = await db.therapeuticRelation.count();
    const logBefore = await db.accessLogEntry.count();
    await expect(seedScaleWorld(testDatabaseUrl(), { patients: PATIENTS, chainKey: testChainKey() })).rejects.toThrow(
      /already holds a scale world \(50 patients\)/,
    );
    expect(await db.therapeuticRelation.count()).toBe(before);
    expect(await db.accessLogEntry.count()).toBe(logBefore);
  });
});
