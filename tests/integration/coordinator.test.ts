// The coordinator's back office (issue 11): every change goes through the access core with its own
// action, is logged, and is refused for anyone else with nothing written; the coordinator never
// reads the file. The acceptance: k.kris ends Bart's episode, Bart's home says until when the file
// stays online, and 3 months and a day later the file is closed (clock moved through `now`).
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { AccessAction } from "@/lib/access";
import { addCalendarDays, addCalendarMonths, belgianCalendarDate } from "@/lib/belgian-calendar";
import {
  assignCareTeamNurse,
  endCareEpisode,
  readCareFacts,
  recordLegalRepresentative,
  recordTherapeuticRelation,
  registerPatient,
  searchPatientsForCoordination,
  startCareEpisode,
  unassignCareTeamNurse,
} from "@/lib/coordinator";
import { fileAvailability, readPatientFile } from "@/lib/dossier";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart, dina, emma } = demoIds.patients;
const u = demoIds.users;
const kris = gated(u.kris, "COORDINATOR");
const rid = () => `coordinator-${randomUUID()}`;
const DAY = 86_400_000;

/** Noon in Brussels on a calendar day (YYYY-MM-DD). */
const noonOn = (day: string) => new Date(`${day}T11:00:00Z`);

async function entriesOf(requestId: string) {
  const entries = await db.accessLogEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } });
  return entries.map((entry) => [entry.actorId, entry.patientId, entry.action, entry.decision, entry.reason]);
}

