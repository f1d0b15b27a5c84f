// Correction requests end to end on the demo world: asking (patient, caregiver), the 4-week
// deadline, the patient's own comment beside a professional assessment instead of a rewrite,
// the service center's queue (overdue first), correcting an administrative field with the
// previous value kept and a stale form refused, routing health data to the responsible nurse,
// rejecting; and every refusal leaves the rows untouched.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  addPatientComment,
  listCorrectionQueue,
  listPatientComments,
  readCorrectionForServiceCenter,
  readPatientCorrections,
  rejectCorrection,
  requestCorrection,
  resolveAdministrativeCorrection,
  routeCorrectionToNurse,
} from "@/lib/corrections";
import { ZRequestCorrectionForm, ZResolveAdministrativeForm } from "@/lib/corrections/schemas";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an, bart } = demoIds.patients;
const DAY = 24 * 60 * 60 * 1000;

const pBart = gated(bart, "PATIENT");
const pAn = gated(an, "PATIENT");
const sara = gated(u.sara, "SERVICE_CENTER");
const rid = () => `corr-${randomUUID()}`;

async function askPhoneCorrection(now?: Date): Promise<string> {
  const outcome = await requestCorrection({
    actor: pBart,
    patientId: bart,
    section: "CONTACT",
    description: "Mijn telefoonnummer is nu 0478 11 22 33.",
    idempotencyKey: randomUUID(),
    requestId: rid(),
    db,
    now,
  });
  if (!outcome.allowed || !outcome.result.ok) throw new Error("expected a request");
  return outcome.result.correctionId;
}

