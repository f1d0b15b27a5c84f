// A doctor or caregiver asks a correction from the file they read (issue 4). The form's fields go
// through the caregiver form's schema, then lib/corrections decides REQUEST_CORRECTION for the
// posted patient, as the server action does: relation + consent + no exclusion + window, else
// refused with no row written; the form's key makes a double submit one request.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { GatedActor } from "@/lib/auth/actor";
import { listCorrectionQueue, requestCorrection } from "@/lib/corrections";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { ZCaregiverCorrectionForm } from "@/lib/dossier/schemas";
import { isPortalError } from "@/lib/errors";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an, bart, dina } = demoIds.patients;

const dirk = gated(u.dirk, "DOCTOR");
const rid = () => `caregiver-corr-${randomUUID()}`;
const DESCRIPTION = "De bloeddruk van gisteren is 135/85, niet 185/85: tikfout bij het invoeren.";

/** What the server action does with a posted form: parse with the shared schema, then ask. */
async function submit(actor: GatedActor, form: Record<string, string>, requestId = rid()) {
  const parsed = ZCaregiverCorrectionForm.parse(form);
  const [type, id] = parsed.entry ? parsed.entry.split(":") : [];
  return requestCorrection({
    actor,
    patientId: parsed.patientId,
    section: parsed.section,
    entry: type && id ? { type, id } : undefined,
    description: parsed.description,
    idempotencyKey: parsed.idempotencyKey,
    requestId,
    db,
  });
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("a caregiver's correction request", () => {
  it("d.dirk asks about one of An's readings; the request is his, with his role, in the service center's queue", async () => {
    const reading = await db.vitalSign.findFirstOrThrow({
      where: { patientId: an, type: "BLOOD_PRESSURE" },
      orderBy: { measuredAt: "desc" },
    });
    const key = randomUUID();
    const requestId = rid();
    const outcome = await submit(
      dirk,
      {
        idempotencyKey: key,
        patientId: an,
        section: "HEALTH",
        entry: `VitalSign:${reading.id}`,
        description: DESCRIPTION,
      },
      requestId,
    );
    expect(outcome).toMatchObject({ allowed: true, result: { ok: true, correctionId: key } });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: key } })).toMatchObject({
      patientId: an,
      requestedById: u.dirk,
      requesterRole: "DOCTOR",
      section: "HEALTH",
      entityType: "VitalSign",
      entityId: reading.id,
      status: "OPEN",
      description: DESCRIPTION,
    });
    const log = await db.accessLogEntry.findMany({ where: { requestId } });
    expect(log.map((entry) => [entry.actorId, entry.patientId, entry.action, entry.decision])).toEqual([
      [u.dirk, an, "REQUEST_CORRECTION", "ALLOW"],
    ]);

    const queue = await listCorrectionQueue({ actor: gated(u.sara, "SERVICE_CENTER"), db });
    expect(queue.find((item) => item.id === key)).toMatchObject({
      requestedBy: "Dr. Dirk Smets",
      requesterRole: "DOCTOR",
      patient: { id: an, name: "An Peeters" },
    });
  });

  it("c.carl, a caregiver with a relation, may ask too (no particular entry)", async () => {
    const outcome = await submit(gated(u.carl, "CAREGIVER"), {
      idempotencyKey: randomUUID(),
      patientId: an,
      section: "CONTACT",
      entry: "",
      description: "Het telefoonnummer van An is veranderd.",
    });
    expect(outcome).toMatchObject({ allowed: true, result: { ok: true } });
    expect(await db.correctionRequest.findFirstOrThrow()).toMatchObject({
      requestedById: u.carl,
      requesterRole: "CAREGIVER",
      section: "CONTACT",
      entityType: null,
    });
  });

  it("refuses a doctor without consent, excluded, without a relation or past the window, and a trusted person: no row written", async () => {
    const refused: Array<[GatedActor, string, string]> = [
      [dirk, bart, "no_consent"],
      [gated(u.eva, "DOCTOR"), an, "excluded"],
      [gated(u.frank, "DOCTOR"), an, "no_relation"],
      [dirk, dina, "outside_availability_window"],
      [gated(u.tom, "TRUSTED_PERSON"), an, "role_not_permitted"],
    ];
    for (const [actor, patientId, reason] of refused) {
      const requestId = rid();
      const outcome = await submit(
        actor,
        { idempotencyKey: randomUUID(), patientId, section: "HEALTH", description: DESCRIPTION },
        requestId,
      );
      expect(outcome).toEqual({ allowed: false, decision: { allowed: false, reason } });
      const log = await db.accessLogEntry.findMany({ where: { requestId } });
      expect(log.map((entry) => [entry.action, entry.decision])).toEqual([["REQUEST_CORRECTION", "DENY"]]);
    }
    expect(await db.correctionRequest.count()).toBe(0);
  });

  it("the same form sent twice is one request; the key reused by another doctor is a conflict", async () => {
    const form = { idempotencyKey: randomUUID(), patientId: an, section: "HEALTH", description: DESCRIPTION };
    const first = await submit(dirk, form);
    const second = await submit(dirk, form);
    expect(second).toEqual(first);
    expect(await db.correctionRequest.count()).toBe(1);
    await expect(submit(gated(u.carl, "CAREGIVER"), form)).rejects.toSatisfy(
      (error) => isPortalError(error) && error.code === "conflict",
    );
    expect(await db.correctionRequest.count()).toBe(1);
  });

  it("does not take a nurse's assessment or another patient's entry as the entry: no row", async () => {
    const assessment = await db.nursingNote.findFirstOrThrow({ where: { patientId: an, kind: "ASSESSMENT" } });
    const bartsNote = await db.nursingNote.findFirstOrThrow({ where: { patientId: bart, kind: "OBSERVATION" } });
    expect(
      await submit(dirk, {
        idempotencyKey: randomUUID(),
        patientId: an,
        section: "HEALTH",
        entry: `NursingNote:${assessment.id}`,
        description: DESCRIPTION,
      }),
    ).toEqual({
      allowed: true,
      result: { ok: false, problem: "assessment" },
    });
    expect(
      await submit(dirk, {
        idempotencyKey: randomUUID(),
        patientId: an,
        section: "HEALTH",
        entry: `NursingNote:${bartsNote.id}`,
        description: DESCRIPTION,
      }),
    ).toEqual({
      allowed: true,
      result: { ok: false, problem: "unknown_entry" },
    });
    expect(await db.correctionRequest.count()).toBe(0);
  });

  it("the form's schema wants the patient, a key, a section and a real description", () => {
    const valid = { idempotencyKey: randomUUID(), patientId: an, section: "HEALTH", description: DESCRIPTION };
    expect(ZCaregiverCorrectionForm.safeParse(valid).success).toBe(true);
    expect(ZCaregiverCorrectionForm.safeParse({ ...valid, patientId: "" }).success).toBe(false);
    expect(ZCaregiverCorrectionForm.safeParse({ ...valid, idempotencyKey: "again" }).success).toBe(false);
    expect(ZCaregiverCorrectionForm.safeParse({ ...valid, section: "EVERYTHING" }).success).toBe(false);
    expect(ZCaregiverCorrectionForm.safeParse({ ...valid, description: "fout" }).success).toBe(false);
    expect(ZCaregiverCorrectionForm.safeParse({ ...valid, entry: "NursingNote:../../x" }).success).toBe(false);
  });
});
