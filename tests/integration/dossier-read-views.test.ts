// The read views' data layer (issue 4) on the demo world: "my patients" lists only active
// therapeutic relations, a trusted person only active appointments, and the lookup by national
// number goes through the access decision, keeps the care question in the log, says why only to
// someone with a relation, and counts refused lookups (unknown INSZs too) for misuse detection.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { addPatientComment } from "@/lib/corrections";
import {
  CARE_QUESTION_LOG_ACTION,
  firstPage,
  listAppointingPatients,
  listMyPatients,
  lookupPatientByInsz,
  readPatientFile,
} from "@/lib/dossier";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { env } from "@/lib/env";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart, chris, dina } = demoIds.patients;
const u = demoIds.users;
const DAY = 86_400_000;

const dirk = gated(u.dirk, "DOCTOR");
const rid = () => `dossier-${randomUUID()}`;
const QUESTION = "Controle bloeddruk na aanpassing van de medicatie";

/** A valid INSZ (1900s check digits) that no demo person has: born 1 Jan 1980, this serial. */
function unknownInsz(serial: number): string {
  const nine = `800101${String(serial).padStart(3, "0")}`;
  return `${nine}${String(97 - (Number(nine) % 97)).padStart(2, "0")}`;
}

async function fileRowCounts() {
  return {
    notes: await db.nursingNote.count(),
    vitals: await db.vitalSign.count(),
    consent: await db.consentEvent.count(),
    relations: await db.therapeuticRelation.count(),
  };
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("listMyPatients", () => {
  it("lists a doctor's active therapeutic relations, and nobody else", async () => {
    expect((await listMyPatients({ actor: dirk, db })).map((patient) => patient.patientId).sort()).toEqual(
      [an, bart, chris, dina].sort(),
    );
    expect(
      (await listMyPatients({ actor: gated(u.carl, "CAREGIVER"), db })).map((patient) => patient.patientId),
    ).toEqual([an]);
    expect(await listMyPatients({ actor: gated(u.frank, "DOCTOR"), db })).toEqual([]);
  });

  it("leaves out ended, revoked and future relations", async () => {
    const today = new Date(new Date().toISOString().slice(0, 10));
    await db.therapeuticRelation.createMany({
      data: [
        {
          caregiverId: u.frank,
          patientId: an,
          kind: "GENERAL_PRACTITIONER",
          source: "STAFF_DOCUMENT",
          startDate: new Date(today.getTime() - 90 * DAY),
          endDate: new Date(today.getTime() - 2 * DAY),
        },
        {
          caregiverId: u.frank,
          patientId: bart,
          kind: "GENERAL_PRACTITIONER",
          source: "STAFF_DOCUMENT",
          startDate: new Date(today.getTime() - 90 * DAY),
          revokedAt: new Date(),
        },
        {
          caregiverId: u.frank,
          patientId: chris,
          kind: "GENERAL_PRACTITIONER",
          source: "STAFF_DOCUMENT",
          startDate: new Date(today.getTime() + 5 * DAY),
        },
      ],
    });
    expect(await listMyPatients({ actor: gated(u.frank, "DOCTOR"), db })).toEqual([]);
  });

  it("lists nothing for a role that has no therapeutic relations", async () => {
    expect(await listMyPatients({ actor: gated(u.nina, "NURSE"), db })).toEqual([]);
    expect(await listMyPatients({ actor: gated(u.dirk, "PATIENT"), db })).toEqual([]);
  });
});

describe("listAppointingPatients", () => {
  it("lists active appointments only", async () => {
    const tom = await listAppointingPatients({ actor: gated(u.tom, "TRUSTED_PERSON"), db });
    expect(tom).toEqual([expect.objectContaining({ patientId: an, name: "An Peeters" })]);
    // Bart revoked Tina's appointment.
    expect(await listAppointingPatients({ actor: gated(u.tina, "TRUSTED_PERSON"), db })).toEqual([]);
  });

  it("drops a patient the moment the appointment is revoked", async () => {
    await db.trustedPersonAppointment.updateMany({
      where: { trustedPersonId: u.tom, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    expect(await listAppointingPatients({ actor: gated(u.tom, "TRUSTED_PERSON"), db })).toEqual([]);
  });

  it("lists nothing in another role", async () => {
    expect(await listAppointingPatients({ actor: gated(u.tom, "DOCTOR"), db })).toEqual([]);
  });
});

describe("lookupPatientByInsz", () => {
  it("finds a related, consenting patient and logs the decision with the care question", async () => {
    const requestId = rid();
    const result = await lookupPatientByInsz({
      actor: dirk,
      insz: "41031212410",
      careQuestion: QUESTION,
      requestId,
      db,
    });
    expect(result).toEqual({ allowed: true, patientId: an });
    const entries = await db.accessLogEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.patientId, entry.action, entry.decision, entry.reason])).toEqual([
      [an, "READ_HEALTH", "ALLOW", "therapeutic_relation"],
      [an, CARE_QUESTION_LOG_ACTION, "ALLOW", QUESTION],
    ]);
  });

  it("tells a related doctor that consent is missing, and changes nothing", async () => {
    const before = await fileRowCounts();
    const requestId = rid();
    const result = await lookupPatientByInsz({
      actor: dirk,
      insz: "50070205712",
      careQuestion: QUESTION,
      requestId,
      db,
    });
    expect(result).toEqual({ allowed: false, refusal: "no_consent" });
    expect(await fileRowCounts()).toEqual(before);
    const entries = await db.accessLogEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.patientId, entry.action, entry.decision, entry.reason])).toEqual([
      [bart, "READ_HEALTH", "DENY", "no_consent"],
      [bart, CARE_QUESTION_LOG_ACTION, "DENY", QUESTION],
    ]);
  });

  it("names the exclusion and the passed window only to a doctor with a relation", async () => {
    expect(
      await lookupPatientByInsz({
        actor: gated(u.eva, "DOCTOR"),
        insz: "41031212410",
        careQuestion: QUESTION,
        requestId: rid(),
        db,
      }),
    ).toEqual({
      allowed: false,
      refusal: "excluded",
    });
    expect(
      await lookupPatientByInsz({ actor: dirk, insz: "45013008663", careQuestion: QUESTION, requestId: rid(), db }),
    ).toEqual({
      allowed: false,
      refusal: "outside_availability_window",
    });
  });

  it("answers a doctor without a relation and an unknown INSZ alike, and logs both", async () => {
    const frank = gated(u.frank, "DOCTOR");
    const known = await lookupPatientByInsz({
      actor: frank,
      insz: "41031212410",
      careQuestion: QUESTION,
      requestId: rid(),
      db,
    });
    const unknownRequest = rid();
    const unknown = await lookupPatientByInsz({
      actor: frank,
      insz: unknownInsz(1),
      careQuestion: QUESTION,
      requestId: unknownRequest,
      db,
    });
    expect(known).toEqual({ allowed: false, refusal: "no_access" });
    expect(unknown).toEqual(known);
    const entries = await db.accessLogEntry.findMany({ where: { requestId: unknownRequest }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.decision, entry.reason])).toEqual([
      ["READ_HEALTH", "DENY", "unknown_patient"],
      [CARE_QUESTION_LOG_ACTION, "DENY", QUESTION],
    ]);
    // The number itself stays out of the append-only log: a keyed pseudonym, the same for the same number.
    expect(entries[0]!.patientId).toMatch(/^unknown-insz:[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(entries, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain(
      unknownInsz(1),
    );
    const again = rid();
    await lookupPatientByInsz({ actor: frank, insz: unknownInsz(1), careQuestion: QUESTION, requestId: again, db });
    const other = rid();
    await lookupPatientByInsz({ actor: frank, insz: unknownInsz(2), careQuestion: QUESTION, requestId: other, db });
    const keyOf = async (requestId: string) =>
      (await db.accessLogEntry.findFirstOrThrow({ where: { requestId } })).patientId;
    expect(await keyOf(again)).toBe(entries[0]!.patientId);
    expect(await keyOf(other)).not.toBe(entries[0]!.patientId);
  });

  it("counts retries of one unknown number once: a typo retried is no walk through national numbers", async () => {
    const frank = gated(u.frank, "DOCTOR");
    for (let attempt = 1; attempt <= env.MISUSE_DISTINCT_PATIENTS + 2; attempt += 1) {
      await lookupPatientByInsz({ actor: frank, insz: unknownInsz(7), careQuestion: QUESTION, requestId: rid(), db });
    }
    expect(await db.suspension.count({ where: { personId: u.frank } })).toBe(0);
  });

  it("a run of lookups of unknown national numbers suspends the caller (systematic querying)", async () => {
    const frank = gated(u.frank, "DOCTOR");
    for (let serial = 1; serial <= env.MISUSE_DISTINCT_PATIENTS; serial += 1) {
      await lookupPatientByInsz({
        actor: frank,
        insz: unknownInsz(serial),
        careQuestion: QUESTION,
        requestId: rid(),
        db,
      });
    }
    expect(await db.suspension.count({ where: { personId: u.frank, liftedAt: null } })).toBe(1);
    expect(
      await lookupPatientByInsz({ actor: frank, insz: "41031212410", careQuestion: QUESTION, requestId: rid(), db }),
    ).toEqual({
      allowed: false,
      refusal: "suspended",
    });
  });

  it("refuses other roles, even one that may read the file through its own relation", async () => {
    expect(
      await lookupPatientByInsz({
        actor: gated(u.tom, "TRUSTED_PERSON"),
        insz: "41031212410",
        careQuestion: QUESTION,
        requestId: rid(),
        db,
      }),
    ).toEqual({
      allowed: false,
      refusal: "no_access",
    });
    expect(
      await lookupPatientByInsz({
        actor: gated(u.sara, "SERVICE_CENTER"),
        insz: "41031212410",
        careQuestion: QUESTION,
        requestId: rid(),
        db,
      }),
    ).toEqual({
      allowed: false,
      refusal: "no_access",
    });
  });
});

