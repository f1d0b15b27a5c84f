// Every change of the facts takes effect on the very next request (no re-login, no cache), and
// the behaviours around the decision: emergency access, misuse detection and its review, writes
// in one transaction with their log entry, and failing closed.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  type AccessAction,
  authorizePatientAccess,
  liftSuspension,
  listReviewItems,
  requestEmergencyAccess,
  reviewEmergencyAccess,
  withPatientAccess,
} from "@/lib/access";
import type { GatedActor } from "@/lib/auth/actor";
import { acceptCurrentDeclaration, createPerson } from "@/lib/demo-world/factories";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { verifyAccessLog } from "@/lib/audit/verify";
import { testChainKey } from "@/tests/support/audit";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart, chris, dina } = demoIds.patients;
const u = demoIds.users;
const DAY = 86_400_000;

const dirk = gated(u.dirk, "DOCTOR");
const tom = gated(u.tom, "TRUSTED_PERSON");
const carl = gated(u.carl, "CAREGIVER");
const nina = gated(u.nina, "NURSE");
const noah = gated(u.noah, "NURSE");
const frank = gated(u.frank, "DOCTOR");
const sara = gated(u.sara, "SERVICE_CENTER");

const rid = () => `changes-${randomUUID()}`;
const decide = (actor: GatedActor, patientId: string, action: AccessAction = "READ_HEALTH", now?: Date) =>
  authorizePatientAccess({ actor, patientId, action, requestId: rid(), db, now });

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("a change takes effect on the next request", () => {
  it("consent withdrawn, then given again", async () => {
    expect((await decide(dirk, an)).allowed).toBe(true);
    await db.consentEvent.create({ data: { patientId: an, kind: "WITHDRAWN", source: "PATIENT_PORTAL" } });
    expect(await decide(dirk, an)).toEqual({ allowed: false, reason: "no_consent" });
    await db.consentEvent.create({
      data: { patientId: an, kind: "GIVEN", occurredAt: new Date(Date.now() + 1), source: "PATIENT_PORTAL" },
    });
    expect((await decide(dirk, an)).allowed).toBe(true);
  });

  it("a trusted-person appointment revoked", async () => {
    expect((await decide(tom, an)).allowed).toBe(true);
    await db.trustedPersonAppointment.updateMany({
      where: { patientId: an, trustedPersonId: u.tom },
      data: { revokedAt: new Date() },
    });
    expect(await decide(tom, an)).toEqual({ allowed: false, reason: "no_relation" });
  });

  it("an exclusion added, and lifted", async () => {
    expect((await decide(carl, an)).allowed).toBe(true);
    const exclusion = await db.exclusion.create({ data: { patientId: an, excludedPersonId: u.carl } });
    expect(await decide(carl, an)).toEqual({ allowed: false, reason: "excluded" });
    await db.exclusion.update({ where: { id: exclusion.id }, data: { liftedAt: new Date(Date.now() - 1000) } });
    expect((await decide(carl, an)).allowed).toBe(true);
  });

  it("an exclusion applies to the care team too", async () => {
    await db.exclusion.create({ data: { patientId: bart, excludedPersonId: u.nina } });
    expect(await decide(nina, bart, "WRITE_NURSING_FILE")).toEqual({ allowed: false, reason: "excluded" });
  });

  it("a therapeutic relation ended or revoked", async () => {
    const yesterday = new Date(Date.now() - DAY);
    await db.therapeuticRelation.updateMany({
      where: { patientId: an, caregiverId: u.dirk },
      data: { endDate: yesterday },
    });
    expect(await decide(dirk, an)).toEqual({ allowed: false, reason: "no_relation" });
    await db.therapeuticRelation.updateMany({
      where: { patientId: chris, caregiverId: u.dirk },
      data: { revokedAt: new Date() },
    });
    expect(await decide(dirk, chris)).toEqual({ allowed: false, reason: "no_relation" });
  });

  it("a care-team assignment ended", async () => {
    await db.careTeamAssignment.updateMany({
      where: { patientId: bart, nurseId: u.nina },
      data: { endDate: new Date(Date.now() - DAY) },
    });
    expect(await decide(nina, bart)).toEqual({ allowed: false, reason: "no_relation" });
  });

  it("a new care episode brings Dina's file back inside the window", async () => {
    expect(await decide(gated(dina, "PATIENT"), dina)).toEqual({
      allowed: false,
      reason: "outside_availability_window",
    });
    await db.careEpisode.create({ data: { patientId: dina, startDate: new Date() } });
    expect(await decide(gated(dina, "PATIENT"), dina)).toEqual({ allowed: true, reason: "self" });
  });

  it("a suspension, and a new declaration version", async () => {
    await db.suspension.create({ data: { personId: u.dirk, cause: "MANUAL", reason: "test of the suspension" } });
    expect(await decide(dirk, an)).toEqual({ allowed: false, reason: "suspended" });
    // Published versions survive the reset between tests: remove this one afterwards.
    const published = await db.declarationVersion.create({ data: { role: "CAREGIVER", version: 5, content: {} } });
    try {
      expect(await decide(carl, an)).toEqual({ allowed: false, reason: "declaration_required" });
      await db.declarationAcceptance.create({ data: { personId: u.carl, role: "CAREGIVER", version: 5 } });
      expect((await decide(carl, an)).allowed).toBe(true);
    } finally {
      await db.declarationVersion.delete({ where: { id: published.id } });
    }
  });

  it("the availability window is configurable", async () => {
    const settings = { availabilityWindowMonths: 1 };
    const decision = await authorizePatientAccess({
      actor: dirk,
      patientId: chris,
      action: "READ_HEALTH",
      requestId: rid(),
      db,
      settings,
    });
    expect(decision).toEqual({ allowed: false, reason: "outside_availability_window" });
  });
});

