// The demo world is a contract (shared/spec/demo-world.md): tests, end-to-end checks and
// benchmarks rely on its ids, names and relations. The expectations below are written out from
// that document, not derived from the seed's own data, so a change to the seed that breaks the
// contract fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { demoIds } from "@/lib/demo-world/ids";
import { seedDemoWorld } from "@/lib/demo-world/seed";
import { inszBirthDate, inszCentury, isValidInsz } from "@/lib/insz";
import { resetDatabase, testPrisma } from "../support/database";

const db = testPrisma();

// A day that is not "now", so that dates relative to `today` are checked against `today`.
const TODAY = new Date("2027-03-15T09:30:00.000Z");
const DAY_MS = 86_400_000;
const utcDate = (daysAgo: number) => new Date(Date.UTC(2027, 2, 15) - daysAgo * DAY_MS);
const isoDate = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

const PEOPLE = [
  { id: "pat-an", username: "p.an", firstName: "An", lastName: "Peeters", insz: "41031212410", role: "PATIENT" },
  { id: "pat-bart", username: "p.bart", firstName: "Bart", lastName: "Claes", insz: "50070205712", role: "PATIENT" },
  {
    id: "pat-chris",
    username: "p.chris",
    firstName: "Chris",
    lastName: "Janssens",
    insz: "38112321171",
    role: "PATIENT",
  },
  { id: "pat-dina", username: "p.dina", firstName: "Dina", lastName: "Maes", insz: "45013008663", role: "PATIENT" },
  {
    id: "usr-tom",
    username: "t.tom",
    firstName: "Tom",
    lastName: "Peeters",
    insz: "68051416307",
    role: "TRUSTED_PERSON",
  },
  {
    id: "usr-tina",
    username: "t.tina",
    firstName: "Tina",
    lastName: "Claes",
    insz: "72090809477",
    role: "TRUSTED_PERSON",
  },
  { id: "usr-dirk", username: "d.dirk", firstName: "Dirk", lastName: "Smets", insz: "66021703381", role: "DOCTOR" },
  { id: "usr-eva", username: "d.eva", firstName: "Eva", lastName: "Jacobs", insz: "79120104816", role: "DOCTOR" },
  {
    id: "usr-frank",
    username: "d.frank",
    firstName: "Frank",
    lastName: "Willems",
    insz: "70060614127",
    role: "DOCTOR",
  },
  { id: "usr-gert", username: "d.gert", firstName: "Gert", lastName: "Mertens", insz: "75040407946", role: "DOCTOR" },
  { id: "usr-nina", username: "n.nina", firstName: "Nina", lastName: "De Smet", insz: "88081902053", role: "NURSE" },
  { id: "usr-noah", username: "n.noah", firstName: "Noah", lastName: "Peeters", insz: "95101015558", role: "NURSE" },
  {
    id: "usr-carl",
    username: "c.carl",
    firstName: "Carl",
    lastName: "Hermans",
    insz: "83030311111",
    role: "CAREGIVER",
  },
  {
    id: "usr-sara",
    username: "s.sara",
    firstName: "Sara",
    lastName: "Lambrechts",
    insz: "90011504247",
    role: "SERVICE_CENTER",
  },
  // Added with the roles they introduce. Emma and Finn are born 10 and 14 years and 6 months before
  // the seed day (2016-09-15 and 2012-09-15 for TODAY), their national numbers encode it with the
  // "2" prefix of the check for people born from 2000 on.
  {
    id: "pat-emma",
    username: null,
    firstName: "Emma",
    lastName: "Wouters",
    insz: "16091500273",
    role: "PATIENT",
  },
  { id: "pat-finn", username: "p.finn", firstName: "Finn", lastName: "Wouters", insz: "12091500187", role: "PATIENT" },
  {
    id: "usr-rita",
    username: "r.rita",
    firstName: "Rita",
    lastName: "Wouters",
    insz: "84052108616",
    role: "LEGAL_REPRESENTATIVE",
  },
  {
    id: "usr-kris",
    username: "k.kris",
    firstName: "Kris",
    lastName: "Verhoeven",
    insz: "79110811721",
    role: "COORDINATOR",
  },
  {
    id: "usr-otto",
    username: "o.otto",
    firstName: "Otto",
    lastName: "Vermeulen",
    insz: "71021723383",
    role: "PRIVACY_OFFICER",
  },
] as const;

