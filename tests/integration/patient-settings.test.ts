// The patient's settings on the demo world: trusted persons, exclusions and consent change who
// the access decision lets in on the very next request; each change and its MANAGE_PATIENT_SETTINGS
// log entry commit together; a second identical submit changes nothing; and anyone but the patient
// herself is refused with the rows untouched.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import type { GatedActor } from "@/lib/auth/actor";
import { createPerson } from "@/lib/demo-world/factories";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  appointTrustedPerson,
  excludeByInsz,
  excludeRelatedPerson,
  liftExclusion,
  readPatientSettings,
  revokeTrustedPerson,
  setConsent,
} from "@/lib/patient-settings";
import { ZAppointTrustedPersonForm, ZConsentForm } from "@/lib/patient-settings/schemas";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const u = demoIds.users;
const { an, bart } = demoIds.patients;
const TINA_INSZ = "72090809477";
const CARL_INSZ = "83030311111";

const pAn = gated(an, "PATIENT");
const rid = () => `settings-${randomUUID()}`;
const asAn = { actor: pAn, patientId: an, db };

async function canRead(personId: string, role: Role, patientId: string = an): Promise<boolean> {
  return (
    await authorizePatientAccess({
      actor: gated(personId, role),
      patientId,
      action: "READ_HEALTH",
      requestId: rid(),
      db,
    })
  ).allowed;
}

async function settingsRows() {
  return {
    appointments: await db.trustedPersonAppointment.findMany({ orderBy: { id: "asc" } }),
    exclusions: await db.exclusion.findMany({ orderBy: { id: "asc" } }),
    consent: await db.consentEvent.findMany({ orderBy: { id: "asc" } }),
  };
}

