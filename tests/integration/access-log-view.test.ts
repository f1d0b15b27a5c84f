// The patient's view of the access log with its filters (lib/audit/view.ts): the filters narrow
// the patient's own entries in the query, paging walks the matching entries only, and no filter
// reaches another patient's entries or skips the log entry of the read itself.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizePatientAccess, requestEmergencyAccess } from "@/lib/access";
import type { GatedActor } from "@/lib/auth/actor";
import { readAccessLog, type AccessLogFilter, type AccessLogView } from "@/lib/audit/view";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart } = demoIds.patients;
const u = demoIds.users;
const DAY = 86_400_000;

const patientAn = gated(an, "PATIENT");
const rid = () => `view-${randomUUID()}`;

async function readAll(actor: GatedActor, filter: AccessLogFilter = {}, limit = 100): Promise<AccessLogView[]> {
  const outcome = await readAccessLog({ actor, patientId: actor.personId, requestId: rid(), limit, db, ...filter });
  if (!outcome.allowed) throw new Error(`denied: ${outcome.decision.reason}`);
  return outcome.page.entries;
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  const now = Date.now();
  // Forty days ago: Dirk read An's file. Then, today: Eva (excluded) is refused, Tom reads,
  // Noah breaks the glass and reads, and Dirk reads Bart's file (not An's business).
  await authorizePatientAccess({
    actor: gated(u.dirk, "DOCTOR"),
    patientId: an,
    action: "READ_HEALTH",
    requestId: rid(),
    db,
    now: new Date(now - 40 * DAY),
  });
  await authorizePatientAccess({
    actor: gated(u.eva, "DOCTOR"),
    patientId: an,
    action: "READ_HEALTH",
    requestId: rid(),
    db,
  });
  await authorizePatientAccess({
    actor: gated(u.tom, "TRUSTED_PERSON"),
    patientId: an,
    action: "READ_HEALTH",
    requestId: rid(),
    db,
  });
  const emergency = await requestEmergencyAccess({
    actor: gated(u.noah, "NURSE"),
    patientId: an,
    reason: "Valt thuis, geen antwoord aan de deur",
    requestId: rid(),
    db,
  });
  expect(emergency.allowed).toBe(true);
  await authorizePatientAccess({
    actor: gated(u.noah, "NURSE"),
    patientId: an,
    action: "READ_HEALTH",
    requestId: rid(),
    db,
  });
  await authorizePatientAccess({
    actor: gated(u.dirk, "DOCTOR"),
    patientId: bart,
    action: "READ_HEALTH",
    requestId: rid(),
    db,
  });
});

describe("readAccessLog filters", () => {
  it("without a filter shows every entry of the patient's own file, newest first, the read itself included", async () => {
    const entries = await readAll(patientAn);
    expect(entries[0]).toMatchObject({
      action: "READ_ACCESS_LOG",
      decision: "ALLOW",
      reason: "self",
      actor: { name: "An Peeters", role: "PATIENT" },
    });
    expect(entries.map((entry) => entry.actor?.name)).toEqual(
      expect.arrayContaining(["Dr. Eva Jacobs", "Tom Peeters", "Noah Peeters", "Dr. Dirk Smets"]),
    );
    const ids = entries.map((entry) => BigInt(entry.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    const noahRead = entries.find((entry) => entry.actor?.name === "Noah Peeters" && entry.action === "READ_HEALTH");
    expect(noahRead).toMatchObject({
      reason: "emergency_access",
      emergencyAccess: { reason: "Valt thuis, geen antwoord aan de deur" },
    });
  });

  it("filters by decision in the query", async () => {
    const refused = await readAll(patientAn, { decisions: ["DENY", "ERROR"] });
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((entry) => entry.decision !== "ALLOW")).toBe(true);
    expect(refused).toContainEqual(
      expect.objectContaining({
        actor: { name: "Dr. Eva Jacobs", role: "DOCTOR" },
        reason: "excluded",
        decision: "DENY",
      }),
    );
    const allowed = await readAll(patientAn, { decisions: ["ALLOW"] });
    expect(allowed.every((entry) => entry.decision === "ALLOW")).toBe(true);
    expect(allowed.some((entry) => entry.actor?.name === "Dr. Eva Jacobs")).toBe(false);
  });

  it("filters by the actor's role; entries without a role never match a role", async () => {
    const doctors = await readAll(patientAn, { actorRole: "DOCTOR" });
    expect(new Set(doctors.map((entry) => entry.actor?.name))).toEqual(new Set(["Dr. Eva Jacobs", "Dr. Dirk Smets"]));
    const nurses = await readAll(patientAn, { actorRole: "NURSE" });
    expect(nurses.length).toBeGreaterThanOrEqual(2);
    expect(nurses.every((entry) => entry.actor?.role === "NURSE")).toBe(true);
  });

  it("filters by period", async () => {
    const lastMonth = await readAll(patientAn, { actorRole: "DOCTOR", since: new Date(Date.now() - 30 * DAY) });
    expect(lastMonth.map((entry) => entry.actor?.name)).toEqual(["Dr. Eva Jacobs"]);
  });

  it("never shows another patient's entries, whatever the filter", async () => {
    const bartsDoctorRead = await db.accessLogEntry.findFirstOrThrow({ where: { patientId: bart, actorId: u.dirk } });
    for (const filter of [
      {},
      { actorRole: "DOCTOR" as const },
      { decisions: ["ALLOW" as const] },
      { since: new Date(0) },
    ]) {
      const entries = await readAll(patientAn, filter);
      expect(entries.map((entry) => entry.id)).not.toContain(bartsDoctorRead.id.toString());
    }
  });

  it("pages through matching entries only, with the filter kept", async () => {
    const allNurseEntries = [...(await readAll(patientAn, { actorRole: "NURSE" }))];
    const first = await readAccessLog({
      actor: patientAn,
      patientId: an,
      requestId: rid(),
      limit: 1,
      db,
      actorRole: "NURSE",
    });
    if (!first.allowed) throw new Error("denied");
    expect(first.page.entries).toHaveLength(1);
    expect(first.page.nextBefore).not.toBeNull();
    const second = await readAccessLog({
      actor: patientAn,
      patientId: an,
      requestId: rid(),
      limit: 10,
      db,
      actorRole: "NURSE",
      before: BigInt(first.page.nextBefore!),
    });
    if (!second.allowed) throw new Error("denied");
    expect([...first.page.entries, ...second.page.entries].map((entry) => entry.id)).toEqual(
      allNurseEntries.map((entry) => entry.id),
    );
    expect(second.page.nextBefore).toBeNull();
  });

  it("logs the read itself even when the filter hides it", async () => {
    const requestId = rid();
    await readAccessLog({ actor: patientAn, patientId: an, requestId, limit: 5, db, actorRole: "DOCTOR" });
    expect(await db.accessLogEntry.findFirst({ where: { requestId } })).toMatchObject({
      action: "READ_ACCESS_LOG",
      decision: "ALLOW",
      patientId: an,
    });
  });

  it("another patient's filters cannot open An's log", async () => {
    const bartAsPatient = gated(bart, "PATIENT");
    const outcome = await readAccessLog({
      actor: bartAsPatient,
      patientId: an,
      requestId: rid(),
      limit: 5,
      db,
      actorRole: "DOCTOR",
    });
    expect(outcome).toMatchObject({ allowed: false, decision: { reason: "no_relation" } });
  });
});
