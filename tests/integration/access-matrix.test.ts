// Walks every cell of shared/spec/demo-world.md's access matrix, for every action (not only
// reading health data), through authorizePatientAccess: the decision, its reason where the
// demo world names one, and its access-log entry.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type AccessAction, accessActions, authorizePatientAccess, requestEmergencyAccess } from "@/lib/access";
import type { Role } from "@/lib/generated/prisma/enums";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart, chris, dina, emma, finn } = demoIds.patients;
const u = demoIds.users;

type Actor = { personId: string; activeRole: Role };
const actors = {
  "p.an": { personId: an, activeRole: "PATIENT" },
  "p.bart": { personId: bart, activeRole: "PATIENT" },
  "p.chris": { personId: chris, activeRole: "PATIENT" },
  "p.dina": { personId: dina, activeRole: "PATIENT" },
  "t.tom": { personId: u.tom, activeRole: "TRUSTED_PERSON" },
  "t.tina": { personId: u.tina, activeRole: "TRUSTED_PERSON" },
  "d.dirk": { personId: u.dirk, activeRole: "DOCTOR" },
  "d.eva": { personId: u.eva, activeRole: "DOCTOR" },
  "d.frank": { personId: u.frank, activeRole: "DOCTOR" },
  "d.gert": { personId: u.gert, activeRole: "DOCTOR" },
  "n.nina": { personId: u.nina, activeRole: "NURSE" },
  "n.noah": { personId: u.noah, activeRole: "NURSE" },
  "c.carl": { personId: u.carl, activeRole: "CAREGIVER" },
  "s.sara": { personId: u.sara, activeRole: "SERVICE_CENTER" },
  // Added with the roles they introduce (demo-world.md).
  "p.finn": { personId: finn, activeRole: "PATIENT" },
  "r.rita": { personId: u.rita, activeRole: "LEGAL_REPRESENTATIVE" },
  "k.kris": { personId: u.kris, activeRole: "COORDINATOR" },
  "o.otto": { personId: u.otto, activeRole: "PRIVACY_OFFICER" },
} satisfies Record<string, Actor>;
type Username = keyof typeof actors;

/** What a patient may do with their own file; a representative of a child under 12 may the same. */
const OWN_FILE: AccessAction[] = [
  "READ_HEALTH",
  "READ_ADMINISTRATIVE",
  "READ_ACCESS_LOG",
  "MANAGE_PATIENT_SETTINGS",
  "REQUEST_CORRECTION",
  "EXERCISE_PATIENT_RIGHTS",
];
/** ...and the patient decides whether a representative reads it (12 to 15). */
const PATIENT_OWN: AccessAction[] = [...OWN_FILE, "DECIDE_REPRESENTATIVE_AGREEMENT"];
const READER: AccessAction[] = ["READ_HEALTH", "READ_ADMINISTRATIVE"];
const TREATING: AccessAction[] = ["READ_HEALTH", "READ_ADMINISTRATIVE", "REQUEST_CORRECTION"];
const TEAM_NURSE: AccessAction[] = [
  "READ_HEALTH",
  "READ_ADMINISTRATIVE",
  "WRITE_NURSING_FILE",
  "REQUEST_CORRECTION",
  "REQUEST_EMERGENCY_ACCESS",
];
const STAFF: AccessAction[] = ["READ_ADMINISTRATIVE", "CORRECT_ADMINISTRATIVE"];
/** The coordinator's back office: never a section of the file, and not bounded by the availability window. */
const COORDINATION: AccessAction[] = [
  "REGISTER_PATIENT",
  "READ_CARE_FACTS",
  "START_CARE_EPISODE",
  "END_CARE_EPISODE",
  "ASSIGN_CARE_TEAM_NURSE",
  "UNASSIGN_CARE_TEAM_NURSE",
  "RECORD_THERAPEUTIC_RELATION",
  "RECORD_LEGAL_REPRESENTATIVE",
];

