// The service center's review list as the review page uses it: what each item tells the agent
// (cause, count and window of a suspension), the optional review note, the form schemas the
// server actions validate with, and that only staff change an item, exactly once.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  authorizePatientAccess,
  liftSuspension,
  listReviewItems,
  requestEmergencyAccess,
  reviewEmergencyAccess,
} from "@/lib/access";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { splitReviewItems } from "@/components/review/review-lists";
import { ZLiftSuspensionForm, ZReviewEmergencyAccessForm } from "@/app/service-center/review/schemas";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an, bart } = demoIds.patients;

const sara = gated(u.sara, "SERVICE_CENTER");
const frank = gated(u.frank, "DOCTOR");
const noah = gated(u.noah, "NURSE");
const nina = gated(u.nina, "NURSE");
const rid = () => `review-${randomUUID()}`;

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

/** Suspends d.frank the way the portal does: denials on distinct patient ids within the window. */
async function suspendFrankBySystematicQuerying(): Promise<string> {
  const settings = { availabilityWindowMonths: 3, misuse: { distinctPatients: 4, windowMinutes: 7 } };
  for (let i = 1; i <= 4; i++) {
    await authorizePatientAccess({
      actor: frank,
      patientId: `pat-probe-${i}`,
      action: "READ_HEALTH",
      requestId: rid(),
      db,
      settings,
    });
  }
  return (await db.suspension.findFirstOrThrow({ where: { personId: u.frank, liftedAt: null } })).id;
}