describe("emergency access (break the glass)", () => {
  const reason = "Patiënt gevallen, wondzorg dringend nodig";

  it("opens the file for a limited time, is logged, reviewable and visible to the patient", async () => {
    const requestId = rid();
    const result = await requestEmergencyAccess({ actor: noah, patientId: an, reason: `  ${reason}  `, requestId, db });
    if (!result.allowed || !result.emergencyAccess) throw new Error("expected an emergency access");
    const row = await db.emergencyAccess.findUniqueOrThrow({ where: { id: result.emergencyAccess.id } });
    expect(row).toMatchObject({ nurseId: u.noah, patientId: an, reason, reviewedAt: null });
    expect(row.expiresAt.getTime() - row.startedAt.getTime()).toBe(3 * 3_600_000);
    const entry = await db.accessLogEntry.findFirstOrThrow({ where: { requestId } });
    expect(entry).toMatchObject({
      action: "REQUEST_EMERGENCY_ACCESS",
      decision: "ALLOW",
      reason: "emergency_access",
      emergencyAccessId: row.id,
    });

    const read = await decide(noah, an, "READ_HEALTH");
    expect(read).toEqual({ allowed: true, reason: "emergency_access", via: { emergencyAccessId: row.id } });
    // The patient's access log shows the reads made with it.
    const patientLog = await db.accessLogEntry.findMany({ where: { patientId: an, emergencyAccessId: row.id } });
    expect(patientLog.length).toBeGreaterThanOrEqual(2);

    const items = await listReviewItems({ actor: sara, db });
    expect(items).toContainEqual(expect.objectContaining({ kind: "emergency_access", id: row.id, reason }));
    await reviewEmergencyAccess({
      actor: sara,
      emergencyAccessId: row.id,
      note: "Terecht: val gemeld door huisarts",
      db,
    });
    expect(await listReviewItems({ actor: sara, db })).not.toContainEqual(expect.objectContaining({ id: row.id }));

    // Expired: three hours and a minute later the file is closed again.
    const later = new Date(row.expiresAt.getTime() + 60_000);
    expect(await decide(noah, an, "READ_HEALTH", later)).toEqual({ allowed: false, reason: "no_relation" });
  });

  it("the duration is configurable", async () => {
    const result = await requestEmergencyAccess({
      actor: noah,
      patientId: bart,
      reason,
      requestId: rid(),
      db,
      hours: 1,
    });
    if (!result.allowed || !result.emergencyAccess) throw new Error("expected an emergency access");
    const row = await db.emergencyAccess.findUniqueOrThrow({ where: { id: result.emergencyAccess.id } });
    expect(row.expiresAt.getTime() - row.startedAt.getTime()).toBe(3_600_000);
  });

  it("requires a reason of at least 10 characters, trimmed", async () => {
    await expect(
      requestEmergencyAccess({ actor: noah, patientId: an, reason: "   kort     ", requestId: rid(), db }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.emergencyAccess.count()).toBe(0);
  });

  it("is refused to doctors, caregivers, trusted persons and the service center", async () => {
    for (const actor of [dirk, frank, carl, tom, sara]) {
      const result = await requestEmergencyAccess({ actor, patientId: an, reason, requestId: rid(), db });
      expect(result).toEqual({ allowed: false, decision: { allowed: false, reason: "role_not_permitted" } });
    }
    expect(await db.emergencyAccess.count()).toBe(0);
  });

  it("never opens a file past its window, an unknown patient, or for an excluded nurse", async () => {
    const unknown = await requestEmergencyAccess({
      actor: noah,
      patientId: "pat-nobody",
      reason,
      requestId: rid(),
      db,
    });
    const outside = await requestEmergencyAccess({ actor: noah, patientId: dina, reason, requestId: rid(), db });
    expect(unknown.allowed).toBe(false);
    expect(outside.allowed).toBe(false);
    await db.exclusion.create({ data: { patientId: chris, excludedPersonId: u.noah } });
    expect(await requestEmergencyAccess({ actor: noah, patientId: chris, reason, requestId: rid(), db })).toEqual({
      allowed: false,
      decision: { allowed: false, reason: "excluded" },
    });
    expect(await db.emergencyAccess.count()).toBe(0);
  });

  it("creates nothing for a nurse of the care team, who already has access", async () => {
    const result = await requestEmergencyAccess({ actor: nina, patientId: an, reason, requestId: rid(), db });
    expect(result).toEqual({ allowed: true, decision: { allowed: true, reason: "care_team" }, emergencyAccess: null });
    expect(await db.emergencyAccess.count()).toBe(0);
  });
});

/** A doctor with no history in the (append-only, never reset) access log. */
async function freshDoctor(): Promise<GatedActor> {
  const person = await createPerson(db, {
    firstName: "Test",
    lastName: `Dokter ${randomUUID().slice(0, 8)}`,
    roles: [{ role: "DOCTOR" }],
  });
  await acceptCurrentDeclaration(db, { personId: person.id, role: "DOCTOR" });
  return gated(person.id, "DOCTOR");
}

describe("misuse detection", () => {
  it("suspends at 20 distinct denied patient ids within 10 minutes (defaults), until lifted with a reason", async () => {
    const prober = await freshDoctor();
    for (let i = 1; i <= 19; i++) {
      expect((await decide(prober, `pat-probe-${i}`)).reason).toBe("unknown_patient");
    }
    expect(await db.suspension.count({ where: { personId: prober.personId } })).toBe(0);
    expect(await decide(prober, an)).toEqual({ allowed: false, reason: "no_relation" });
    const suspension = await db.suspension.findFirstOrThrow({ where: { personId: prober.personId, liftedAt: null } });
    expect(suspension.cause).toBe("SYSTEMATIC_QUERYING");
    expect((suspension.details as { patientIds: string[] }).patientIds).toHaveLength(20);

    // Every further request is refused as suspended, even where a relation would grant access.
    await db.therapeuticRelation.create({
      data: {
        caregiverId: prober.personId,
        patientId: an,
        kind: "GENERAL_PRACTITIONER",
        startDate: new Date(Date.now() - DAY),
        source: "STAFF_DOCUMENT",
      },
    });
    expect(await decide(prober, an)).toEqual({ allowed: false, reason: "suspended" });

    const items = await listReviewItems({ actor: sara, db });
    expect(items).toContainEqual(
      expect.objectContaining({ kind: "suspension", id: suspension.id, cause: "SYSTEMATIC_QUERYING" }),
    );

    await expect(liftSuspension({ actor: sara, suspensionId: suspension.id, reason: "ok", db })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(
      liftSuspension({ actor: prober, suspensionId: suspension.id, reason: "I promise to behave", db }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await liftSuspension({
      actor: sara,
      suspensionId: suspension.id,
      reason: "Gebeld met dr. Willems: testscript",
      db,
    });
    expect(await db.suspension.findUniqueOrThrow({ where: { id: suspension.id } })).toMatchObject({
      liftedById: u.sara,
      liftReason: "Gebeld met dr. Willems: testscript",
    });
    await new Promise((resolve) => setTimeout(resolve, 5));

    // Lifted: the next request is decided on its merits, and the old denials do not re-suspend.
    expect(await decide(prober, bart)).toEqual({ allowed: false, reason: "no_relation" });
    expect(await db.suspension.count({ where: { personId: prober.personId, liftedAt: null } })).toBe(0);
  });

  it("uses the configured threshold and window, counting distinct patients only", async () => {
    const prober = await freshDoctor();
    const settings = { availabilityWindowMonths: 3, misuse: { distinctPatients: 3, windowMinutes: 1 } };
    const ask = (patientId: string, now?: Date) =>
      authorizePatientAccess({ actor: prober, patientId, action: "READ_HEALTH", requestId: rid(), db, settings, now });
    await ask(an);
    await ask(an);
    await ask(bart);
    expect(await db.suspension.count({ where: { personId: prober.personId } })).toBe(0);
    // Two minutes later the first denials are outside the window.
    await ask(chris, new Date(Date.now() + 2 * 60_000));
    expect(await db.suspension.count({ where: { personId: prober.personId } })).toBe(0);
    await ask(an, new Date(Date.now() + 2 * 60_000 + 10));
    await ask(bart, new Date(Date.now() + 2 * 60_000 + 20));
    expect(await db.suspension.count({ where: { personId: prober.personId } })).toBe(1);
  });
});

describe("writes and failures", () => {
  it("commits a change and its log entry together, and runs no change on a denial", async () => {
    const write = (actor: GatedActor, patientId: string) =>
      withPatientAccess({ actor, patientId, action: "WRITE_NURSING_FILE", requestId: rid(), db }, (tx) =>
        tx.nursingNote.create({
          data: { patientId, authorId: actor.personId, writtenAt: new Date(), text: "Wonde proper, verband vervangen" },
        }),
      );
    const before = await db.nursingNote.count({ where: { patientId: an } });
    const allowed = await write(nina, an);
    expect(allowed.allowed).toBe(true);
    const denied = await write(dirk, an);
    expect(denied).toEqual({ allowed: false, decision: { allowed: false, reason: "role_not_permitted" } });
    expect(await db.nursingNote.count({ where: { patientId: an } })).toBe(before + 1);
  });

  it("rolls back a failed change with its ALLOW entry, records the attempt as ERROR and rethrows", async () => {
    const requestId = rid();
    const before = await db.nursingNote.count({ where: { patientId: an } });
    await expect(
      withPatientAccess({ actor: nina, patientId: an, action: "WRITE_NURSING_FILE", requestId, db }, async (tx) => {
        await tx.nursingNote.create({ data: { patientId: an, writtenAt: new Date(), text: "half" } });
        throw new Error("storage failed");
      }),
    ).rejects.toThrow("storage failed");
    expect(await db.nursingNote.count({ where: { patientId: an } })).toBe(before);
    const entries = await db.accessLogEntry.findMany({ where: { requestId } });
    expect(entries.map((e) => [e.decision, e.reason])).toEqual([["ERROR", "action_failed"]]);
  });

  it("fails closed: an error while deciding denies and is logged as ERROR", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    let failed = false;
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "$transaction" && !failed) {
          failed = true;
          return () => Promise.reject(new Error("connection lost"));
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const requestId = rid();
    const decision = await authorizePatientAccess({
      actor: nina,
      patientId: an,
      action: "READ_HEALTH",
      requestId,
      db: flaky,
    });
    expect(decision).toEqual({ allowed: false, reason: "error" });
    expect(consoleError).toHaveBeenCalled();
    const entries = await db.accessLogEntry.findMany({ where: { requestId } });
    expect(entries.map((e) => [e.decision, e.reason])).toEqual([["ERROR", "error"]]);
  });

  it("keeps every chain intact under concurrent decisions", async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => decide([nina, dirk, tom][i % 3]!, [an, bart, chris][i % 3]!)),
    );
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });
});
