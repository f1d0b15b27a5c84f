// The service center's administrative work (lib/service-center): search by name or national
// number returns identification only, corrections need a reason and the version the agent saw,
// keep the previous state, and publishing a declaration version gates every user of that role.
import { beforeEach, describe, expect, it } from "vitest";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { loadAccessFacts } from "@/lib/access/facts";
import {
  correctAdministrative,
  currentDeclarationDraft,
  publishDeclaration,
  readAdministrativeFile,
  searchPatients,
} from "@/lib/service-center";
import { ZCorrectAdministrative, ZPublishDeclaration } from "@/lib/service-center/schemas";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an } = demoIds.patients;

const sara = gated(u.sara, "SERVICE_CENTER");
const nina = gated(u.nina, "NURSE");
const dirk = gated(u.dirk, "DOCTOR");

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("finding a patient", () => {
  it("finds An by name and by national number with separators, with identification only, and logs it", async () => {
    const byName = await searchPatients({ actor: sara, db, q: "peeters an" });
    expect(byName).toEqual([
      {
        patientId: an,
        name: "An Peeters",
        insz: "41031212410",
        birthDate: expect.any(String),
        city: expect.anything(),
      },
    ]);
    const byInsz = await searchPatients({ actor: sara, db, q: "41.03.12-124.10" });
    expect(byInsz.map((hit) => hit.patientId)).toEqual([an]);
    const entry = await db.accessLogEntry.findFirstOrThrow({ where: { patientId: an }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: u.sara, action: "READ_ADMINISTRATIVE", decision: "ALLOW" });
  });

  it("never lists non-patients (Tom is a trusted person) and is refused to other roles", async () => {
    expect(await searchPatients({ actor: sara, db, q: "Tom" })).toEqual([]);
    await expect(searchPatients({ actor: nina, db, q: "An" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchPatients({ actor: { ...sara, suspended: true }, db, q: "An" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("gives the agent the administrative file and nothing of the health data", async () => {
    const file = await readAdministrativeFile({ actor: sara, db, patientId: an });
    const serialized = JSON.stringify(file);
    const note = await db.nursingNote.findFirstOrThrow({ where: { patientId: an } });
    expect(serialized).not.toContain(note.text);
    expect(Object.keys(file).sort()).toEqual([
      "contact",
      "financial",
      "identification",
      "name",
      "patientId",
      "revisions",
      "social",
    ]);
    const healthLog = await db.accessLogEntry.count({ where: { actorId: u.sara, action: "READ_HEALTH" } });
    expect(healthLog).toBe(0);
  });
});

describe("correcting administrative data", () => {
  const contact = (version: number, phone: string, reason = "Patiënte belde met nieuw nummer") =>
    ZCorrectAdministrative.parse({
      section: "contact",
      patientId: an,
      version: String(version),
      reason,
      phone,
      email: "",
      street: "Kerkstraat 1",
      postalCode: "2000",
      city: "Antwerpen",
    });

  it("corrects with a reason, keeps the previous state, and refuses a stale version", async () => {
    const before = await db.person.findUniqueOrThrow({ where: { id: an } });
    await correctAdministrative({ actor: sara, db, correction: contact(before.version, "+32 470 00 00 01") });
    await expect(
      correctAdministrative({ actor: sara, db, correction: contact(before.version, "+32 470 99 99 99") }),
    ).rejects.toMatchObject({ code: "conflict" });
    const after = await db.person.findUniqueOrThrow({ where: { id: an } });
    expect([after.phone, after.version]).toEqual(["+32 470 00 00 01", before.version + 1]);
    const revision = await db.recordRevision.findFirstOrThrow({ where: { entityType: "Person", entityId: an } });
    expect(revision).toMatchObject({
      version: before.version,
      reason: "Patiënte belde met nieuw nummer",
      authorId: u.sara,
    });
    expect((revision.previous as { phone: string | null }).phone).toBe(before.phone);
  });

  it("needs a reason of at least 10 characters", () => {
    expect(() => contact(1, "0470", "kort")).toThrow();
  });

  it("is refused to a nurse and a doctor, leaving the row untouched", async () => {
    const before = await db.person.findUniqueOrThrow({ where: { id: an } });
    for (const actor of [nina, dirk]) {
      await expect(
        correctAdministrative({ actor, db, correction: contact(before.version, "0000") }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.person.findUniqueOrThrow({ where: { id: an } })).toEqual(before);
    expect(await db.recordRevision.count()).toBe(0);
  });

  it("corrects the financial section's checkboxes", async () => {
    const current = await db.financialAdministrativeData.findUniqueOrThrow({ where: { patientId: an } });
    const correction = ZCorrectAdministrative.parse({
      section: "financial",
      patientId: an,
      version: String(current.version),
      reason: "Verhoogde tegemoetkoming bevestigd",
      insuranceFund: current.insuranceFund ?? "",
      insuranceNumber: "",
      increasedAllowance: "on",
    });
    await correctAdministrative({ actor: sara, db, correction });
    expect(await db.financialAdministrativeData.findUniqueOrThrow({ where: { patientId: an } })).toMatchObject({
      increasedAllowance: true,
      thirdPartyPayment: false,
      version: current.version + 1,
    });
  });
});

describe("publishing a declaration version", () => {
  it("publishes version 5 for nurses, prefilled from version 4, and nurses must accept it again", async () => {
    const draft = await currentDeclarationDraft({ actor: sara, db, role: "NURSE" });
    expect(draft?.version).toBe(4);
    const declaration = ZPublishDeclaration.parse({
      role: "NURSE",
      basedOnVersion: draft!.version,
      content: draft!.content,
    });
    expect(await publishDeclaration({ actor: sara, db, declaration })).toEqual({ role: "NURSE", version: 5 });
    await expect(publishDeclaration({ actor: sara, db, declaration })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.declarationVersion.count({ where: { role: "NURSE", version: 5 } })).toBe(1);

    const facts = await loadAccessFacts(db, {
      personId: u.nina,
      role: "NURSE",
      patientId: an,
      now: new Date(),
      availabilityWindowMonths: 3,
    });
    expect(facts.actor.declarationAccepted).toBe(false);
    const doctor = await loadAccessFacts(db, {
      personId: u.dirk,
      role: "DOCTOR",
      patientId: an,
      now: new Date(),
      availabilityWindowMonths: 3,
    });
    expect(doctor.actor.declarationAccepted).toBe(true);
  });

  it("is refused to anyone but the service center", async () => {
    const draft = await currentDeclarationDraft({ actor: sara, db, role: "DOCTOR" });
    const declaration = ZPublishDeclaration.parse({ role: "DOCTOR", basedOnVersion: 4, content: draft!.content });
    await expect(publishDeclaration({ actor: nina, db, declaration })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.declarationVersion.count({ where: { role: "DOCTOR" } })).toBe(4);
  });
});