const PATIENT_IDS = ["pat-an", "pat-bart", "pat-chris", "pat-dina", "pat-emma", "pat-finn"];
const ROLES = ["PATIENT", "TRUSTED_PERSON", "DOCTOR", "CAREGIVER", "NURSE", "SERVICE_CENTER"];
/** Roles introduced with declaration version 4: that version is their first and current one. */
const ROLES_SINCE_4 = ["COORDINATOR", "PRIVACY_OFFICER", "LEGAL_REPRESENTATIVE"];

/** Every row of every table the seed writes, minus the columns the database stamps itself. */
async function snapshotWorld() {
  const strip = <T extends object>(rows: T[]) =>
    rows.map((row) => {
      const copy = { ...row } as Record<string, unknown>;
      delete copy.createdAt;
      delete copy.updatedAt;
      delete copy.passwordHash;
      return JSON.parse(JSON.stringify(copy)) as unknown;
    });
  return {
    persons: strip(await db.person.findMany({ orderBy: { id: "asc" } })),
    roles: strip(await db.personRole.findMany({ orderBy: { id: "asc" } })),
    patients: strip(await db.patient.findMany({ orderBy: { id: "asc" } })),
    episodes: strip(await db.careEpisode.findMany({ orderBy: { id: "asc" } })),
    consent: strip(await db.consentEvent.findMany({ orderBy: { id: "asc" } })),
    exclusions: strip(await db.exclusion.findMany({ orderBy: { id: "asc" } })),
    appointments: strip(await db.trustedPersonAppointment.findMany({ orderBy: { id: "asc" } })),
    relations: strip(await db.therapeuticRelation.findMany({ orderBy: { id: "asc" } })),
    careTeam: strip(await db.careTeamAssignment.findMany({ orderBy: { id: "asc" } })),
    representations: strip(await db.legalRepresentation.findMany({ orderBy: { id: "asc" } })),
    agreements: strip(await db.representativeAgreementEvent.findMany({ orderBy: { id: "asc" } })),
    acceptances: strip(await db.declarationAcceptance.findMany({ orderBy: { id: "asc" } })),
    carePlan: strip(await db.carePlanItem.findMany({ orderBy: { id: "asc" } })),
    notes: strip(await db.nursingNote.findMany({ orderBy: { id: "asc" } })),
    vitals: strip(await db.vitalSign.findMany({ orderBy: { id: "asc" } })),
    wounds: strip(await db.woundCareEntry.findMany({ orderBy: { id: "asc" } })),
    medication: strip(await db.medicationScheduleItem.findMany({ orderBy: { id: "asc" } })),
    visits: strip(await db.plannedVisit.findMany({ orderBy: { id: "asc" } })),
    social: strip(await db.socialData.findMany({ orderBy: { patientId: "asc" } })),
    financial: strip(await db.financialAdministrativeData.findMany({ orderBy: { patientId: "asc" } })),
    // Reference data is kept, not recreated: even its generated ids stay.
    declarations: strip(await db.declarationVersion.findMany({ orderBy: [{ role: "asc" }, { version: "asc" }] })),
    privacy: strip(await db.privacyStatementVersion.findMany({ orderBy: { version: "asc" } })),
  };
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db, { today: TODAY });
});

afterAll(async () => {
  await resetDatabase();
});