describe("readPatientFile: the patient's comments beside her assessments", () => {
  const COMMENT = "Ik voelde me die dag niet verward, alleen erg moe na een slechte nacht.";

  /** p.an comments on her oldest assessment: in a long file it sits behind the disclosure. */
  async function commentOnOldestAssessment() {
    const assessment = await db.nursingNote.findFirstOrThrow({
      where: { patientId: an, kind: "ASSESSMENT" },
      orderBy: { writtenAt: "asc" },
    });
    const outcome = await addPatientComment({
      actor: gated(an, "PATIENT"),
      patientId: an,
      noteId: assessment.id,
      text: COMMENT,
      idempotencyKey: randomUUID(),
      requestId: rid(),
      db,
    });
    expect(outcome).toMatchObject({ allowed: true, result: { ok: true } });
    return assessment;
  }

  it("shows her comment beside the note to herself, her trusted person, her doctor and her caregiver", async () => {
    const assessment = await commentOnOldestAssessment();
    for (const actor of [
      gated(an, "PATIENT"),
      gated(u.tom, "TRUSTED_PERSON"),
      dirk,
      gated(u.carl, "CAREGIVER"),
      gated(u.nina, "NURSE"),
    ]) {
      // The oldest assessment is on a later page of the notes (ADR 0025): one page holding them all.
      const page = firstPage({ nursingNotes: 500, vitalSigns: 1, woundCare: 1 });
      const outcome = await readPatientFile({ actor, patientId: an, requestId: rid(), db, page });
      if (!outcome.allowed) throw new Error(`expected ${actor.personId} to read An's file`);
      const notes = outcome.file.health!.nursingNotes;
      const commented = notes.filter((note) => note.patientComments.length > 0);
      expect(commented.map((note) => note.id)).toEqual([assessment.id]);
      expect(commented[0]!.patientComments).toEqual([
        { id: expect.any(String), text: COMMENT, createdAt: expect.any(Date) },
      ]);
    }
  });

  it("reads the comments under the READ_HEALTH decision: no other patient's comment, none for a refused reader", async () => {
    await commentOnOldestAssessment();
    const bartsFile = await readPatientFile({ actor: gated(u.nina, "NURSE"), patientId: bart, requestId: rid(), db });
    if (!bartsFile.allowed) throw new Error("expected Nina to read Bart's file");
    expect(bartsFile.file.health!.nursingNotes.flatMap((note) => note.patientComments)).toEqual([]);

    const requestId = rid();
    const eva = await readPatientFile({ actor: gated(u.eva, "DOCTOR"), patientId: an, requestId, db });
    expect(eva).toEqual({ allowed: false, decision: { allowed: false, reason: "excluded" } });
    expect(JSON.stringify(eva)).not.toContain(COMMENT);
  });

  it("never gives the service center's administrative view the comments", async () => {
    await commentOnOldestAssessment();
    const requestId = rid();
    const outcome = await readPatientFile({ actor: gated(u.sara, "SERVICE_CENTER"), patientId: an, requestId, db });
    if (!outcome.allowed) throw new Error("expected the service center's administrative read");
    expect(outcome.file.health).toBeUndefined();
    expect(JSON.stringify(outcome)).not.toContain(COMMENT);
    const entries = await db.accessLogEntry.findMany({ where: { requestId } });
    expect(entries.map((entry) => [entry.action, entry.decision])).toEqual([["READ_ADMINISTRATIVE", "ALLOW"]]);
  });
});