async function logEntries(requestId: string) {
  return db.accessLogEntry.findMany({
    where: { requestId },
    select: { action: true, decision: true, reason: true, actorId: true, patientId: true },
  });
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("reading the settings", () => {
  it("shows An's trusted person, her exclusion, who she could exclude, and her consent history", async () => {
    const outcome = await readPatientSettings({ ...asAn, requestId: rid() });
    if (!outcome.allowed) throw new Error("expected allowed");
    const settings = outcome.result;
    expect(settings.trustedPersons.map((t) => t.name)).toEqual(["Tom Peeters"]);
    expect(settings.exclusions.map((e) => e.name)).toEqual(["Dr. Eva Jacobs"]);
    const excludable = settings.excludable.map((e) => e.name);
    expect(excludable).toEqual(expect.arrayContaining(["Carl Hermans", "Dr. Dirk Smets", "Nina De Smet"]));
    // Eva is excluded already: she is not offered again.
    expect(excludable).not.toContain("Dr. Eva Jacobs");
    expect(settings.consent.active).toBe(true);
    expect(settings.consent.history.length).toBeGreaterThan(0);
  });
});

describe("trusted persons", () => {
  it("appoints Tina by national number and last name; she reads An's file at once; revoking ends it", async () => {
    expect(await canRead(u.tina, "TRUSTED_PERSON")).toBe(false);
    const requestId = rid();
    const appointed = await appointTrustedPerson({ ...asAn, requestId, insz: TINA_INSZ, lastName: "claes" });
    expect(appointed).toEqual({ allowed: true, result: { ok: true, changed: true } });
    expect(await logEntries(requestId)).toEqual([
      { action: "MANAGE_PATIENT_SETTINGS", decision: "ALLOW", reason: "self", actorId: an, patientId: an },
    ]);
    expect(await canRead(u.tina, "TRUSTED_PERSON")).toBe(true);

    // A double click: still one active appointment.
    expect(await appointTrustedPerson({ ...asAn, requestId: rid(), insz: TINA_INSZ, lastName: "Claes" })).toEqual({
      allowed: true,
      result: { ok: true, changed: false },
    });
    const active = await db.trustedPersonAppointment.findMany({
      where: { patientId: an, trustedPersonId: u.tina, revokedAt: null },
    });
    expect(active).toHaveLength(1);

    expect(await revokeTrustedPerson({ ...asAn, requestId: rid(), appointmentId: active[0]!.id })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await revokeTrustedPerson({ ...asAn, requestId: rid(), appointmentId: active[0]!.id })).toEqual({
      allowed: true,
      result: { ok: true, changed: false },
    });
    expect(await canRead(u.tina, "TRUSTED_PERSON")).toBe(false);
  });

  it("refuses a wrong last name exactly like an unknown number, and writes nothing", async () => {
    const before = await settingsRows();
    const wrongName = await appointTrustedPerson({ ...asAn, requestId: rid(), insz: TINA_INSZ, lastName: "Peeters" });
    const unknown = await appointTrustedPerson({ ...asAn, requestId: rid(), insz: "85073003328", lastName: "Claes" });
    expect(wrongName).toEqual({ allowed: true, result: { ok: false, problem: "no_match" } });
    expect(unknown).toEqual(wrongName);
    expect(await settingsRows()).toEqual(before);
  });

  it("cannot appoint oneself", async () => {
    expect(await appointTrustedPerson({ ...asAn, requestId: rid(), insz: "41031212410", lastName: "Peeters" })).toEqual(
      { allowed: true, result: { ok: false, problem: "self" } },
    );
  });

  it("gives someone without the role the trusted-person role with the appointment", async () => {
    const neighbour = await createPerson(db, { firstName: "Jef", lastName: "Buur", roles: [] });
    await appointTrustedPerson({ ...asAn, requestId: rid(), insz: neighbour.insz, lastName: "Buur" });
    expect(await db.personRole.findMany({ where: { personId: neighbour.id }, select: { role: true } })).toEqual([
      { role: "TRUSTED_PERSON" },
    ]);
  });

  it("does not revoke another patient's appointment through An's settings", async () => {
    const bartsAppointment = await db.trustedPersonAppointment.create({
      data: { patientId: bart, trustedPersonId: u.tom },
    });
    expect(await revokeTrustedPerson({ ...asAn, requestId: rid(), appointmentId: bartsAppointment.id })).toEqual({
      allowed: true,
      result: { ok: true, changed: false },
    });
    expect(await db.trustedPersonAppointment.findUniqueOrThrow({ where: { id: bartsAppointment.id } })).toMatchObject({
      revokedAt: null,
    });
  });
});

describe("exclusions", () => {
  it("excludes Carl from the list of related caregivers, then lifts it; the decision follows each step", async () => {
    expect(await canRead(u.carl, "CAREGIVER")).toBe(true);
    expect(await excludeRelatedPerson({ ...asAn, requestId: rid(), personId: u.carl })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await excludeRelatedPerson({ ...asAn, requestId: rid(), personId: u.carl })).toEqual({
      allowed: true,
      result: { ok: true, changed: false },
    });
    expect(await canRead(u.carl, "CAREGIVER")).toBe(false);
    const exclusion = await db.exclusion.findFirstOrThrow({
      where: { patientId: an, excludedPersonId: u.carl, liftedAt: null },
    });
    expect(await liftExclusion({ ...asAn, requestId: rid(), exclusionId: exclusion.id })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await canRead(u.carl, "CAREGIVER")).toBe(true);
  });

  it("refuses to exclude from the list someone without any relation (a forged id)", async () => {
    const before = await settingsRows();
    expect(await excludeRelatedPerson({ ...asAn, requestId: rid(), personId: u.frank })).toEqual({
      allowed: true,
      result: { ok: false, problem: "no_match" },
    });
    expect(await settingsRows()).toEqual(before);
  });

  it("excludes by national number and last name; a wrong name is the neutral refusal", async () => {
    expect(await excludeByInsz({ ...asAn, requestId: rid(), insz: CARL_INSZ, lastName: "Janssens" })).toEqual({
      allowed: true,
      result: { ok: false, problem: "no_match" },
    });
    expect(await excludeByInsz({ ...asAn, requestId: rid(), insz: CARL_INSZ, lastName: "Hermans" })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await canRead(u.carl, "CAREGIVER")).toBe(false);
  });
});

describe("consent", () => {
  it("withdrawing refuses d.dirk at once, giving it again lets him in; each is a new event", async () => {
    const count = await db.consentEvent.count({ where: { patientId: an } });
    expect(await canRead(u.dirk, "DOCTOR")).toBe(true);
    expect(await setConsent({ ...asAn, requestId: rid(), give: false })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await setConsent({ ...asAn, requestId: rid(), give: false })).toEqual({
      allowed: true,
      result: { ok: true, changed: false },
    });
    expect(await canRead(u.dirk, "DOCTOR")).toBe(false);
    // The care team needs no consent.
    expect(await canRead(u.nina, "NURSE")).toBe(true);
    expect(await setConsent({ ...asAn, requestId: rid(), give: true })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await canRead(u.dirk, "DOCTOR")).toBe(true);
    expect(await db.consentEvent.count({ where: { patientId: an } })).toBe(count + 2);
    const outcome = await readPatientSettings({ ...asAn, requestId: rid() });
    if (!outcome.allowed) throw new Error("expected allowed");
    expect(outcome.result.consent.history.slice(0, 2).map((event) => [event.kind, event.bySelf])).toEqual([
      ["GIVEN", true],
      ["WITHDRAWN", true],
    ]);
  });

  it("gives Bart's first consent", async () => {
    const asBart = { actor: gated(bart, "PATIENT"), patientId: bart, db };
    expect(await canRead(u.dirk, "DOCTOR", bart)).toBe(false);
    expect(await setConsent({ ...asBart, requestId: rid(), give: true })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(await canRead(u.dirk, "DOCTOR", bart)).toBe(true);
  });
});

describe("refusals: nobody but the patient, and nothing written", () => {
  const attempts = (actor: GatedActor) => [
    () => readPatientSettings({ actor, patientId: an, db, requestId: rid() }),
    () => appointTrustedPerson({ actor, patientId: an, db, requestId: rid(), insz: TINA_INSZ, lastName: "Claes" }),
    () => excludeRelatedPerson({ actor, patientId: an, db, requestId: rid(), personId: u.carl }),
    () => excludeByInsz({ actor, patientId: an, db, requestId: rid(), insz: CARL_INSZ, lastName: "Hermans" }),
    () => setConsent({ actor, patientId: an, db, requestId: rid(), give: false }),
  ];

  it.each([
    ["t.tom, An's own trusted person", gated(u.tom, "TRUSTED_PERSON"), "role_not_permitted"],
    ["d.dirk, her doctor", gated(u.dirk, "DOCTOR"), "role_not_permitted"],
    ["n.nina, her nurse", gated(u.nina, "NURSE"), "role_not_permitted"],
    ["s.sara, the service center", gated(u.sara, "SERVICE_CENTER"), "role_not_permitted"],
    ["p.bart, another patient", gated(bart, "PATIENT"), "no_relation"],
  ] as const)("%s is refused and no row changes", async (_who, actor, reason) => {
    const before = await settingsRows();
    for (const attempt of attempts(actor)) {
      expect(await attempt()).toEqual({ allowed: false, decision: { allowed: false, reason } });
    }
    const tom = await db.trustedPersonAppointment.findFirstOrThrow({
      where: { patientId: an, trustedPersonId: u.tom },
    });
    expect(
      await revokeTrustedPerson({ actor, patientId: an, db, requestId: rid(), appointmentId: tom.id }),
    ).toMatchObject({ allowed: false });
    const eva = await db.exclusion.findFirstOrThrow({ where: { patientId: an, excludedPersonId: u.eva } });
    expect(await liftExclusion({ actor, patientId: an, db, requestId: rid(), exclusionId: eva.id })).toMatchObject({
      allowed: false,
    });
    expect(await settingsRows()).toEqual(before);
  });

  it("logs each refusal as a DENY of MANAGE_PATIENT_SETTINGS", async () => {
    const requestId = rid();
    await appointTrustedPerson({
      actor: gated(u.dirk, "DOCTOR"),
      patientId: an,
      db,
      requestId,
      insz: TINA_INSZ,
      lastName: "Claes",
    });
    expect(await logEntries(requestId)).toEqual([
      {
        action: "MANAGE_PATIENT_SETTINGS",
        decision: "DENY",
        reason: "role_not_permitted",
        actorId: u.dirk,
        patientId: an,
      },
    ]);
  });
});

describe("form schemas", () => {
  it("accept a typed national number and reject a wrong check digit", () => {
    expect(ZAppointTrustedPersonForm.parse({ insz: "72.09.08-094.77", lastName: " Claes " })).toEqual({
      insz: TINA_INSZ,
      lastName: "Claes",
    });
    expect(ZAppointTrustedPersonForm.safeParse({ insz: "72090809478", lastName: "Claes" }).success).toBe(false);
    expect(ZConsentForm.parse({ give: "false" })).toEqual({ give: false });
    expect(ZConsentForm.safeParse({ give: "maybe" }).success).toBe(false);
  });
});
