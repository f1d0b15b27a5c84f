// The nurse's side of corrections (issue 4): closing a request the service center routed to her
// (lib/corrections/nurse.ts) and correcting a vital reading with a reason (lib/nursing). Allowed
// for the routed team nurse; refused for a nurse outside the team, a colleague it was not routed
// to, a doctor, a request not routed, a stale version; every refusal leaves the rows as they were.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { requestEmergencyAccess } from "@/lib/access";
import type { GatedActor } from "@/lib/auth/actor";
import { readPatientCorrections, requestCorrection, routeCorrectionToNurse } from "@/lib/corrections";
import { resolveRoutedCorrection } from "@/lib/corrections/nurse";
import { acceptCurrentDeclaration, assignToCareTeam, createPerson } from "@/lib/demo-world/factories";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { correctVitalSign, listRoutedCorrections, readNurseWorkScreen } from "@/lib/nursing";
import { ZCorrectVital, ZResolveCorrection } from "@/lib/nursing/schemas";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an } = demoIds.patients;

const nina = gated(u.nina, "NURSE");
const noah = gated(u.noah, "NURSE");
const dirk = gated(u.dirk, "DOCTOR");
const sara = gated(u.sara, "SERVICE_CENTER");
const pAn = gated(an, "PATIENT");
const rid = () => `test-${randomUUID()}`;
const RESOLUTION = "Verslag verbeterd: de wonde zat aan het linkerbeen.";

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

/** p.an asks a correction of one of her factual notes; routed unless told otherwise. */
async function askedCorrection(options: { route?: boolean } = { route: true }) {
  const noteRow = await db.nursingNote.findFirstOrThrow({
    where: { patientId: an, kind: "OBSERVATION" },
    orderBy: { writtenAt: "desc" },
  });
  const asked = await requestCorrection({
    actor: pAn,
    patientId: an,
    section: "HEALTH",
    entry: { type: "NursingNote", id: noteRow.id },
    description: "De wonde zat aan mijn linkerbeen, niet rechts.",
    idempotencyKey: randomUUID(),
    requestId: rid(),
    db,
  });
  if (!asked.allowed || !asked.result.ok) throw new Error("the request was not created");
  const id = asked.result.correctionId;
  if (options.route) {
    const routed = await routeCorrectionToNurse({
      actor: sara,
      correctionId: id,
      correctionVersion: 1,
      requestId: rid(),
      db,
    });
    if (!routed.allowed || !routed.result.ok) throw new Error("the request was not routed");
  }
  return db.correctionRequest.findUniqueOrThrow({ where: { id } });
}

const resolve = (actor: GatedActor, correctionId: string, correctionVersion: number, resolution = RESOLUTION) =>
  resolveRoutedCorrection({ actor, correctionId, correctionVersion, resolution, requestId: rid(), db });