describe("people and accounts", () => {
  it("holds exactly the 19 people of the spec, with their ids, usernames, names and INSZ", async () => {
    const persons = await db.person.findMany({ orderBy: { id: "asc" } });
    expect(
      persons.map(({ id, username, firstName, lastName, insz }) => ({ id, username, firstName, lastName, insz })),
    ).toEqual([...PEOPLE].map(({ role: _role, ...person }) => person).sort((a, b) => a.id.localeCompare(b.id)));
    for (const person of persons) expect(isValidInsz(person.insz), person.insz).toBe(true);
  });

  it("exports the same ids as constants", () => {
    expect(demoIds.patients).toEqual({
      an: "pat-an",
      bart: "pat-bart",
      chris: "pat-chris",
      dina: "pat-dina",
      emma: "pat-emma",
      finn: "pat-finn",
    });
    expect(Object.values(demoIds.users).sort()).toEqual(
      PEOPLE.filter((p) => p.role !== "PATIENT")
        .map((p) => p.id)
        .sort(),
    );
  });

  it("gives every account its one role, with the profession of doctors and the physiotherapist", async () => {
    const roles = await db.personRole.findMany();
    expect(roles).toHaveLength(19);
    for (const person of PEOPLE) {
      const held = roles.filter((role) => role.personId === person.id);
      expect(
        held.map((role) => role.role),
        person.id,
      ).toEqual([person.role]);
      const expectedProfession =
        person.role === "DOCTOR" ? "GENERAL_PRACTITIONER" : person.id === "usr-carl" ? "PHYSIOTHERAPIST" : null;
      expect(held[0]?.profession, person.id).toBe(expectedProfession);
    }
  });

  it("lets every account log in with the password 'demo' and nothing else; Emma (10) has no account", async () => {
    const emma = await db.person.findUniqueOrThrow({ where: { id: "pat-emma" } });
    expect([emma.username, emma.passwordHash]).toEqual([null, null]);
    const persons = await db.person.findMany({
      where: { id: { not: "pat-emma" } },
      select: { id: true, passwordHash: true },
    });
    const hashes = new Set(persons.map((person) => person.passwordHash));
    expect(hashes.size).toBe(18); // a salt per account
    for (const person of persons) {
      expect(person.passwordHash, person.id).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword("demo", person.passwordHash), person.id).toBe(true);
    }
    expect(await verifyPassword("Demo", persons[0]?.passwordHash)).toBe(false);
  });

  it("stores contact data for patients and identification plus contact only for the others", async () => {
    const persons = await db.person.findMany();
    for (const person of persons) {
      expect(person.email, person.id).toMatch(/@/);
      expect(person.phone, person.id).toBeTruthy();
    }
    for (const id of PATIENT_IDS) {
      const patient = persons.find((person) => person.id === id);
      expect(patient?.street, id).toBeTruthy();
      expect(patient?.postalCode, id).toMatch(/^[1-9]\d{3}$/);
      expect(patient?.city, id).toBeTruthy();
    }
    // Only patients have a nursing file.
    expect(await db.patient.count({ where: { id: { notIn: PATIENT_IDS } } })).toBe(0);
  });
});