/** What each account may do to each patient, as demo-world.md describes it; anything absent is denied. */
const expectedAllowed: Record<Username, Partial<Record<string, AccessAction[]>>> = {
  "p.an": { [an]: PATIENT_OWN },
  "p.bart": { [bart]: PATIENT_OWN },
  "p.chris": { [chris]: PATIENT_OWN }, // care ended 60 days ago: still inside the window
  "p.dina": {}, // care ended 120 days ago: not even her own file online
  "t.tom": { [an]: READER },
  "t.tina": {}, // revoked 7 days ago
  "d.dirk": { [an]: TREATING, [chris]: TREATING }, // Bart: no consent; Dina: outside the window
  "d.eva": {}, // excluded by An
  "d.frank": {},
  "d.gert": {}, // declaration version 3 only: declaration first
  "n.nina": {
    [an]: TEAM_NURSE,
    [bart]: TEAM_NURSE,
    [chris]: TEAM_NURSE,
    [emma]: TEAM_NURSE,
    [finn]: TEAM_NURSE,
  },
  "n.noah": {
    [an]: ["REQUEST_EMERGENCY_ACCESS"],
    [bart]: ["REQUEST_EMERGENCY_ACCESS"],
    [chris]: ["REQUEST_EMERGENCY_ACCESS"],
    [emma]: ["REQUEST_EMERGENCY_ACCESS"],
    [finn]: ["REQUEST_EMERGENCY_ACCESS"],
  },
  "c.carl": { [an]: TREATING },
  // never health data; Dina is outside the window
  "s.sara": { [an]: STAFF, [bart]: STAFF, [chris]: STAFF, [emma]: STAFF, [finn]: STAFF },
  "p.finn": { [finn]: PATIENT_OWN }, // 14: he reads his own file and decides about his mother's reading
  // Emma is 10: Rita acts for her. Finn is 14 and agreed: Rita reads, and nothing more.
  "r.rita": { [emma]: OWN_FILE, [finn]: READER },
  // Every patient, Dina included (her care could start again); never a section of a file.
  "k.kris": {
    [an]: COORDINATION,
    [bart]: COORDINATION,
    [chris]: COORDINATION,
    [dina]: COORDINATION,
    [emma]: COORDINATION,
    [finn]: COORDINATION,
  },
  "o.otto": {}, // nothing yet: the officer's own logged actions come later
};

/** Denial reasons the demo world names explicitly (READ_HEALTH). */
const expectedHealthDenialReason: [Username, string, string][] = [
  ["p.an", bart, "no_relation"],
  ["p.dina", dina, "outside_availability_window"],
  ["t.tina", bart, "no_relation"],
  ["d.dirk", bart, "no_consent"],
  ["d.dirk", dina, "outside_availability_window"],
  ["d.eva", an, "excluded"],
  ["d.frank", an, "no_relation"],
  ["d.gert", an, "declaration_required"],
  ["n.nina", dina, "outside_availability_window"],
  ["n.noah", an, "no_relation"],
  ["n.noah", dina, "no_relation"],
  ["s.sara", an, "role_not_permitted"],
  ["r.rita", an, "no_relation"],
  ["p.finn", emma, "no_relation"],
  ["k.kris", an, "role_not_permitted"],
  ["k.kris", emma, "role_not_permitted"],
  ["o.otto", an, "role_not_permitted"],
  ["o.otto", finn, "role_not_permitted"],
];

const patients = [an, bart, chris, dina, emma, finn];