describe("resolving a routed correction request", () => {
  it("lets the routed team nurse close it; the patient then reads it resolved with the answer", async () => {
    const request = await askedCorrection();
    expect(request).toMatchObject({ status: "ROUTED_TO_NURSE", assignedNurseId: u.nina, version: 2 });
    const screen = await readNurseWorkScreen({ actor: nina, patientId: an, db });
    expect(screen.allowed && screen.screen.routed.map((item) => [item.id, item.version])).toEqual([[request.id, 2]]);
    expect((await listRoutedCorrections({ actor: nina, db })).map((item) => [item.id, item.version])).toEqual([
      [request.id, 2],
    ]);

    const outcome = await resolve(nina, request.id, 2);
    expect(outcome).toMatchObject({ ok: true, patientId: an, version: 3 });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "RESOLVED",
      resolvedById: u.nina,
      resolution: RESOLUTION,
      version: 3,
    });
    expect(
      await db.accessLogEntry.findFirstOrThrow({ where: { patientId: an }, orderBy: { id: "desc" } }),
    ).toMatchObject({ actorId: u.nina, action: "WRITE_NURSING_FILE", decision: "ALLOW" });
    expect(await listRoutedCorrections({ actor: nina, db })).toEqual([]);

    const patientView = await readPatientCorrections({ actor: pAn, patientId: an, requestId: rid(), db });
    if (!patientView.allowed) throw new Error("p.an may read her own requests");
    expect(patientView.result.requests).toContainEqual(
      expect.objectContaining({ id: request.id, status: "RESOLVED", resolution: RESOLUTION }),
    );
  });

  it("answers the same form sent twice with the first result, and writes once", async () => {
    const request = await askedCorrection();
    await resolve(nina, request.id, 2);
    const after = await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(await resolve(nina, request.id, 2)).toMatchObject({ ok: true, version: 3 });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(after);
    // A different answer on the old version is not a retry: it is refused as stale.
    expect(await resolve(nina, request.id, 2, "Een ander antwoord dan het eerste.")).toMatchObject({
      ok: false,
      problem: "stale",
    });
  });

  it("refuses a stale version without writing", async () => {
    const request = await askedCorrection();
    expect(await resolve(nina, request.id, 1)).toMatchObject({ ok: false, problem: "stale" });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(request);
  });

  it("refuses a request the service center has not routed", async () => {
    const request = await askedCorrection({ route: false });
    expect(request.status).toBe("OPEN");
    expect(await resolve(nina, request.id, request.version)).toMatchObject({ ok: false, problem: "not_assigned" });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(request);
  });

  it("refuses a request already rejected, even to the nurse it was routed to", async () => {
    const request = await askedCorrection();
    // Closed without the nurse (the service center does not do this today; the row can still say so).
    await db.correctionRequest.update({
      where: { id: request.id },
      data: { status: "REJECTED", resolution: "Geen fout gevonden." },
    });
    const closed = await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(await resolve(nina, request.id, closed.version)).toMatchObject({ ok: false, problem: "not_routed" });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(closed);
  });

  it("refuses a nurse outside the team, a doctor and the service center with a logged denial, the row untouched", async () => {
    const request = await askedCorrection();
    for (const actor of [noah, dirk, sara]) {
      const outcome = await resolve(actor, request.id, 2);
      expect(outcome, actor.personId).toMatchObject({ ok: false, problem: "forbidden" });
      expect(
        await db.accessLogEntry.findFirstOrThrow({ where: { patientId: an }, orderBy: { id: "desc" } }),
      ).toMatchObject({ actorId: actor.personId, decision: "DENY" });
    }
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(request);
  });

  it("refuses a colleague of the same care team it was not routed to", async () => {
    const colleague = await createPerson(db, { firstName: "Lies", lastName: "Wouters", roles: [{ role: "NURSE" }] });
    await acceptCurrentDeclaration(db, { personId: colleague.id, role: "NURSE" });
    await assignToCareTeam(db, { nurseId: colleague.id, patientId: an, startDate: new Date(Date.UTC(2020, 0, 1)) });
    const request = await askedCorrection();
    expect(await resolve(gated(colleague.id, "NURSE"), request.id, 2)).toMatchObject({
      ok: false,
      problem: "not_assigned",
    });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(request);
  });

  it("does not let emergency access close a request", async () => {
    const request = await askedCorrection();
    // Routed to n.noah on paper, who is outside the team: only his emergency access lets him in.
    await db.correctionRequest.update({ where: { id: request.id }, data: { assignedNurseId: u.noah } });
    const routedToNoah = await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } });
    const access = await requestEmergencyAccess({
      actor: noah,
      patientId: an,
      reason: "Gevallen, buur belde de noodlijn",
      requestId: rid(),
      db,
    });
    expect(access.allowed).toBe(true);
    expect(await resolve(noah, request.id, routedToNoah.version)).toMatchObject({
      ok: false,
      problem: "emergency_only",
    });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(routedToNoah);
  });

  it("answers an unknown request id as not found, deciding nothing", async () => {
    const before = await db.accessLogEntry.count();
    expect(await resolve(nina, "no-such-request", 1)).toEqual({ ok: false, problem: "not_found" });
    expect(await db.accessLogEntry.count()).toBe(before);
  });

  it("needs a resolution of at least 10 characters in the form", () => {
    expect(
      ZResolveCorrection.safeParse({ correctionId: "c", correctionVersion: "2", resolution: "  opgelost " }).success,
    ).toBe(false);
    expect(
      ZResolveCorrection.parse({ correctionId: "c", correctionVersion: "2", resolution: ` ${RESOLUTION} ` }),
    ).toEqual({ correctionId: "c", correctionVersion: 2, resolution: RESOLUTION });
  });
});