describe("patients and their care", () => {
  it("makes each patient's Patient id equal their person id", async () => {
    expect((await db.patient.findMany({ orderBy: { id: "asc" } })).map((p) => p.id)).toEqual([...PATIENT_IDS].sort());
  });

  it("has An and Bart in active care, Chris ended 60 days ago and Dina 120 days ago", async () => {
    const episodes = await db.careEpisode.findMany();
    expect(episodes).toHaveLength(6);
    const byPatient = new Map(episodes.map((episode) => [episode.patientId, episode]));
    expect(isoDate(byPatient.get("pat-an")?.endDate ?? null)).toBeNull();
    expect(isoDate(byPatient.get("pat-bart")?.endDate ?? null)).toBeNull();
    expect(isoDate(byPatient.get("pat-emma")?.endDate ?? null)).toBeNull();
    expect(isoDate(byPatient.get("pat-finn")?.endDate ?? null)).toBeNull();
    expect(isoDate(byPatient.get("pat-chris")?.endDate ?? null)).toBe("2027-01-14");
    expect(isoDate(byPatient.get("pat-dina")?.endDate ?? null)).toBe("2026-11-15");
    expect(isoDate(byPatient.get("pat-chris")?.endDate ?? null)).toBe(isoDate(utcDate(60)));
    expect(isoDate(byPatient.get("pat-dina")?.endDate ?? null)).toBe(isoDate(utcDate(120)));
    for (const episode of episodes) {
      // Every episode started well before the 30 days of notes its file shows.
      expect(episode.startDate.getTime(), episode.patientId).toBeLessThan(utcDate(60).getTime());
      if (episode.endDate) expect(episode.startDate.getTime()).toBeLessThan(episode.endDate.getTime() - 30 * DAY_MS);
    }
  });

  it("has consent given by An, Chris and Dina, never by Bart", async () => {
    const events = await db.consentEvent.findMany();
    expect(events.map((event) => [event.patientId, event.kind]).sort()).toEqual([
      ["pat-an", "GIVEN"],
      ["pat-chris", "GIVEN"],
      ["pat-dina", "GIVEN"],
    ]);
    for (const event of events) {
      expect(event.occurredAt.getTime()).toBeLessThan(TODAY.getTime());
      // Each with its source and proof: the signed form the nurse recorded (ADR 0020).
      expect([event.source, event.sourceReference, event.recordedById]).toEqual([
        "STAFF_DOCUMENT",
        `consent-form-${event.patientId.slice(4)}`,
        "usr-nina",
      ]);
    }
  });

  it("has An excluding Eva, and no other exclusion", async () => {
    const exclusions = await db.exclusion.findMany();
    expect(exclusions.map((e) => [e.patientId, e.excludedPersonId, e.liftedAt])).toEqual([["pat-an", "usr-eva", null]]);
    expect(exclusions[0]!.createdAt.getTime()).toBeLessThan(TODAY.getTime());
  });

  it("has Tom appointed by An (active) and Tina appointed by Bart, revoked 7 days ago", async () => {
    const appointments = await db.trustedPersonAppointment.findMany({ orderBy: { trustedPersonId: "asc" } });
    expect(appointments.map((a) => [a.patientId, a.trustedPersonId])).toEqual([
      ["pat-bart", "usr-tina"],
      ["pat-an", "usr-tom"],
    ]);
    const [tina, tom] = appointments;
    expect(tom!.revokedAt).toBeNull();
    expect(tom!.appointedAt.getTime()).toBeLessThan(TODAY.getTime());
    expect(tina!.revokedAt?.toISOString()).toBe(new Date(TODAY.getTime() - 7 * DAY_MS).toISOString());
    expect(tina!.appointedAt.getTime()).toBeLessThan(tina!.revokedAt!.getTime());
  });

  it("has exactly the 7 therapeutic relations of the spec, all current", async () => {
    const relations = await db.therapeuticRelation.findMany();
    expect(relations.map((r) => `${r.caregiverId}>${r.patientId}:${r.kind}`).sort()).toEqual(
      [
        "usr-carl>pat-an:PHYSIOTHERAPIST",
        "usr-dirk>pat-an:GENERAL_PRACTITIONER",
        "usr-dirk>pat-bart:GENERAL_PRACTITIONER",
        "usr-dirk>pat-chris:GENERAL_PRACTITIONER",
        "usr-dirk>pat-dina:GENERAL_PRACTITIONER",
        "usr-eva>pat-an:GENERAL_PRACTITIONER",
        "usr-gert>pat-an:GENERAL_PRACTITIONER",
      ].sort(),
    );
    for (const relation of relations) {
      expect(relation.endDate).toBeNull();
      expect(relation.revokedAt).toBeNull();
      // Known from the organisation's records, without a term (ADR 0020).
      expect([relation.source, relation.term]).toEqual(["RECORD_SYSTEM", null]);
      expect(relation.sourceReference).toMatch(/^ehr-relation-\d{3}$/);
      expect(relation.startDate.getTime()).toBeLessThanOrEqual(utcDate(0).getTime());
    }
  });

  it("puts Nina, responsible, in the care team of all six patients and Noah in none", async () => {
    const assignments = await db.careTeamAssignment.findMany();
    expect(assignments.map((a) => [a.nurseId, a.patientId, a.responsible, a.endDate]).sort()).toEqual(
      PATIENT_IDS.map((patientId) => ["usr-nina", patientId, true, null]).sort(),
    );
    for (const assignment of assignments)
      expect(assignment.startDate.getTime()).toBeLessThanOrEqual(utcDate(0).getTime());
  });

  it("makes Emma 10 and Finn 14 on the seed day, half a year from a birthday, with INSZ that encode it", async () => {
    const minors = await db.person.findMany({
      where: { id: { in: ["pat-emma", "pat-finn"] } },
      orderBy: { id: "asc" },
    });
    expect(minors.map((person) => [person.id, isoDate(person.birthDate)])).toEqual([
      ["pat-emma", "2016-09-15"],
      ["pat-finn", "2012-09-15"],
    ]);
    for (const person of minors) {
      expect(isoDate(inszBirthDate(person.insz)), person.id).toBe(isoDate(person.birthDate));
      expect(inszCentury(person.insz), person.id).toBe(2000);
    }
    // Seeded on another day, the ages stay the same and the numbers follow the birth dates.
    const later = new Date("2031-01-31T08:00:00.000Z");
    const { demoIdentity, demoPatients } = await import("@/lib/demo-world/people");
    expect(isoDate(demoIdentity(demoPatients.emma, later).birthDate)).toBe("2020-07-31");
    expect(isoDate(demoIdentity(demoPatients.finn, later).birthDate)).toBe("2016-07-31");
    expect(isValidInsz(demoIdentity(demoPatients.finn, later).insz)).toBe(true);
  });

  it("has Rita as the parent and legal representative of Emma and Finn, with proof, and Finn agreeing", async () => {
    const representations = await db.legalRepresentation.findMany({ orderBy: { patientId: "asc" } });
    expect(
      representations.map((r) => [r.representativeId, r.patientId, r.basis, r.source, r.recordedById, r.endDate]),
    ).toEqual([
      ["usr-rita", "pat-emma", "PARENT", "STAFF_DOCUMENT", "usr-kris", null],
      ["usr-rita", "pat-finn", "PARENT", "STAFF_DOCUMENT", "usr-kris", null],
    ]);
    for (const representation of representations) expect(representation.sourceReference).toMatch(/^Geboorteakte /);
    const agreements = await db.representativeAgreementEvent.findMany();
    expect(agreements.map((a) => [a.patientId, a.representativeId, a.kind])).toEqual([
      ["pat-finn", "usr-rita", "GIVEN"],
    ]);
    expect(agreements[0]!.occurredAt.getTime()).toBeLessThan(TODAY.getTime());
  });
});

