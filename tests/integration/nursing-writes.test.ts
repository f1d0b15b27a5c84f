// Writing the nursing file as the nurse's page does (lib/nursing): allowed for the care team,
// refused for everyone else with nothing written, idempotent creates, version-checked
// corrections with their history, and the care team's lists.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { requestEmergencyAccess } from "@/lib/access";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import {
  addNursingNote,
  correctNursingNote,
  listCareTeamPatients,
  listRoutedCorrections,
  openEmergencyAccess,
  planVisit,
  readNurseWorkScreen,
  recordVitalSign,
  updateCarePlanItem,
} from "@/lib/nursing";
import { ZAddNote, ZRecordVital } from "@/lib/nursing/schemas";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an, dina } = demoIds.patients;

const nina = gated(u.nina, "NURSE");
const noah = gated(u.noah, "NURSE");
const dirk = gated(u.dirk, "DOCTOR");
const sara = gated(u.sara, "SERVICE_CENTER");

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

const bloodPressure = () =>
  ZRecordVital.parse({ type: "BLOOD_PRESSURE", value: "142", secondaryValue: "88", id: randomUUID(), note: "" });
const note = (text = "Wonde rustig, geen roodheid.") => ZAddNote.parse({ id: randomUUID(), kind: "OBSERVATION", text });

async function lastLogEntry(patientId: string) {
  return db.accessLogEntry.findFirstOrThrow({ where: { patientId }, orderBy: { id: "desc" } });
}

describe("recording vital parameters", () => {
  it("stores a blood pressure with systolic, diastolic and the unit of its type, logged as a write", async () => {
    const input = bloodPressure();
    await recordVitalSign({ actor: nina, patientId: an, db }, input);
    const row = await db.vitalSign.findUniqueOrThrow({ where: { id: input.id } });
    expect([row.type, row.value.toNumber(), row.secondaryValue?.toNumber(), row.unit, row.recordedById]).toEqual([
      "BLOOD_PRESSURE",
      142,
      88,
      "mm[Hg]",
      u.nina,
    ]);
    expect(await lastLogEntry(an)).toMatchObject({
      actorId: u.nina,
      action: "WRITE_NURSING_FILE",
      decision: "ALLOW",
      reason: "care_team",
    });
  });

  it("creates one row for a double submit of the same form", async () => {
    const input = bloodPressure();
    const first = await recordVitalSign({ actor: nina, patientId: an, db }, input);
    const second = await recordVitalSign({ actor: nina, patientId: an, db }, input);
    expect([first.created, second.created]).toEqual([true, false]);
    expect(await db.vitalSign.count({ where: { id: input.id } })).toBe(1);
  });

  it("refuses implausible readings and swapped blood-pressure fields", () => {
    const bad = [
      { type: "BLOOD_PRESSURE", value: "80", secondaryValue: "120" },
      { type: "BLOOD_PRESSURE", value: "1420", secondaryValue: "88" },
      { type: "TEMPERATURE", value: "375" },
      { type: "OXYGEN_SATURATION", value: "101" },
      { type: "PAIN_SCORE", value: "4.5" },
    ];
    for (const reading of bad)
      expect(ZRecordVital.safeParse({ ...reading, id: randomUUID() }).success, JSON.stringify(reading)).toBe(false);
    expect(ZRecordVital.parse({ type: "TEMPERATURE", value: "37,5", id: randomUUID() }).value).toBe(37.5);
  });
});

describe("refusals write nothing", () => {
  it("refuses a doctor, a nurse outside the team, the service center, and the team nurse past the window", async () => {
    const before = await db.nursingNote.count();
    for (const [actor, patientId] of [
      [dirk, an],
      [noah, an],
      [sara, an],
      [nina, dina],
    ] as const) {
      await expect(addNursingNote({ actor, patientId, db }, note())).rejects.toMatchObject({ code: "forbidden" });
      await expect(recordVitalSign({ actor, patientId, db }, bloodPressure())).rejects.toMatchObject({
        code: "forbidden",
      });
      expect((await lastLogEntry(patientId)).decision).toBe("DENY");
    }
    expect(await db.nursingNote.count()).toBe(before);
  });

  it("lets n.noah write only once he has opened an emergency access with a reason", async () => {
    await expect(addNursingNote({ actor: noah, patientId: an, db }, note())).rejects.toMatchObject({
      code: "forbidden",
    });
    const access = await requestEmergencyAccess({
      actor: noah,
      patientId: an,
      reason: "Gevallen, buur belde de noodlijn",
      requestId: "t",
      db,
    });
    expect(access.allowed).toBe(true);
    const input = note("Noodinterventie: patiënte gevallen, geen letsel.");
    await addNursingNote({ actor: noah, patientId: an, db }, input);
    expect(await db.nursingNote.findUnique({ where: { id: input.id } })).toMatchObject({ authorId: u.noah });
  });

  it("does not let a form id be reused for another patient's file", async () => {
    const input = note();
    await addNursingNote({ actor: nina, patientId: an, db }, input);
    await expect(addNursingNote({ actor: nina, patientId: demoIds.patients.bart, db }, input)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.nursingNote.findUniqueOrThrow({ where: { id: input.id } })).toMatchObject({ patientId: an });
  });
});