describe("the review list", () => {
  it("says how many distinct files were asked for and in which window, and names the doctor with his title", async () => {
    const id = await suspendFrankBySystematicQuerying();
    const items = await listReviewItems({ actor: sara, db });
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: "suspension",
        id,
        cause: "SYSTEMATIC_QUERYING",
        windowMinutes: 7,
        person: { id: u.frank, name: "Dr. Frank Willems" },
      }),
    );
    const item = items.find((candidate) => candidate.id === id);
    expect(item?.kind === "suspension" && item.patientIds).toEqual([
      "pat-probe-1",
      "pat-probe-2",
      "pat-probe-3",
      "pat-probe-4",
    ]);
  });

  it("has no window for a manual suspension, or for details it cannot read", async () => {
    const manual = await db.suspension.create({
      data: { personId: u.eva, cause: "MANUAL", reason: "Klacht van een patiënt", details: { windowMinutes: "ten" } },
    });
    const [item] = await listReviewItems({ actor: sara, db });
    expect(item).toMatchObject({
      kind: "suspension",
      id: manual.id,
      cause: "MANUAL",
      reason: "Klacht van een patiënt",
      windowMinutes: null,
      patientIds: [],
    });
  });

  it("is split per kind, oldest first, for the page", async () => {
    const old = await db.suspension.create({
      data: { personId: u.eva, cause: "MANUAL", reason: "oud", createdAt: new Date(Date.now() - 86_400_000) },
    });
    const recent = await suspendFrankBySystematicQuerying();
    const first = await requestEmergencyAccess({
      actor: noah,
      patientId: an,
      reason: "Gevallen, geen antwoord aan de deur",
      requestId: rid(),
      db,
      now: new Date(Date.now() - 3_600_000),
    });
    const second = await requestEmergencyAccess({
      actor: noah,
      patientId: bart,
      reason: "Alarmknop ingedrukt, niemand bereikbaar",
      requestId: rid(),
      db,
    });
    if (!first.allowed || !second.allowed) throw new Error("expected two emergency accesses");
    const lists = splitReviewItems(await listReviewItems({ actor: sara, db }));
    expect(lists.suspensions.map((item) => item.id)).toEqual([old.id, recent]);
    expect(lists.emergencyAccesses.map((item) => item.id)).toEqual([
      first.emergencyAccess?.id,
      second.emergencyAccess?.id,
    ]);
  });

  it("is for the service center only", async () => {
    for (const actor of [frank, nina, gated(an, "PATIENT")]) {
      await expect(listReviewItems({ actor, db })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(listReviewItems({ actor: { ...sara, suspended: true }, db })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      listReviewItems({ actor: { ...sara, declaration: { currentVersion: 4, accepted: false } }, db }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("lifting a suspension", () => {
  it("is done once; a second lift (a colleague on the same item) is not_found and changes nothing", async () => {
    const id = await suspendFrankBySystematicQuerying();
    await liftSuspension({ actor: sara, suspensionId: id, reason: "Gebeld met dr. Willems: testscript", db });
    const lifted = await db.suspension.findUniqueOrThrow({ where: { id } });
    await expect(
      liftSuspension({ actor: sara, suspensionId: id, reason: "Nog eens opgeheven, per ongeluk", db }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.suspension.findUniqueOrThrow({ where: { id } })).toEqual(lifted);
    expect(await listReviewItems({ actor: sara, db })).not.toContainEqual(expect.objectContaining({ id }));
  });

  it("is refused to anyone outside the service center, and the suspension stays", async () => {
    const id = await suspendFrankBySystematicQuerying();
    await expect(
      liftSuspension({ actor: nina, suspensionId: id, reason: "Ik ken hem, hij is te vertrouwen", db }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.suspension.findUniqueOrThrow({ where: { id } })).toMatchObject({
      liftedAt: null,
      liftedById: null,
      liftReason: null,
    });
  });
});

describe("after a reset of the demo world", () => {
  // The end-to-end specs reseed between files while the access log (append-only) keeps every
  // denial: a suspended-and-lifted d.frank must not be suspended again by his old denials.
  it("old denials of a recreated person do not count; new ones do, from zero", async () => {
    const settings = { availabilityWindowMonths: 3, misuse: { distinctPatients: 4, windowMinutes: 7 } };
    const ask = (patientId: string) =>
      authorizePatientAccess({ actor: frank, patientId, action: "READ_HEALTH", requestId: rid(), db, settings });
    const id = await suspendFrankBySystematicQuerying();
    await liftSuspension({ actor: sara, suspensionId: id, reason: "Gebeld met dr. Willems: testscript", db });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await seedDemoWorld(db);
    expect(await db.suspension.count()).toBe(0);

    for (const patientId of ["pat-probe-5", "pat-probe-6", "pat-probe-7"]) {
      expect(await ask(patientId)).toEqual({ allowed: false, reason: "unknown_patient" });
    }
    expect(await db.suspension.count({ where: { personId: u.frank } })).toBe(0);
    await ask("pat-probe-8");
    expect(await db.suspension.count({ where: { personId: u.frank, liftedAt: null } })).toBe(1);
  });
});

describe("reviewing an emergency access", () => {
  async function breakTheGlass(): Promise<string> {
    const result = await requestEmergencyAccess({
      actor: noah,
      patientId: bart,
      reason: "Alarmknop ingedrukt, niemand bereikbaar",
      requestId: rid(),
      db,
    });
    if (!result.allowed || !result.emergencyAccess) throw new Error("expected an emergency access");
    return result.emergencyAccess.id;
  }

  it("takes an optional note: none, or blank, is stored as no note", async () => {
    const withoutNote = await breakTheGlass();
    const blankNote = await breakTheGlass();
    await reviewEmergencyAccess({ actor: sara, emergencyAccessId: withoutNote, db });
    await reviewEmergencyAccess({ actor: sara, emergencyAccessId: blankNote, note: "   ", db });
    for (const id of [withoutNote, blankNote]) {
      const row = await db.emergencyAccess.findUniqueOrThrow({ where: { id } });
      expect(row.reviewedAt).toBeInstanceOf(Date);
      expect(row).toMatchObject({ reviewedById: u.sara, reviewNote: null });
    }
    expect(await listReviewItems({ actor: sara, db })).toEqual([]);
  });

  it("keeps a note trimmed, is done once, and only by the service center", async () => {
    const id = await breakTheGlass();
    await expect(
      reviewEmergencyAccess({ actor: nina, emergencyAccessId: id, note: "Zelf nagekeken", db }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.emergencyAccess.findUniqueOrThrow({ where: { id } })).reviewedAt).toBeNull();
    await reviewEmergencyAccess({ actor: sara, emergencyAccessId: id, note: "  Terecht, huisarts bevestigt  ", db });
    const reviewed = await db.emergencyAccess.findUniqueOrThrow({ where: { id } });
    expect(reviewed.reviewNote).toBe("Terecht, huisarts bevestigt");
    await expect(
      reviewEmergencyAccess({ actor: sara, emergencyAccessId: id, note: "Tweede keer", db }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.emergencyAccess.findUniqueOrThrow({ where: { id } })).toEqual(reviewed);
  });
});

describe("the review forms' schemas", () => {
  it("want a lift reason of at least 10 characters after trimming, at most 2000", () => {
    expect(ZLiftSuspensionForm.safeParse({ suspensionId: "s1", reason: "   kort     " }).success).toBe(false);
    expect(ZLiftSuspensionForm.safeParse({ suspensionId: "s1", reason: "x".repeat(2001) }).success).toBe(false);
    expect(ZLiftSuspensionForm.safeParse({ suspensionId: "s1", reason: "  Gebeld, in orde  " }).data).toEqual({
      suspensionId: "s1",
      reason: "Gebeld, in orde",
    });
    expect(ZLiftSuspensionForm.safeParse({ suspensionId: "", reason: "Gebeld, in orde" }).success).toBe(false);
    expect(ZLiftSuspensionForm.safeParse({ reason: "Gebeld, in orde" }).success).toBe(false);
  });

  it("take a missing or empty review note, but not an overlong one", () => {
    expect(ZReviewEmergencyAccessForm.safeParse({ emergencyAccessId: "e1" }).data).toEqual({
      emergencyAccessId: "e1",
      note: "",
    });
    expect(ZReviewEmergencyAccessForm.safeParse({ emergencyAccessId: "e1", note: "  " }).data).toEqual({
      emergencyAccessId: "e1",
      note: "",
    });
    expect(ZReviewEmergencyAccessForm.safeParse({ emergencyAccessId: "e1", note: "x".repeat(2001) }).success).toBe(
      false,
    );
    expect(ZReviewEmergencyAccessForm.safeParse({ emergencyAccessId: "x".repeat(101) }).success).toBe(false);
  });
});