describe("declarations", () => {
  it("publishes versions 1 to 4 for every role (4 only for the roles it introduced) and a privacy statement", async () => {
    const versions = await db.declarationVersion.findMany();
    expect(versions.map((v) => `${v.role}:${v.version}`).sort()).toEqual(
      [
        ...ROLES.flatMap((role) => [1, 2, 3, 4].map((version) => `${role}:${version}`)),
        ...ROLES_SINCE_4.map((role) => `${role}:4`),
      ].sort(),
    );
    for (const version of versions) {
      for (const locale of ["nl-BE", "fr-BE", "en"]) {
        const text = (version.content as Record<string, { title: string; body: string }>)[locale];
        expect(text?.title, `${version.role} v${version.version} ${locale}`).toBeTruthy();
        expect(text?.body.length, `${version.role} v${version.version} ${locale}`).toBeGreaterThan(200);
      }
    }
    expect(await db.privacyStatementVersion.count({ where: { version: 1 } })).toBe(1);
  });

  it("has every account accept version 4 of its role, except Gert who accepted version 3 only", async () => {
    const acceptances = await db.declarationAcceptance.findMany();
    expect(acceptances).toHaveLength(18);
    // Emma has no account: she accepted nothing.
    expect(acceptances.filter((a) => a.personId === "pat-emma")).toEqual([]);
    for (const person of PEOPLE.filter((p) => p.username !== null)) {
      const own = acceptances.filter((a) => a.personId === person.id);
      expect(
        own.map((a) => [a.role, a.version]),
        person.id,
      ).toEqual([[person.role, person.id === "usr-gert" ? 3 : 4]]);
      expect(own[0]!.acceptedAt.getTime()).toBeLessThan(TODAY.getTime());
    }
  });
});