async function decide(username: Username, patientId: string, action: AccessAction) {
  const requestId = `matrix-${randomUUID()}`;
  const decision = await authorizePatientAccess({ actor: actors[username], patientId, action, requestId, db });
  return { decision, requestId };
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("the demo world's access matrix, every action", () => {
  for (const username of Object.keys(actors) as Username[]) {
    it(`${username}: every patient, every action`, async () => {
      // One patient's chain per worker: the patients run side by side, each chain in order.
      await Promise.all(
        patients.map(async (patientId) => {
          for (const action of accessActions) {
            const { decision, requestId } = await decide(username, patientId, action);
            const allowed = expectedAllowed[username][patientId]?.includes(action) ?? false;
            expect({ username, patientId, action, allowed: decision.allowed }).toEqual({
              username,
              patientId,
              action,
              allowed,
            });

            const entries = await db.accessLogEntry.findMany({ where: { requestId } });
            expect(entries).toHaveLength(1);
            expect(entries[0]).toMatchObject({
              actorId: actors[username].personId,
              actorRole: actors[username].activeRole,
              patientId,
              action,
              decision: allowed ? "ALLOW" : "DENY",
              reason: decision.reason,
            });
          }
        }),
      );
    });
  }

  it.each(expectedHealthDenialReason)("%s on %s is denied with reason %s", async (username, patientId, reason) => {
    const { decision } = await decide(username, patientId, "READ_HEALTH");
    expect(decision).toEqual({ allowed: false, reason });
  });

  it("denies an unknown patient id like any other denial, and logs the id as asked", async () => {
    for (const username of Object.keys(actors) as Username[]) {
      const { decision, requestId } = await decide(username, `pat-${randomUUID()}`, "READ_HEALTH");
      expect(decision.allowed).toBe(false);
      const entry = await db.accessLogEntry.findFirstOrThrow({ where: { requestId } });
      expect(entry.decision).toBe("DENY");
    }
  });

  it("d.gert reads An's file once he accepts declaration version 4", async () => {
    expect((await decide("d.gert", an, "READ_HEALTH")).decision.reason).toBe("declaration_required");
    await db.declarationAcceptance.create({ data: { personId: u.gert, role: "DOCTOR", version: 4 } });
    expect((await decide("d.gert", an, "READ_HEALTH")).decision).toEqual({
      allowed: true,
      reason: "therapeutic_relation",
    });
    expect((await decide("d.gert", bart, "READ_HEALTH")).decision.allowed).toBe(false);
  });

  it("Emma, were she signed in herself, is refused her own file: she is under 12", async () => {
    const emmaAsPatient = { personId: emma, activeRole: "PATIENT" as const };
    // Even past the declaration gate (she has no account, so never accepted one).
    await db.declarationAcceptance.create({ data: { personId: emma, role: "PATIENT", version: 4 } });
    for (const action of ["READ_HEALTH", "READ_ACCESS_LOG", "MANAGE_PATIENT_SETTINGS"] as const) {
      const decision = await authorizePatientAccess({
        actor: emmaAsPatient,
        patientId: emma,
        action,
        requestId: `matrix-${randomUUID()}`,
        db,
      });
      expect(decision).toEqual({ allowed: false, reason: "under_12" });
    }
  });

  it("names where r.rita's grant comes from in the log: the document the coordinator recorded", async () => {
    const { requestId } = await decide("r.rita", emma, "READ_HEALTH");
    const entry = await db.accessLogEntry.findFirstOrThrow({ where: { requestId } });
    expect([entry.reason, entry.grantSource]).toEqual(["legal_representative", "STAFF_DOCUMENT"]);
    const dirk = await decide("d.dirk", an, "READ_HEALTH");
    const dirkEntry = await db.accessLogEntry.findFirstOrThrow({ where: { requestId: dirk.requestId } });
    expect([dirkEntry.reason, dirkEntry.grantSource]).toEqual(["therapeutic_relation", "RECORD_SYSTEM"]);
    const nina = await decide("n.nina", an, "READ_HEALTH");
    expect((await db.accessLogEntry.findFirstOrThrow({ where: { requestId: nina.requestId } })).grantSource).toBeNull();
  });

  it("n.noah reads and writes An, Bart and Chris after an emergency access with a reason, never Dina", async () => {
    for (const patientId of [an, bart, chris]) {
      const result = await requestEmergencyAccess({
        actor: actors["n.noah"],
        patientId,
        reason: "Patiënt gevallen, wondzorg nodig",
        requestId: `matrix-${randomUUID()}`,
        db,
      });
      expect(result.allowed).toBe(true);
      for (const action of TEAM_NURSE) {
        const { decision } = await decide("n.noah", patientId, action);
        expect(decision).toMatchObject({ allowed: true, reason: "emergency_access" });
      }
    }
    const refused = await requestEmergencyAccess({
      actor: actors["n.noah"],
      patientId: dina,
      reason: "Patiënt gevallen, wondzorg nodig",
      requestId: `matrix-${randomUUID()}`,
      db,
    });
    expect(refused).toEqual({ allowed: false, decision: { allowed: false, reason: "outside_availability_window" } });
    expect((await decide("n.noah", dina, "READ_HEALTH")).decision.allowed).toBe(false);
  });
});
