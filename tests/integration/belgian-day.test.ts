// The lists and the access decision agree on which day it is (lib/belgian-calendar.ts). At 00:30
// in Brussels the UTC date is still yesterday: a relation or an assignment that ended
// yesterday must have left the list by then, as it has left the decision, and one that ends
// today must still be in both.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { demoIds, seedDemoWorld } from "@/lib/demo-world/seed";
import { listMyPatients } from "@/lib/dossier";
import { listCareTeamPatients } from "@/lib/nursing/team";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart } = demoIds.patients;
const u = demoIds.users;

// 00:30 on 15 January 2027 in Brussels (UTC+1); the UTC date is the 14th.
const NOW = new Date("2027-01-14T23:30:00.000Z");
const YESTERDAY = new Date("2027-01-14T00:00:00.000Z");
const TODAY = new Date("2027-01-15T00:00:00.000Z");
const LONG_AGO = new Date("2026-06-01T00:00:00.000Z");

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db, { today: new Date("2027-01-14T12:00:00.000Z") });
});

const readHealth = (personId: string, role: "DOCTOR" | "NURSE", patientId: string) =>
  authorizePatientAccess({
    actor: { personId, activeRole: role },
    patientId,
    action: "READ_HEALTH",
    requestId: `belgian-day-${randomUUID()}`,
    db,
    now: NOW,
  });

describe("just after Belgian midnight", () => {
  it("a doctor's list leaves out a relation that ended yesterday and keeps one that ends today, like the decision", async () => {
    const frank = gated(u.frank, "DOCTOR");
    await db.therapeuticRelation.createMany({
      data: [
        {
          caregiverId: u.frank,
          patientId: an,
          kind: "GENERAL_PRACTITIONER",
          startDate: LONG_AGO,
          endDate: YESTERDAY,
          source: "STAFF_DOCUMENT",
        },
        {
          caregiverId: u.frank,
          patientId: bart,
          kind: "GENERAL_PRACTITIONER",
          startDate: LONG_AGO,
          endDate: TODAY,
          source: "STAFF_DOCUMENT",
        },
      ],
    });
    // Bart gave no consent: give it, so that the relation alone decides.
    await db.consentEvent.create({
      data: { patientId: bart, kind: "GIVEN", occurredAt: LONG_AGO, source: "PATIENT_PORTAL" },
    });

    const listed = (await listMyPatients({ actor: frank, db, now: NOW })).map((patient) => patient.patientId);
    expect(listed).toEqual([bart]);
    expect((await readHealth(u.frank, "DOCTOR", an)).allowed).toBe(false);
    expect((await readHealth(u.frank, "DOCTOR", bart)).allowed).toBe(true);
  });

  it("a nurse's care-team list leaves out an assignment that ended yesterday, like the decision", async () => {
    const noah = gated(u.noah, "NURSE");
    await db.careTeamAssignment.createMany({
      data: [
        { nurseId: u.noah, patientId: an, startDate: LONG_AGO, endDate: YESTERDAY },
        { nurseId: u.noah, patientId: bart, startDate: LONG_AGO, endDate: TODAY },
      ],
    });

    const listed = (await listCareTeamPatients({ actor: noah, db, now: NOW })).map((patient) => patient.patientId);
    expect(listed).toEqual([bart]);
    expect((await readHealth(u.noah, "NURSE", an)).allowed).toBe(false);
    expect((await readHealth(u.noah, "NURSE", bart)).allowed).toBe(true);
  });
});