describe("nursing files", () => {
  const endOfEntries = new Map([
    ["pat-an", utcDate(0)],
    ["pat-bart", utcDate(0)],
    ["pat-chris", new Date(utcDate(60).getTime() + DAY_MS)],
    ["pat-dina", new Date(utcDate(120).getTime() + DAY_MS)],
    ["pat-emma", utcDate(0)],
    ["pat-finn", utcDate(0)],
  ]);

  it.each(PATIENT_IDS)(
    "%s has at least 30 days of notes and vital parameters, none after the end of care",
    async (patientId) => {
      const notes = await db.nursingNote.findMany({ where: { patientId } });
      const vitals = await db.vitalSign.findMany({ where: { patientId } });
      const noteDays = new Set(notes.map((note) => isoDate(note.writtenAt)));
      const vitalDays = new Set(vitals.map((vital) => isoDate(vital.measuredAt)));
      expect(noteDays.size).toBeGreaterThanOrEqual(30);
      expect(vitalDays.size).toBeGreaterThanOrEqual(30);
      const end = endOfEntries.get(patientId)!.getTime();
      for (const note of notes) expect(note.writtenAt.getTime()).toBeLessThan(end);
      for (const vital of vitals) expect(vital.measuredAt.getTime()).toBeLessThan(end);
      expect(notes.some((note) => note.kind === "ASSESSMENT")).toBe(true);
      for (const note of notes) expect(note.authorId).toBe("usr-nina");

      const types = new Set(vitals.map((vital) => vital.type));
      for (const type of ["BLOOD_PRESSURE", "PULSE", "TEMPERATURE", "WEIGHT"]) expect(types, type).toContain(type);
      for (const vital of vitals.filter((v) => v.type === "BLOOD_PRESSURE")) {
        const systolic = Number(vital.value);
        const diastolic = Number(vital.secondaryValue);
        expect(systolic).toBeGreaterThan(90);
        expect(systolic).toBeLessThan(180);
        expect(diastolic).toBeGreaterThan(50);
        expect(diastolic).toBeLessThan(systolic);
        expect(vital.unit).toBe("mm[Hg]");
      }
    },
  );

  it("measures glucose for An, the diabetic patient, and holds wound care for her", async () => {
    const glucose = await db.vitalSign.findMany({ where: { patientId: "pat-an", type: "GLUCOSE" } });
    expect(glucose.length).toBeGreaterThanOrEqual(30);
    for (const reading of glucose) {
      expect(Number(reading.value)).toBeGreaterThan(3);
      expect(Number(reading.value)).toBeLessThan(20);
      expect(reading.unit).toBe("mmol/L");
    }
    expect(await db.woundCareEntry.count({ where: { patientId: "pat-an" } })).toBeGreaterThanOrEqual(10);
  });

  it.each(PATIENT_IDS)(
    "%s has a care plan of 3 to 5 items, a medication schedule, social and financial data",
    async (patientId) => {
      const carePlan = await db.carePlanItem.count({ where: { patientId } });
      expect(carePlan).toBeGreaterThanOrEqual(3);
      expect(carePlan).toBeLessThanOrEqual(5);
      expect(await db.medicationScheduleItem.count({ where: { patientId } })).toBeGreaterThanOrEqual(1);
      expect((await db.socialData.findUnique({ where: { patientId } }))?.livingSituation).toBeTruthy();
      const financial = await db.financialAdministrativeData.findUnique({ where: { patientId } });
      expect(financial?.insuranceFund).toBeTruthy();
      expect(financial?.insuranceNumber).toBeTruthy();
    },
  );

  it("plans the next visit tomorrow for patients in care, and nothing ahead for ended care", async () => {
    for (const patientId of ["pat-an", "pat-bart", "pat-emma", "pat-finn"]) {
      const next = await db.plannedVisit.findFirst({
        where: { patientId, status: "PLANNED", startsAt: { gt: TODAY } },
        orderBy: { startsAt: "asc" },
      });
      expect(isoDate(next?.startsAt ?? null), patientId).toBe("2027-03-16");
    }
    for (const patientId of ["pat-chris", "pat-dina"]) {
      expect(
        await db.plannedVisit.count({ where: { patientId, OR: [{ status: "PLANNED" }, { startsAt: { gt: TODAY } }] } }),
      ).toBe(0);
    }
  });
});