describe("correcting a vital reading", () => {
  async function latestBloodPressure() {
    return db.vitalSign.findFirstOrThrow({
      where: { patientId: an, type: "BLOOD_PRESSURE" },
      orderBy: { measuredAt: "desc" },
    });
  }
  const correction = (vitalId: string, version: number, value = "138", secondaryValue = "84") =>
    ZCorrectVital.parse({
      type: "BLOOD_PRESSURE",
      vitalId,
      version: String(version),
      value,
      secondaryValue,
      note: "",
      reason: "Afgelezen van het verkeerde toestel",
    });

  it("keeps the previous reading with the reason and shows it in the history", async () => {
    const before = await latestBloodPressure();
    const corrected = await correctVitalSign({ actor: nina, patientId: an, db }, correction(before.id, before.version));
    expect(corrected).toEqual({ id: before.id, version: before.version + 1 });
    const after = await db.vitalSign.findUniqueOrThrow({ where: { id: before.id } });
    expect([
      after.value.toNumber(),
      after.secondaryValue?.toNumber(),
      after.type,
      after.unit,
      after.measuredAt,
    ]).toEqual([138, 84, "BLOOD_PRESSURE", before.unit, before.measuredAt]);

    const outcome = await readNurseWorkScreen({ actor: nina, patientId: an, db });
    if (!outcome.allowed) throw new Error("n.nina is in An's care team");
    const history = outcome.screen.revisions[before.id];
    expect(history).toEqual([
      expect.objectContaining({
        version: before.version,
        reason: "Afgelezen van het verkeerde toestel",
        author: "Nina De Smet",
        previous: expect.objectContaining({
          value: before.value.toNumber(),
          secondaryValue: before.secondaryValue?.toNumber(),
          unit: before.unit,
        }),
      }),
    ]);
    expect(outcome.screen.file.health.vitalSigns.find((reading) => reading.id === before.id)?.version).toBe(
      before.version + 1,
    );
    expect(outcome.screen.revisions[before.id]).toHaveLength(1);
  });

  it("refuses a stale version with a conflict and writes nothing", async () => {
    const before = await latestBloodPressure();
    await correctVitalSign({ actor: nina, patientId: an, db }, correction(before.id, before.version));
    const current = await db.vitalSign.findUniqueOrThrow({ where: { id: before.id } });
    await expect(
      correctVitalSign({ actor: nina, patientId: an, db }, correction(before.id, before.version, "150", "90")),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.vitalSign.findUniqueOrThrow({ where: { id: before.id } })).toEqual(current);
    expect(await db.recordRevision.count({ where: { entityId: before.id } })).toBe(1);
  });

  it("refuses a doctor and a nurse outside the team, and a changed type, leaving the reading and history untouched", async () => {
    const before = await latestBloodPressure();
    for (const actor of [dirk, noah]) {
      await expect(
        correctVitalSign({ actor, patientId: an, db }, correction(before.id, before.version)),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    const asPulse = ZCorrectVital.parse({
      type: "PULSE",
      vitalId: before.id,
      version: String(before.version),
      value: "72",
      reason: "Het was eigenlijk de pols",
    });
    await expect(correctVitalSign({ actor: nina, patientId: an, db }, asPulse)).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await db.vitalSign.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await db.recordRevision.count()).toBe(0);
  });

  it("refuses another patient's reading sent with this patient's id", async () => {
    const barts = await db.vitalSign.findFirstOrThrow({
      where: { patientId: demoIds.patients.bart, type: "BLOOD_PRESSURE" },
    });
    await expect(
      correctVitalSign({ actor: nina, patientId: an, db }, correction(barts.id, barts.version)),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.vitalSign.findUniqueOrThrow({ where: { id: barts.id } })).toEqual(barts);
  });

  it("checks the corrected value against the plausible range of its type", () => {
    expect(
      ZCorrectVital.safeParse({
        type: "BLOOD_PRESSURE",
        vitalId: "v",
        version: "1",
        value: "84",
        secondaryValue: "138",
        reason: "Velden omgewisseld",
      }).success,
    ).toBe(false);
    expect(
      ZCorrectVital.safeParse({
        type: "TEMPERATURE",
        vitalId: "v",
        version: "1",
        value: "385",
        reason: "Komma vergeten bij invoer",
      }).success,
    ).toBe(false);
    expect(
      ZCorrectVital.safeParse({ type: "TEMPERATURE", vitalId: "v", version: "1", value: "38,5", reason: "kort" })
        .success,
    ).toBe(false);
  });
});