/** Every table the coordinator writes, to prove a refusal writes nothing. */
async function careRows() {
  return {
    persons: await db.person.count(),
    patients: await db.patient.count(),
    roles: await db.personRole.count(),
    episodes: JSON.stringify(await db.careEpisode.findMany({ orderBy: { id: "asc" } })),
    team: JSON.stringify(await db.careTeamAssignment.findMany({ orderBy: { id: "asc" } })),
    relations: await db.therapeuticRelation.count(),
    representations: await db.legalRepresentation.count(),
  };
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("registering a patient", () => {
  it("creates the person with the birth date of the number, the PATIENT role and the patient, logged as REGISTER_PATIENT", async () => {
    const requestId = rid();
    const outcome = await registerPatient({
      actor: kris,
      requestId,
      db,
      insz: "85073003328",
      firstName: "Lotte",
      lastName: "Vandenberghe",
    });
    if (!outcome.allowed || !outcome.result.ok) throw new Error(`registration refused: ${JSON.stringify(outcome)}`);
    const patientId = outcome.result.patientId;
    expect(outcome.result.created).toBe("person_and_patient");
    const person = await db.person.findUniqueOrThrow({
      where: { id: patientId },
      include: { roles: true, patient: true },
    });
    expect([person.insz, person.firstName, person.lastName, person.birthDate?.toISOString().slice(0, 10)]).toEqual([
      "85073003328",
      "Lotte",
      "Vandenberghe",
      "1985-07-30",
    ]);
    expect(person.roles.map((role) => role.role)).toEqual(["PATIENT"]);
    expect(person.patient).not.toBeNull();
    // The first entry of the new patient's chain.
    expect(await entriesOf(requestId)).toEqual([[u.kris, patientId, "REGISTER_PATIENT", "ALLOW", "coordinator"]]);

    const again = await registerPatient({
      actor: kris,
      requestId: rid(),
      db,
      insz: "85.07.30-033.28",
      firstName: "Lotte",
      lastName: "Vandenberghe",
    });
    expect(again).toEqual({ allowed: true, result: { ok: false, problem: "already_registered", patientId } });
    expect(await db.person.count({ where: { insz: "85073003328" } })).toBe(1);
  });

  it("makes a person the portal knows a patient under their own id, only when the last name matches", async () => {
    const before = await careRows();
    const mismatch = await registerPatient({
      actor: kris,
      requestId: rid(),
      db,
      insz: "68051416307",
      firstName: "Tom",
      lastName: "Janssens",
    });
    expect(mismatch).toEqual({ allowed: true, result: { ok: false, problem: "name_mismatch" } });
    expect(await careRows()).toEqual(before);
    const tom = await registerPatient({
      actor: kris,
      requestId: rid(),
      db,
      insz: "68051416307",
      firstName: "Tom",
      lastName: "peeters",
    });
    expect(tom).toEqual({ allowed: true, result: { ok: true, patientId: u.tom, created: "patient" } });
    expect((await db.personRole.findMany({ where: { personId: u.tom } })).map((r) => r.role).sort()).toEqual([
      "PATIENT",
      "TRUSTED_PERSON",
    ]);
  });

  it("is refused to everyone but the coordinator, writing nothing but the denial", async () => {
    const before = await careRows();
    for (const actor of [
      gated(u.sara, "SERVICE_CENTER"),
      gated(u.nina, "NURSE"),
      gated(u.dirk, "DOCTOR"),
      gated(u.otto, "PRIVACY_OFFICER"),
      gated(u.rita, "LEGAL_REPRESENTATIVE"),
    ]) {
      const requestId = rid();
      const outcome = await registerPatient({
        actor,
        requestId,
        db,
        insz: "85073003328",
        firstName: "Lotte",
        lastName: "Vandenberghe",
      });
      expect(outcome).toEqual({ allowed: false, decision: { allowed: false, reason: "role_not_permitted" } });
      expect((await entriesOf(requestId))[0]?.slice(2)).toEqual(["REGISTER_PATIENT", "DENY", "role_not_permitted"]);
    }
    expect(await careRows()).toEqual(before);
  });
});

describe("what the coordinator sees", () => {
  it("reads the care facts of any patient, Dina past the window included, and never a section of the file", async () => {
    const outcome = await readCareFacts({ actor: kris, patientId: dina, requestId: rid(), db });
    if (!outcome.allowed) throw new Error("refused");
    expect(Object.keys(outcome.result).sort()).toEqual(
      [
        "patientId",
        "name",
        "insz",
        "birthDate",
        "ageBand",
        "episodes",
        "careOngoing",
        "onlineUntil",
        "careTeam",
        "assignableNurses",
        "relations",
        "representatives",
      ].sort(),
    );
    expect(JSON.stringify(outcome.result)).not.toMatch(/wond|glycemie|bloeddruk|notes|vital/i);
    expect(outcome.result.careOngoing).toBe(false);
    expect(outcome.result.relations[0]).toMatchObject({ caregiver: "Dr. Dirk Smets", source: "RECORD_SYSTEM" });

    const emmaFacts = await readCareFacts({ actor: kris, patientId: emma, requestId: rid(), db });
    if (!emmaFacts.allowed) throw new Error("refused");
    expect(emmaFacts.result.ageBand).toBe("under_12");
    expect(emmaFacts.result.representatives).toEqual([
      expect.objectContaining({ name: "Rita Wouters", basis: "PARENT", source: "STAFF_DOCUMENT", active: true }),
    ]);

    for (const [actor, patientId] of [
      [kris, an],
      [gated(u.otto, "PRIVACY_OFFICER"), an],
      [kris, emma],
    ] as const) {
      const file = await readPatientFile({ actor, patientId, requestId: rid(), db });
      expect(file).toEqual({ allowed: false, decision: { allowed: false, reason: "role_not_permitted" } });
    }
    expect(
      await readCareFacts({ actor: gated(u.sara, "SERVICE_CENTER"), patientId: an, requestId: rid(), db }),
    ).toEqual({
      allowed: false,
      decision: { allowed: false, reason: "role_not_permitted" },
    });
  });

  it("finds patients by name or national number, each hit a logged look at their care facts", async () => {
    const hits = await searchPatientsForCoordination({ actor: kris, q: "Wouters", db });
    expect(hits.map((hit) => [hit.name, hit.careOngoing])).toEqual([
      ["Emma Wouters", true],
      ["Finn Wouters", true],
    ]);
    expect(
      (await searchPatientsForCoordination({ actor: kris, q: "45.01.30-086.63", db })).map((h) => h.patientId),
    ).toEqual([dina]);
    await expect(
      searchPatientsForCoordination({ actor: gated(u.sara, "SERVICE_CENTER"), q: "Wouters", db }),
    ).rejects.toThrow();
  });
});

describe("acceptance: k.kris ends Bart's episode", () => {
  it("Bart's home says until when the file stays online; 3 months and a day later the file is closed", async () => {
    const today = belgianCalendarDate(new Date());
    const requestId = rid();
    const ended = await endCareEpisode({ actor: kris, patientId: bart, endDate: today, requestId, db });
    const lastDay = addCalendarMonths(today, 3);
    expect(ended).toEqual({ allowed: true, result: { ok: true, endedOn: today, onlineUntil: lastDay } });
    expect(await entriesOf(requestId)).toEqual([[u.kris, bart, "END_CARE_EPISODE", "ALLOW", "coordinator"]]);

    // Bart's home page reads his file and shows the date (app/patient/page.tsx).
    const own = await readPatientFile({ actor: gated(bart, "PATIENT"), patientId: bart, requestId: rid(), db });
    if (!own.allowed) throw new Error("Bart must read his own file");
    expect(fileAvailability(own.file.care.episodes, 3)).toEqual({
      status: "ended",
      endedOn: today,
      onlineUntil: lastDay,
    });

    // Give Bart's consent, so d.dirk (relation, no consent until now) is refused only by the window.
    await db.consentEvent.create({
      data: {
        patientId: bart,
        kind: "GIVEN",
        occurredAt: new Date(Date.now() - DAY),
        source: "PATIENT_PORTAL",
        recordedById: bart,
      },
    });
    const read = async (actor: ReturnType<typeof gated>, day: string) =>
      (await readPatientFile({ actor, patientId: bart, requestId: rid(), db, now: noonOn(day) })).decision;
    for (const actor of [gated(u.dirk, "DOCTOR"), gated(u.nina, "NURSE"), gated(bart, "PATIENT")]) {
      expect((await read(actor, lastDay)).allowed, `${actor.personId} on the last day`).toBe(true);
      expect(await read(actor, addCalendarDays(lastDay, 1)), `${actor.personId} a day later`).toEqual({
        allowed: false,
        reason: "outside_availability_window",
      });
    }
  });

  it("refuses an end in the future or before the start, and a second start while in care; care can start again", async () => {
    const today = belgianCalendarDate(new Date());
    const before = await careRows();
    const tomorrow = addCalendarDays(today, 1);
    expect(await endCareEpisode({ actor: kris, patientId: bart, endDate: tomorrow, requestId: rid(), db })).toEqual({
      allowed: true,
      result: { ok: false, problem: "date_in_future" },
    });
    expect(await endCareEpisode({ actor: kris, patientId: bart, endDate: "2000-01-01", requestId: rid(), db })).toEqual(
      {
        allowed: true,
        result: { ok: false, problem: "before_start" },
      },
    );
    expect(await startCareEpisode({ actor: kris, patientId: bart, startDate: today, requestId: rid(), db })).toEqual({
      allowed: true,
      result: { ok: false, problem: "already_in_care" },
    });
    expect(await careRows()).toEqual(before);

    // Dina's care ended 120 days ago: it starts again, and her file is online again.
    const dinaEnd = (await db.careEpisode.findFirstOrThrow({ where: { patientId: dina } }))
      .endDate!.toISOString()
      .slice(0, 10);
    expect(await startCareEpisode({ actor: kris, patientId: dina, startDate: dinaEnd, requestId: rid(), db })).toEqual({
      allowed: true,
      result: { ok: false, problem: "overlaps_earlier_care" },
    });
    expect(await startCareEpisode({ actor: kris, patientId: dina, startDate: today, requestId: rid(), db })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    expect(
      (await readPatientFile({ actor: gated(dina, "PATIENT"), patientId: dina, requestId: rid(), db })).allowed,
    ).toBe(true);
  });

  it("is refused to the nurse, the doctor and the patient, with nothing changed", async () => {
    const before = await careRows();
    const today = belgianCalendarDate(new Date());
    for (const actor of [gated(u.nina, "NURSE"), gated(u.dirk, "DOCTOR"), gated(bart, "PATIENT")]) {
      const outcome = await endCareEpisode({ actor, patientId: bart, endDate: today, requestId: rid(), db });
      expect(outcome.allowed).toBe(false);
    }
    expect(await careRows()).toEqual(before);
  });
});

describe("the care team", () => {
  it("adds a nurse, makes her responsible (one responsible nurse), and takes her out at once", async () => {
    const noah = gated(u.noah, "NURSE");
    const readBart = async () =>
      (await readPatientFile({ actor: noah, patientId: bart, requestId: rid(), db })).decision;
    expect((await readBart()).allowed).toBe(false);

    const requestId = rid();
    expect(
      await assignCareTeamNurse({ actor: kris, patientId: bart, nurseId: u.noah, responsible: false, requestId, db }),
    ).toEqual({ allowed: true, result: { ok: true, changed: true } });
    expect(await entriesOf(requestId)).toEqual([[u.kris, bart, "ASSIGN_CARE_TEAM_NURSE", "ALLOW", "coordinator"]]);
    expect(await readBart()).toEqual({ allowed: true, reason: "care_team" });
    expect(
      await assignCareTeamNurse({
        actor: kris,
        patientId: bart,
        nurseId: u.noah,
        responsible: false,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: true, changed: false } });

    await assignCareTeamNurse({
      actor: kris,
      patientId: bart,
      nurseId: u.noah,
      responsible: true,
      requestId: rid(),
      db,
    });
    const team = await db.careTeamAssignment.findMany({ where: { patientId: bart }, orderBy: { nurseId: "asc" } });
    expect(team.map((a) => [a.nurseId, a.responsible])).toEqual([
      [u.nina, false],
      [u.noah, true],
    ]);

    const noahAssignment = team.find((a) => a.nurseId === u.noah)!;
    // An assignment id of another patient changes nothing.
    const anAssignment = await db.careTeamAssignment.findFirstOrThrow({ where: { patientId: an } });
    expect(
      await unassignCareTeamNurse({
        actor: kris,
        patientId: bart,
        assignmentId: anAssignment.id,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "not_found" } });
    expect(
      await unassignCareTeamNurse({
        actor: kris,
        patientId: bart,
        assignmentId: noahAssignment.id,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: true, changed: true } });
    expect(await readBart()).toEqual({ allowed: false, reason: "no_relation" });
  });

  it("refuses someone who is no nurse", async () => {
    const before = await careRows();
    expect(
      await assignCareTeamNurse({
        actor: kris,
        patientId: bart,
        nurseId: u.tom,
        responsible: true,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "not_a_nurse" } });
    expect(await careRows()).toEqual(before);
  });
});

describe("relations and representatives with their proof", () => {
  it("records a therapeutic relation with a document and a term; the doctor gets in, the log names the source", async () => {
    const frank = gated(u.frank, "DOCTOR");
    const today = belgianCalendarDate(new Date());
    const requestId = rid();
    const recorded = await recordTherapeuticRelation({
      actor: kris,
      patientId: an,
      requestId,
      db,
      caregiverInsz: "70060614127",
      term: "OCCASIONAL_CONTACT",
      startDate: today,
      proof: "Verwijsbrief 2026-118",
    });
    expect(recorded).toEqual({ allowed: true, result: { ok: true, changed: true } });
    expect(await entriesOf(requestId)).toEqual([[u.kris, an, "RECORD_THERAPEUTIC_RELATION", "ALLOW", "coordinator"]]);
    const relation = await db.therapeuticRelation.findFirstOrThrow({ where: { caregiverId: u.frank } });
    expect([relation.source, relation.sourceReference, relation.recordedById, relation.term, relation.kind]).toEqual([
      "STAFF_DOCUMENT",
      "Verwijsbrief 2026-118",
      u.kris,
      "OCCASIONAL_CONTACT",
      "GENERAL_PRACTITIONER",
    ]);
    expect(relation.endDate?.toISOString().slice(0, 10)).toBe(addCalendarDays(addCalendarMonths(today, 3), -1));

    const readRequest = rid();
    expect((await readPatientFile({ actor: frank, patientId: an, requestId: readRequest, db })).decision).toEqual({
      allowed: true,
      reason: "therapeutic_relation",
    });
    const entry = await db.accessLogEntry.findFirstOrThrow({ where: { requestId: readRequest } });
    expect(entry.grantSource).toBe("STAFF_DOCUMENT");

    for (const [input, problem] of [
      [{ caregiverInsz: "70060614127", proof: "Verwijsbrief 2026-118", startDate: today }, "already_recorded"],
      [{ caregiverInsz: "68051416307", proof: "Brief", startDate: today }, "unknown_caregiver"],
      [{ caregiverInsz: "70060614127", proof: "Brief 2", startDate: addCalendarDays(today, 1) }, "date_in_future"],
    ] as const) {
      expect(
        await recordTherapeuticRelation({
          actor: kris,
          patientId: an,
          requestId: rid(),
          db,
          term: "GP_LONG_TERM",
          ...input,
        }),
      ).toEqual({ allowed: true, result: { ok: false, problem } });
    }
    expect(await db.therapeuticRelation.count({ where: { caregiverId: u.frank } })).toBe(1);
  });

  it("appoints a legal representative for an adult who cannot act alone; a parent of an adult is refused", async () => {
    const parent = await recordLegalRepresentative({
      actor: kris,
      patientId: an,
      requestId: rid(),
      db,
      representativeInsz: "68051416307",
      firstName: null,
      lastName: "Peeters",
      basis: "PARENT",
      proof: "Geboorteakte",
    });
    expect(parent).toEqual({ allowed: true, result: { ok: false, problem: "parent_of_16_or_older" } });

    const requestId = rid();
    const appointed = await recordLegalRepresentative({
      actor: kris,
      patientId: an,
      requestId,
      db,
      representativeInsz: "68051416307",
      firstName: null,
      lastName: "Peeters",
      basis: "APPOINTED",
      proof: "Vonnis vredegerecht Mechelen 2026/77",
    });
    expect(appointed).toEqual({ allowed: true, result: { ok: true, changed: true } });
    expect(await entriesOf(requestId)).toEqual([[u.kris, an, "RECORD_LEGAL_REPRESENTATIVE", "ALLOW", "coordinator"]]);
    expect((await db.personRole.findMany({ where: { personId: u.tom } })).map((r) => r.role).sort()).toEqual([
      "LEGAL_REPRESENTATIVE",
      "TRUSTED_PERSON",
    ]);
    // Tom, acting as An's appointed representative, manages her settings once he accepted that role's declaration.
    await db.declarationAcceptance.create({ data: { personId: u.tom, role: "LEGAL_REPRESENTATIVE", version: 4 } });
    const tomAsRepresentative = gated(u.tom, "LEGAL_REPRESENTATIVE");
    expect(
      (await readPatientFile({ actor: tomAsRepresentative, patientId: an, requestId: rid(), db })).decision,
    ).toEqual({
      allowed: true,
      reason: "legal_representative",
    });
  });

  it("creates a representative the portal does not know yet, and refuses a minor or a wrong name", async () => {
    const base = { actor: kris, patientId: emma, db, basis: "PARENT" as const, proof: "Geboorteakte Emma Wouters" };
    // A minor (Finn, 14) cannot represent his sister.
    expect(
      await recordLegalRepresentative({
        ...base,
        requestId: rid(),
        representativeInsz: (await db.person.findUniqueOrThrow({ where: { id: demoIds.patients.finn } })).insz,
        firstName: null,
        lastName: "Wouters",
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "representative_minor" } });
    expect(
      await recordLegalRepresentative({
        ...base,
        requestId: rid(),
        representativeInsz: "84052108616",
        firstName: null,
        lastName: "Peeters",
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "name_mismatch" } });
    // Emma's father, new to the portal: the same birth certificate proves his representation.
    const father = "82031507752";
    expect(
      await recordLegalRepresentative({
        ...base,
        requestId: rid(),
        representativeInsz: father,
        firstName: null,
        lastName: "Wouters",
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "first_name_needed" } });
    expect(
      await recordLegalRepresentative({
        ...base,
        requestId: rid(),
        representativeInsz: father,
        firstName: "Jan",
        lastName: "Wouters",
      }),
    ).toEqual({ allowed: true, result: { ok: true, changed: true } });
    const jan = await db.person.findUniqueOrThrow({ where: { insz: father }, include: { roles: true } });
    expect([jan.firstName, jan.birthDate?.toISOString().slice(0, 10), jan.roles.map((r) => r.role)]).toEqual([
      "Jan",
      "1982-03-15",
      ["LEGAL_REPRESENTATIVE"],
    ]);
    expect(await db.legalRepresentation.count({ where: { patientId: emma } })).toBe(2);
  });
});

describe("each action is the coordinator's own, decided and logged", () => {
  it("logs one entry per action under its own name", async () => {
    const actions: AccessAction[] = [];
    const track = async (work: (requestId: string) => Promise<unknown>) => {
      const requestId = rid();
      await work(requestId);
      const entries = await db.accessLogEntry.findMany({ where: { requestId } });
      expect(entries).toHaveLength(1);
      actions.push(entries[0]!.action as AccessAction);
    };
    const today = belgianCalendarDate(new Date());
    await track((requestId) => readCareFacts({ actor: kris, patientId: bart, requestId, db }));
    await track((requestId) => startCareEpisode({ actor: kris, patientId: bart, startDate: today, requestId, db }));
    await track((requestId) => endCareEpisode({ actor: kris, patientId: bart, endDate: today, requestId, db }));
    await track((requestId) =>
      assignCareTeamNurse({ actor: kris, patientId: bart, nurseId: u.noah, responsible: false, requestId, db }),
    );
    await track((requestId) =>
      unassignCareTeamNurse({ actor: kris, patientId: bart, assignmentId: "none", requestId, db }),
    );
    expect(actions).toEqual([
      "READ_CARE_FACTS",
      "START_CARE_EPISODE",
      "END_CARE_EPISODE",
      "ASSIGN_CARE_TEAM_NURSE",
      "UNASSIGN_CARE_TEAM_NURSE",
    ]);
  });
});