describe("running the seed again", () => {
  it("gives the same world, with the same ids", async () => {
    const before = await snapshotWorld();
    await seedDemoWorld(db, { today: TODAY });
    const after = await snapshotWorld();
    expect(after).toEqual(before);
    expect(before.notes.length).toBeGreaterThanOrEqual(4 * 30);
  });

  it("leaves the append-only access log alone", async () => {
    await db.accessLogEntry.create({
      data: {
        requestId: "seed-test",
        actorId: "usr-dirk",
        actorRole: "DOCTOR",
        patientId: "pat-an",
        action: "record.read",
        decision: "ALLOW",
        reason: "therapeutic relation",
        prevHash: "0".repeat(64),
        hash: "1".repeat(64),
      },
    });
    await seedDemoWorld(db, { today: TODAY });
    expect(await db.accessLogEntry.count({ where: { requestId: "seed-test" } })).toBe(1);
  });

  it("keeps the security log, and clears every login counter, lockout and second factor", async () => {
    await db.loginAttempt.create({
      data: { method: "password", outcome: "FAILURE", reason: "wrong_password", username: "n.nina" },
    });
    await db.loginThrottle.create({ data: { key: "account:n.nina", points: 31, expire: BigInt(Date.now() + 60_000) } });
    await db.secondFactor.create({ data: { personId: "usr-nina", secretEncrypted: "v1.x.y.z", enabledAt: TODAY } });
    await db.recoveryCode.create({ data: { personId: "usr-nina", codeHash: "a".repeat(64) } });
    await seedDemoWorld(db, { today: TODAY });
    expect(await db.loginAttempt.count({ where: { username: "n.nina" } })).toBe(1);
    expect(await db.loginThrottle.count()).toBe(0);
    expect(await db.secondFactor.count()).toBe(0);
    expect(await db.recoveryCode.count()).toBe(0);
  });

  it("removes what was added since, and restores what was changed", async () => {
    await db.consentEvent.create({
      data: { patientId: "pat-an", kind: "WITHDRAWN", occurredAt: TODAY, source: "PATIENT_PORTAL" },
    });
    await db.trustedPersonAppointment.updateMany({ where: { trustedPersonId: "usr-tina" }, data: { revokedAt: null } });
    await db.person.create({ data: { id: "extra", insz: "85073003328", firstName: "X", lastName: "Y" } });
    await seedDemoWorld(db, { today: TODAY });
    expect(await db.consentEvent.count({ where: { kind: "WITHDRAWN" } })).toBe(0);
    expect(
      (await db.trustedPersonAppointment.findFirst({ where: { trustedPersonId: "usr-tina" } }))?.revokedAt,
    ).not.toBeNull();
    expect(await db.person.count()).toBe(19);
  });

  it("keeps the previous world when the seed fails half-way", async () => {
    const before = await snapshotWorld();
    // Make the last inserts of the seed fail, after the reset and most of the rebuild ran.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION seed_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by seed test'; END; $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER seed_test_refuse BEFORE INSERT ON "FinancialAdministrativeData" FOR EACH STATEMENT EXECUTE FUNCTION seed_test_refuse()`,
    );
    try {
      await expect(seedDemoWorld(db, { today: new Date(TODAY.getTime() + 10 * DAY_MS) })).rejects.toThrow(
        /refused by seed test/,
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER seed_test_refuse ON "FinancialAdministrativeData"`);
      await db.$executeRawUnsafe(`DROP FUNCTION seed_test_refuse()`);
    }
    expect(await snapshotWorld()).toEqual(before);
  });
});