describe("correcting an entry", () => {
  it("keeps the previous text with the reason, and refuses a stale version without writing", async () => {
    const input = note("Bloeddruk 14/8, patiënte moe.");
    await addNursingNote({ actor: nina, patientId: an, db }, input);
    const corrected = await correctNursingNote(
      { actor: nina, patientId: an, db },
      { noteId: input.id, version: 1, text: "Bloeddruk 142/88, patiënte moe.", reason: "Tikfout in de bloeddruk" },
    );
    expect(corrected.version).toBe(2);

    await expect(
      correctNursingNote(
        { actor: nina, patientId: an, db },
        { noteId: input.id, version: 1, text: "Overschreven", reason: "Oude versie van het scherm" },
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.nursingNote.findUniqueOrThrow({ where: { id: input.id } })).toMatchObject({
      text: "Bloeddruk 142/88, patiënte moe.",
      version: 2,
    });

    const screen = await readNurseWorkScreen({ actor: nina, patientId: an, db });
    const history = screen.allowed ? screen.screen.revisions[input.id] : undefined;
    expect(history).toEqual([
      expect.objectContaining({
        version: 1,
        previousText: "Bloeddruk 14/8, patiënte moe.",
        reason: "Tikfout in de bloeddruk",
        author: "Nina De Smet",
      }),
    ]);
  });

  it("is refused to a doctor, leaving the note and its history untouched", async () => {
    const existing = await db.nursingNote.findFirstOrThrow({ where: { patientId: an } });
    await expect(
      correctNursingNote(
        { actor: dirk, patientId: an, db },
        { noteId: existing.id, version: existing.version, text: "x", reason: "Ik weet het beter" },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.nursingNote.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(existing);
    expect(await db.recordRevision.count()).toBe(0);
  });

  it("updates a care-plan item with a version check and keeps its history", async () => {
    const item = await db.carePlanItem.findFirstOrThrow({ where: { patientId: an, status: "ACTIVE" } });
    const update = {
      itemId: item.id,
      version: item.version,
      title: item.title,
      description: item.description,
      frequency: "2x per dag",
      status: "ACTIVE" as const,
      reason: "Frequentie aangepast na overleg",
    };
    await updateCarePlanItem({ actor: nina, patientId: an, db }, update);
    await expect(
      updateCarePlanItem({ actor: nina, patientId: an, db }, { ...update, status: "STOPPED" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.carePlanItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      frequency: "2x per dag",
      status: "ACTIVE",
      version: item.version + 1,
    });
    expect(await db.recordRevision.count({ where: { entityType: "CarePlanItem", entityId: item.id } })).toBe(1);
  });
});

describe("emergency access from the nurse's page", () => {
  it("resolves a national number to the patient, and refuses an unknown one the same way as a closed file", async () => {
    const opened = await openEmergencyAccess({
      actor: noah,
      db,
      patient: "41.03.12-124.10",
      reason: "Gevallen, buur belde de noodlijn",
    });
    expect(opened.patientId).toBe(an);
    expect(opened.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    await expect(
      openEmergencyAccess({ actor: noah, db, patient: "00010100173", reason: "Gevallen, buur belde de noodlijn" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const refusedUnknown = await db.accessLogEntry.findFirstOrThrow({
      where: { actorId: u.noah },
      orderBy: { id: "desc" },
    });
    expect(refusedUnknown).toMatchObject({ decision: "DENY", patientId: expect.stringMatching(/^unknown-insz:/) });
    expect(
      JSON.stringify(refusedUnknown, (_key, value) => (typeof value === "bigint" ? String(value) : value)),
    ).not.toContain("00010100173");
    await expect(
      openEmergencyAccess({ actor: noah, db, patient: dina, reason: "Gevallen, buur belde de noodlijn" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.emergencyAccess.count({ where: { nurseId: u.noah } })).toBe(1);
  });

  it("reads the work screen (file, revisions per entry, routed requests) under one logged decision, and refuses it to n.noah without access", async () => {
    const input = note("Eerste versie");
    await addNursingNote({ actor: nina, patientId: an, db }, input);
    await correctNursingNote(
      { actor: nina, patientId: an, db },
      { noteId: input.id, version: 1, text: "Tweede versie", reason: "Verduidelijking na overleg" },
    );
    const logBefore = await db.accessLogEntry.count({ where: { patientId: an } });
    const outcome = await readNurseWorkScreen({ actor: nina, patientId: an, db });
    if (!outcome.allowed) throw new Error("n.nina is in An's care team");
    expect(outcome.screen.revisions[input.id]).toHaveLength(1);
    expect(outcome.screen.file.health.nursingNotes.find((entry) => entry.id === input.id)).toMatchObject({
      text: "Tweede versie",
      version: 2,
    });
    expect(outcome.screen.emergencyUntil).toBeNull();
    // One page view, one line in An's "who looked at my file".
    expect(
      await db.accessLogEntry.findMany({
        where: { patientId: an },
        orderBy: { id: "asc" },
        skip: logBefore,
        select: { actorId: true, action: true, decision: true },
      }),
    ).toEqual([{ actorId: u.nina, action: "READ_HEALTH", decision: "ALLOW" }]);

    const refused = await readNurseWorkScreen({ actor: noah, patientId: an, db });
    expect(refused).toMatchObject({ allowed: false, decision: { allowed: false } });
    expect(refused).not.toHaveProperty("screen");
  });

  it("tells the nurse in through emergency access until when", async () => {
    const opened = await openEmergencyAccess({
      actor: noah,
      db,
      patient: an,
      reason: "Gevallen, buur belde de noodlijn",
    });
    const outcome = await readNurseWorkScreen({ actor: noah, patientId: an, db });
    if (!outcome.allowed) throw new Error("the emergency access lets n.noah in");
    expect(outcome.screen.emergencyUntil?.getTime()).toBe(opened.expiresAt?.getTime());
  });
});

describe("planning a visit and the nurse's lists", () => {
  it("plans a visit in Belgian time, once, and shows it as the patient's next visit", async () => {
    const now = new Date("2026-11-23T10:00:00.000Z");
    const input = { id: randomUUID(), startsAt: "2026-11-24T08:30", durationMinutes: 30, purpose: "Wondzorg" };
    await planVisit({ actor: nina, patientId: an, db, now }, input);
    await planVisit({ actor: nina, patientId: an, db, now }, input);
    const rows = await db.plannedVisit.findMany({ where: { id: input.id } });
    expect(rows.map((row) => row.startsAt.toISOString())).toEqual(["2026-11-24T07:30:00.000Z"]);
    await expect(
      planVisit({ actor: nina, patientId: an, db, now }, { ...input, id: randomUUID(), startsAt: "2026-11-01T08:30" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("lists the care team's patients; Dina's closed file shows no data", async () => {
    const team = await listCareTeamPatients({ actor: nina, db });
    expect(team.map((patient) => patient.patientId).sort()).toEqual(Object.values(demoIds.patients).sort());
    const dinaRow = team.find((patient) => patient.patientId === dina);
    expect(dinaRow).toMatchObject({ available: false, nextVisit: null });
    // Dina's closed file is not asked for, so the home page logs no denial against the nurse.
    expect(await db.accessLogEntry.count({ where: { actorId: u.nina, decision: "DENY" } })).toBe(0);
    expect(await listCareTeamPatients({ actor: noah, db })).toEqual([]);
    await expect(listCareTeamPatients({ actor: dirk, db })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists correction requests routed to this nurse only", async () => {
    await db.correctionRequest.create({
      data: {
        id: "corr-routed",
        patientId: an,
        requestedById: an,
        requesterRole: "PATIENT",
        section: "HEALTH",
        description: "Mijn gewicht klopt niet",
        status: "ROUTED_TO_NURSE",
        assignedNurseId: u.nina,
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.correctionRequest.create({
      data: {
        id: "corr-open",
        patientId: an,
        requestedById: an,
        requesterRole: "PATIENT",
        section: "HEALTH",
        description: "Nog niet doorgestuurd",
        status: "OPEN",
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect((await listRoutedCorrections({ actor: nina, db })).map((request) => request.id)).toEqual(["corr-routed"]);
    expect(await listRoutedCorrections({ actor: noah, db })).toEqual([]);
  });
});