async function assessmentOf(patientId: string) {
  return db.nursingNote.findFirstOrThrow({ where: { patientId, kind: "ASSESSMENT" } });
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("asking a correction", () => {
  it("records the request with a deadline 4 weeks later; the same form sent twice is one request", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const key = randomUUID();
    const ask = () =>
      requestCorrection({
        actor: pBart,
        patientId: bart,
        section: "CONTACT",
        description: "Mijn telefoonnummer klopt niet meer.",
        idempotencyKey: key,
        requestId: rid(),
        db,
        now,
      });
    const first = await ask();
    const second = await ask();
    expect(first).toEqual({
      allowed: true,
      result: { ok: true, correctionId: key, dueAt: new Date("2026-12-21T10:00:00Z") },
    });
    expect(second).toEqual(first);
    expect(await db.correctionRequest.count()).toBe(1);
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: key } })).toMatchObject({
      status: "OPEN",
      requesterRole: "PATIENT",
      requestedById: bart,
    });
  });

  it("is open to a caregiver with access (d.dirk for An), and refused to one without (d.frank), writing nothing", async () => {
    const dirk = await requestCorrection({
      actor: gated(u.dirk, "DOCTOR"),
      patientId: an,
      section: "HEALTH",
      description: "Allergie voor penicilline ontbreekt.",
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    expect(dirk).toMatchObject({ allowed: true, result: { ok: true } });
    const frank = await requestCorrection({
      actor: gated(u.frank, "DOCTOR"),
      patientId: an,
      section: "HEALTH",
      description: "Allergie voor penicilline ontbreekt.",
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    expect(frank).toEqual({ allowed: false, decision: { allowed: false, reason: "no_relation" } });
    const tom = await requestCorrection({
      actor: gated(u.tom, "TRUSTED_PERSON"),
      patientId: an,
      section: "CONTACT",
      description: "Haar adres is veranderd sinds vorige week.",
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    expect(tom).toMatchObject({ allowed: false });
    expect(await db.correctionRequest.count()).toBe(1);
  });

  it("refuses to correct a professional assessment: the patient adds her comment, seen beside the entry", async () => {
    const assessment = await assessmentOf(an);
    const asked = await requestCorrection({
      actor: pAn,
      patientId: an,
      section: "HEALTH",
      entry: { type: "NursingNote", id: assessment.id },
      description: "Ik ben het niet eens met deze inschatting.",
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    expect(asked).toEqual({ allowed: true, result: { ok: false, problem: "assessment" } });
    expect(await db.correctionRequest.count()).toBe(0);

    const key = randomUUID();
    const comment = () =>
      addPatientComment({
        actor: pAn,
        patientId: an,
        noteId: assessment.id,
        text: "Ik had die dag vooral last van de warmte.",
        idempotencyKey: key,
        requestId: rid(),
        db,
      });
    expect(await comment()).toEqual({ allowed: true, result: { ok: true, commentId: key } });
    expect(await comment()).toEqual({ allowed: true, result: { ok: true, commentId: key } });
    const comments = await db.$transaction((tx) => listPatientComments(tx, an));
    expect(comments).toEqual([
      expect.objectContaining({
        entityType: "NursingNote",
        entityId: assessment.id,
        text: "Ik had die dag vooral last van de warmte.",
        author: "An Peeters",
      }),
    ]);
    // The assessment itself is untouched.
    expect(await db.nursingNote.findUniqueOrThrow({ where: { id: assessment.id } })).toEqual(assessment);

    const view = await readPatientCorrections({ actor: pAn, patientId: an, requestId: rid(), db, noteLimit: 500 });
    if (!view.allowed) throw new Error("expected allowed");
    expect(view.result.notes.find((note) => note.id === assessment.id)?.comments.map((c) => c.text)).toEqual([
      "Ik had die dag vooral last van de warmte.",
    ]);
  });

  it("shows the requests page to the patient only: her doctor, who reads her file, is refused", async () => {
    await expect(
      readPatientCorrections({ actor: gated(u.dirk, "DOCTOR"), patientId: an, requestId: rid(), db }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await readPatientCorrections({ actor: pBart, patientId: an, requestId: rid(), db })).toEqual({
      allowed: false,
      decision: { allowed: false, reason: "no_relation" },
    });
  });

  it("refuses a comment on an observation, on another patient's note, or by someone else", async () => {
    const observation = await db.nursingNote.findFirstOrThrow({ where: { patientId: an, kind: "OBSERVATION" } });
    const bartsAssessment = await assessmentOf(bart);
    const text = "Dit klopt niet helemaal.";
    expect(
      await addPatientComment({
        actor: pAn,
        patientId: an,
        noteId: observation.id,
        text,
        idempotencyKey: randomUUID(),
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "not_an_assessment" } });
    expect(
      await addPatientComment({
        actor: pAn,
        patientId: an,
        noteId: bartsAssessment.id,
        text,
        idempotencyKey: randomUUID(),
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "not_an_assessment" } });
    const anAssessment = await assessmentOf(an);
    for (const actor of [gated(u.tom, "TRUSTED_PERSON"), gated(u.dirk, "DOCTOR"), gated(u.nina, "NURSE")]) {
      expect(
        await addPatientComment({
          actor,
          patientId: an,
          noteId: anAssessment.id,
          text,
          idempotencyKey: randomUUID(),
          requestId: rid(),
          db,
        }),
      ).toEqual({ allowed: false, decision: { allowed: false, reason: "role_not_permitted" } });
    }
    expect(await db.patientComment.count()).toBe(0);
  });
});

describe("the service center's queue", () => {
  it("lists open requests earliest deadline first, overdue ones marked; is for the service center only", async () => {
    const recent = await askPhoneCorrection();
    const old = await askPhoneCorrection(new Date(Date.now() - 30 * DAY));
    const queue = await listCorrectionQueue({ actor: sara, db });
    expect(queue.map((item) => [item.id, item.overdue])).toEqual([
      [old, true],
      [recent, false],
    ]);
    expect(queue[0]).toMatchObject({
      patient: { id: bart, name: "Bart Claes" },
      section: "CONTACT",
      requestedBy: "Bart Claes",
    });
    for (const actor of [pBart, gated(u.nina, "NURSE"), gated(u.dirk, "DOCTOR")]) {
      await expect(listCorrectionQueue({ actor, db })).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        readCorrectionForServiceCenter({ actor, correctionId: recent, requestId: rid(), db }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("shows one request with the administrative data only, the read logged", async () => {
    const id = await askPhoneCorrection();
    const requestId = rid();
    const detail = await readCorrectionForServiceCenter({ actor: sara, correctionId: id, requestId, db });
    if (!detail.allowed) throw new Error("expected allowed");
    expect(detail.result.administrative.values["contact.phone"]).toBe("016 22 70 02");
    expect(detail.result.responsibleNurse).toBe("Nina De Smet");
    expect(JSON.stringify(detail.result)).not.toMatch(/nursingNotes|vitalSigns/);
    expect(
      await db.accessLogEntry.findMany({ where: { requestId }, select: { action: true, decision: true } }),
    ).toEqual([{ action: "READ_ADMINISTRATIVE", decision: "ALLOW" }]);
  });
});

describe("resolving an administrative correction", () => {
  it("corrects the phone, keeps the previous value with the reason, resolves the request", async () => {
    const id = await askPhoneCorrection();
    const person = await db.person.findUniqueOrThrow({ where: { id: bart } });
    const requestId = rid();
    const outcome = await resolveAdministrativeCorrection({
      actor: sara,
      correctionId: id,
      correctionVersion: 1,
      field: "contact.phone",
      value: "0478 11 22 33",
      entityVersion: person.version,
      reason: "Nieuw nummer telefonisch bevestigd door de patiënt.",
      requestId,
      db,
    });
    expect(outcome).toEqual({ allowed: true, result: { resolved: true } });
    expect(await db.person.findUniqueOrThrow({ where: { id: bart } })).toMatchObject({
      phone: "0478 11 22 33",
      version: person.version + 1,
    });
    expect(
      await db.recordRevision.findMany({
        select: { entityType: true, entityId: true, version: true, previous: true, reason: true, authorId: true },
      }),
    ).toEqual([
      {
        entityType: "Person",
        entityId: bart,
        version: person.version,
        previous: { phone: "016 22 70 02" },
        reason: "Nieuw nummer telefonisch bevestigd door de patiënt.",
        authorId: u.sara,
      },
    ]);
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "RESOLVED",
      resolvedById: u.sara,
      version: 2,
    });
    expect(
      await db.accessLogEntry.findMany({ where: { requestId }, select: { action: true, decision: true } }),
    ).toEqual([{ action: "CORRECT_ADMINISTRATIVE", decision: "ALLOW" }]);

    // Bart sees the request resolved and his new number.
    const view = await readPatientCorrections({ actor: pBart, patientId: bart, requestId: rid(), db });
    if (!view.allowed) throw new Error("expected allowed");
    expect(view.result.contact.phone).toBe("0478 11 22 33");
    expect(view.result.requests[0]).toMatchObject({
      id,
      status: "RESOLVED",
      resolution: "Nieuw nummer telefonisch bevestigd door de patiënt.",
    });
  });

  it("refuses a stale form (the person changed meanwhile, or the request was handled): nothing is overwritten", async () => {
    const id = await askPhoneCorrection();
    const person = await db.person.findUniqueOrThrow({ where: { id: bart } });
    await db.person.update({ where: { id: bart }, data: { email: "bart@nieuw.example", version: { increment: 1 } } });
    const before = await db.person.findUniqueOrThrow({ where: { id: bart } });
    await expect(
      resolveAdministrativeCorrection({
        actor: sara,
        correctionId: id,
        correctionVersion: 1,
        field: "contact.phone",
        value: "0478 11 22 33",
        entityVersion: person.version,
        reason: "Nieuw nummer bevestigd aan de telefoon.",
        requestId: rid(),
        db,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.person.findUniqueOrThrow({ where: { id: bart } })).toEqual(before);
    expect(await db.recordRevision.count()).toBe(0);

    await expect(
      resolveAdministrativeCorrection({
        actor: sara,
        correctionId: id,
        correctionVersion: 7,
        field: "contact.phone",
        value: "0478 11 22 33",
        entityVersion: before.version,
        reason: "Nieuw nummer bevestigd aan de telefoon.",
        requestId: rid(),
        db,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    // The whole transaction rolled back: the field change with it.
    expect(await db.person.findUniqueOrThrow({ where: { id: bart } })).toEqual(before);
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OPEN",
      version: 1,
    });
  });

  it("is refused to anyone but the service center, with the rows untouched", async () => {
    const id = await askPhoneCorrection();
    const before = await db.person.findUniqueOrThrow({ where: { id: bart } });
    for (const actor of [pBart, gated(u.nina, "NURSE")]) {
      await expect(
        resolveAdministrativeCorrection({
          actor,
          correctionId: id,
          correctionVersion: 1,
          field: "contact.phone",
          value: "0000",
          entityVersion: before.version,
          reason: "Ik pas het zelf wel even aan.",
          requestId: rid(),
          db,
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.person.findUniqueOrThrow({ where: { id: bart } })).toEqual(before);
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OPEN",
      version: 1,
    });
  });
});

describe("health data and rejection", () => {
  it("routes a health-data request to the responsible nurse, and does not correct it itself", async () => {
    const asked = await requestCorrection({
      actor: pAn,
      patientId: an,
      section: "HEALTH",
      description: "Mijn gewicht van gisteren is fout genoteerd.",
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    if (!asked.allowed || !asked.result.ok) throw new Error("expected a request");
    const id = asked.result.correctionId;
    await expect(
      resolveAdministrativeCorrection({
        actor: sara,
        correctionId: id,
        correctionVersion: 1,
        field: "contact.phone",
        value: "0478",
        entityVersion: 1,
        reason: "Zou niet mogen lukken hier.",
        requestId: rid(),
        db,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(
      await routeCorrectionToNurse({ actor: sara, correctionId: id, correctionVersion: 1, requestId: rid(), db }),
    ).toEqual({ allowed: true, result: { ok: true, nurse: "Nina De Smet" } });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ROUTED_TO_NURSE",
      assignedNurseId: u.nina,
    });
    // A second click on the same form: the request moved on, the stale version is refused.
    await expect(
      routeCorrectionToNurse({ actor: sara, correctionId: id, correctionVersion: 1, requestId: rid(), db }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("routes a request again when its nurse is no longer the responsible one, and only then", async () => {
    const asked = await requestCorrection({
      actor: pAn,
      patientId: an,
      section: "HEALTH",
      description: "Mijn gewicht van gisteren is fout genoteerd.",
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    if (!asked.allowed || !asked.result.ok) throw new Error("expected a request");
    const id = asked.result.correctionId;
    await routeCorrectionToNurse({ actor: sara, correctionId: id, correctionVersion: 1, requestId: rid(), db });
    const detail = async () => {
      const read = await readCorrectionForServiceCenter({ actor: sara, correctionId: id, requestId: rid(), db });
      if (!read.allowed) throw new Error("the service center reads the request");
      return read.result;
    };
    expect(await detail()).toMatchObject({
      assignedNurse: "Nina De Smet",
      responsibleNurse: "Nina De Smet",
      reroutable: false,
    });
    // Still with the responsible nurse: routing again changes nothing.
    expect(
      await routeCorrectionToNurse({ actor: sara, correctionId: id, correctionVersion: 2, requestId: rid(), db }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "already_with_nurse" } });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      assignedNurseId: u.nina,
      version: 2,
    });

    // Nina leaves An's team; Noah becomes her responsible nurse.
    const yesterday = new Date(Date.now() - DAY);
    await db.careTeamAssignment.updateMany({ where: { patientId: an, nurseId: u.nina }, data: { endDate: yesterday } });
    await db.careTeamAssignment.create({
      data: { patientId: an, nurseId: u.noah, responsible: true, startDate: yesterday },
    });
    expect(await detail()).toMatchObject({
      assignedNurse: "Nina De Smet",
      responsibleNurse: "Noah Peeters",
      reroutable: true,
    });
    expect(
      await routeCorrectionToNurse({ actor: sara, correctionId: id, correctionVersion: 2, requestId: rid(), db }),
    ).toEqual({ allowed: true, result: { ok: true, nurse: "Noah Peeters" } });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ROUTED_TO_NURSE",
      assignedNurseId: u.noah,
      version: 3,
    });
    expect(await detail()).toMatchObject({ assignedNurse: "Noah Peeters", reroutable: false });
  });

  it("rejects with a reason the requester reads", async () => {
    const id = await askPhoneCorrection();
    expect(
      await rejectCorrection({
        actor: sara,
        correctionId: id,
        correctionVersion: 1,
        reason: "Dit nummer is al het nummer in uw dossier.",
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { rejected: true } });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REJECTED",
      resolution: "Dit nummer is al het nummer in uw dossier.",
    });
    expect(await listCorrectionQueue({ actor: sara, db })).toEqual([]);
  });
});

describe("form schemas", () => {
  it("take an optional entry and refuse a short description or an unknown field", () => {
    const key = randomUUID();
    expect(
      ZRequestCorrectionForm.parse({
        idempotencyKey: key,
        section: "CONTACT",
        entry: "",
        description: "  Mijn nummer is fout.  ",
      }),
    ).toEqual({ idempotencyKey: key, section: "CONTACT", description: "Mijn nummer is fout." });
    expect(
      ZRequestCorrectionForm.parse({
        idempotencyKey: key,
        section: "HEALTH",
        entry: "NursingNote:abc",
        description: "Mijn nummer is fout.",
      }).entry,
    ).toBe("NursingNote:abc");
    expect(
      ZRequestCorrectionForm.safeParse({ idempotencyKey: key, section: "CONTACT", description: "kort" }).success,
    ).toBe(false);
    expect(
      ZResolveAdministrativeForm.safeParse({
        correctionId: "x",
        correctionVersion: "1",
        field: "identification.insz",
        value: "1",
        entityVersion: "1",
        reason: "Een goede reden.",
      }).success,
    ).toBe(false);
  });
});
