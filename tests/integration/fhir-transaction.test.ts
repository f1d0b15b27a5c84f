// The record system's transaction Bundles (issue 11, ADR 0018), through lib/fhir as
// POST /api/fhir calls it: each accepted resource type lands in the portal's model, a second
// identical Bundle changes nothing, a change keeps its previous state and is logged as the
// record system's, and every refusal (invalid structure, business rule, late error, scope)
// leaves the database exactly as it was.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readAccessLog } from "@/lib/audit/view";
import { verifyAccessLog } from "@/lib/audit/verify";
import { testChainKey } from "@/tests/support/audit";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { FhirError, processTransaction, type SystemCaller } from "@/lib/fhir";
import { ensureFhirDefinitions } from "@/lib/fhir/validation";
import { buildInsz } from "@/lib/insz";
import { listCareTeamPatients, readNurseWorkScreen } from "@/lib/nursing";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";
import {
  EHR,
  NIHDI,
  bloodPressure,
  byInsz,
  carePlan,
  careTeam,
  daysAgo,
  episode,
  medication,
  nurse,
  nursingNote,
  ninaInsz,
  patient,
  post,
  put,
  registrationBundle,
  transaction,
  urn,
  visit,
  vital,
  type LooseResource,
} from "@/tests/support/fhir-bundles";

const db = testPrisma();
const caller: SystemCaller = { clientId: "ehr-test", scopes: ["system/*.write"] };
const now = new Date();
const nina = gated(demoIds.users.nina, "NURSE");
let serial = 100;
const newInsz = () => buildInsz(new Date(Date.UTC(1952, 3, 7)), serial++);

async function send(body: unknown, who: SystemCaller = caller) {
  return processTransaction({ caller: who, body, requestId: `fhir-${randomUUID()}`, db, now });
}

/** The refusal `work` ends with: status and issues. */
async function refusal(work: Promise<unknown>): Promise<FhirError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "the request is refused").toBeInstanceOf(FhirError);
  return error as FhirError;
}

/** Row counts of every table the feed writes, and of the access log: "nothing changed" is all of them equal. */
async function snapshot() {
  const [people, patients, roles, episodes, assignments, vitals, notes, plans, meds, visits, revisions, log] =
    await Promise.all([
      db.person.count(),
      db.patient.count(),
      db.personRole.count(),
      db.careEpisode.count(),
      db.careTeamAssignment.count(),
      db.vitalSign.count(),
      db.nursingNote.count(),
      db.carePlanItem.count(),
      db.medicationScheduleItem.count(),
      db.plannedVisit.count(),
      db.recordRevision.count(),
      db.accessLogEntry.count(),
    ]);
  const versions = await db.person.aggregate({ _sum: { version: true } });
  return {
    people,
    patients,
    roles,
    episodes,
    assignments,
    vitals,
    notes,
    plans,
    meds,
    visits,
    revisions,
    log,
    versions,
  };
}

// One demo world for the file: every test works on patients and identifiers of its own, and
// measures "nothing changed" against its own snapshot (a reseed per test costs 10 s here).
beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  // Loaded once for the file (about two seconds), outside any test's timeout.
  ensureFhirDefinitions();
});

describe("the acceptance scenario's Bundle", () => {
  it("registers a patient with an episode, n.nina's care team, two readings and a care plan; n.nina sees them", async () => {
    const insz = newInsz();
    const response = await send(
      registrationBundle({ insz, given: "Marc", family: "Goossens", key: "scenario", today: now }),
    );
    expect(response.type).toBe("transaction-response");
    expect(response.entry?.map((entry) => entry.response?.status)).toEqual(Array(6).fill("201 Created"));

    const person = await db.person.findUniqueOrThrow({ where: { insz }, include: { roles: true, patient: true } });
    expect([person.firstName, person.lastName, person.patient?.id, person.roles.map((role) => role.role)]).toEqual([
      "Marc",
      "Goossens",
      person.id,
      ["PATIENT"],
    ]);
    expect(response.entry?.[0]?.response?.location).toBe(`Patient/${person.id}`);

    const list = await listCareTeamPatients({ actor: nina, db, now });
    expect(list.find((entry) => entry.patientId === person.id)).toMatchObject({
      name: "Marc Goossens",
      available: true,
    });

    const screen = await readNurseWorkScreen({ actor: nina, patientId: person.id, db, now });
    expect(screen.allowed).toBe(true);
    if (!screen.allowed) return;
    const readings = screen.screen.file.health.vitalSigns.map((reading) => [
      reading.type,
      reading.value,
      reading.secondaryValue,
      reading.unit,
    ]);
    expect(readings).toEqual(
      expect.arrayContaining([
        ["BLOOD_PRESSURE", 138, 84, "mm[Hg]"],
        ["TEMPERATURE", 37.4, null, "Cel"],
      ]),
    );
    expect(screen.screen.file.health.carePlan).toEqual([
      expect.objectContaining({ title: "Wondzorg rechteronderbeen", frequency: "2x per week" }),
    ]);

    // The patient's log shows the record system's changes, chained like every other entry.
    const entries = await db.accessLogEntry.findMany({
      where: { patientId: person.id, actorSystem: "ehr-test" },
      orderBy: { id: "asc" },
    });
    expect(
      entries.map((entry) => [entry.action, entry.decision, entry.reason, entry.actorId, entry.actorRole]),
    ).toEqual([
      ["CORRECT_ADMINISTRATIVE", "ALLOW", "record_system", null, null],
      ["WRITE_NURSING_FILE", "ALLOW", "record_system", null, null],
    ]);
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });

  it("shows An the record system's change in her access log, as the system and not as a person", async () => {
    const an = await db.person.findUniqueOrThrow({ where: { id: demoIds.patients.an } });
    await send(
      transaction([
        put(vital("an-pulse", byInsz("Patient", an.insz), now.toISOString(), "8867-4", { value: 66, code: "/min" })),
      ]),
    );
    const outcome = await readAccessLog({
      actor: gated(an.id, "PATIENT"),
      patientId: an.id,
      requestId: randomUUID(),
      limit: 5,
      db,
    });
    expect(outcome.allowed).toBe(true);
    if (!outcome.allowed) return;
    // The newest entry is An's own look at her log; the one before it is the record system's write.
    expect(outcome.page.entries[1]).toMatchObject({
      actor: null,
      actorSystem: "ehr-test",
      action: "WRITE_NURSING_FILE",
      decision: "ALLOW",
      reason: "record_system",
    });
  });

  it("changes nothing when the same Bundle comes again: no row, no revision, no log entry", async () => {
    const bundle = registrationBundle({ insz: newInsz(), given: "Marc", family: "Goossens", key: "twice", today: now });
    await send(bundle);
    const before = await snapshot();
    const again = await send(structuredClone(bundle));
    expect(again.entry?.map((entry) => entry.response?.status)).toEqual(Array(6).fill("200 OK"));
    expect(await snapshot()).toEqual(before);
  });
});

/** A new patient registered with an active episode; returns its person id and a reference to it. */
async function registeredPatient(key: string) {
  const insz = newInsz();
  const subject = byInsz("Patient", insz);
  await send(
    transaction([
      put(patient(insz, { given: "Els", family: `Test-${key}` })),
      put(episode(`${key}-episode`, subject, { start: daysAgo(now, 10) })),
    ]),
  );
  const person = await db.person.findUniqueOrThrow({ where: { insz } });
  return { id: person.id, insz, subject };
}

describe("references and the documented example", () => {
  it("accepts docs/fhir/example-transaction.json as it stands", async () => {
    const example = JSON.parse(readFileSync("docs/fhir/example-transaction.json", "utf8")) as unknown;
    const response = await send(example);
    expect(response.entry?.map((entry) => entry.response?.status)).toEqual(Array(6).fill("201 Created"));
  });

  it("refuses an element of the wrong JSON type that the structure validator lets through, naming the entry (422, nothing written)", async () => {
    // Found by the fuzz tests (ADR 0022): these answered 500 from inside a mapper.
    type Example = { entry: { resource: Record<string, unknown> }[] };
    const wrongTypes: Array<[string, (resource: Record<string, unknown>) => void]> = [
      // An empty object where a list belongs passes @medplum/core's validator.
      ["CarePlan", (plan) => (plan.activity = {})],
      ["Patient", (patient) => ((patient.name as { given: unknown }[])[0]!.given = {})],
      // Read before the mappers, with the Bundle's conditional requests: the Bundle is named.
      ["Observation", (observation) => (observation.identifier = {})],
    ];
    for (const [type, spoil] of wrongTypes) {
      const example = JSON.parse(readFileSync("docs/fhir/example-transaction.json", "utf8")) as Example;
      const index = example.entry.findIndex((entry) => entry.resource.resourceType === type);
      spoil(example.entry[index]!.resource);
      const before = await snapshot();
      const error = await refusal(send(example));
      expect(error.status, type).toBe(422);
      const named = error.issues.map((issue) => issue.expression);
      expect(named.includes(`Bundle.entry[${index}].resource`) || named.includes("Bundle"), type).toBe(true);
      expect(await snapshot(), type).toEqual(before);
    }
  });

  it("resolves a reference to an entry by an absolute fullUrl as well as by urn:uuid", async () => {
    const insz = newInsz();
    const fullUrl = `https://ehr.thuiszorg-demo.example/fhir/Patient/p-${insz}`;
    await send(
      transaction([
        put(patient(insz, { given: "Abs", family: "Olute" }), fullUrl),
        put(carePlan(`abs-plan-${insz}`, { reference: fullUrl }, daysAgo(now, 1))),
      ]),
    );
    const person = await db.person.findUniqueOrThrow({ where: { insz } });
    expect(await db.carePlanItem.count({ where: { patientId: person.id, sourceId: `abs-plan-${insz}` } })).toBe(1);
  });
});

describe("Patient and Practitioner", () => {
  it("creates a patient with contact data; a changed name is an update with its revision and log entry", async () => {
    const insz = newInsz();
    await send(
      transaction([
        put(
          patient(
            insz,
            { given: "Jan", family: "Wouters" },
            { telecom: [{ system: "email", value: "jan@example.be" }] },
          ),
        ),
      ]),
    );
    const created = await db.person.findUniqueOrThrow({ where: { insz } });
    expect([
      created.email,
      created.phone,
      created.street,
      created.postalCode,
      created.city,
      created.birthDate?.toISOString().slice(0, 10),
    ]).toEqual(["jan@example.be", null, "Kerkstraat 1", "2000", "Antwerpen", "1952-04-07"]);

    const response = await send(transaction([put(patient(insz, { given: "Jan", family: "Wouters-Peeters" }))]));
    expect(response.entry?.[0]?.response).toEqual({ status: "200 OK", location: `Patient/${created.id}` });
    const updated = await db.person.findUniqueOrThrow({ where: { insz } });
    expect([updated.lastName, updated.email, updated.phone, updated.version]).toEqual([
      "Wouters-Peeters",
      null,
      "0470 12 34 56",
      2,
    ]);
    const revision = await db.recordRevision.findFirstOrThrow({
      where: { entityType: "Person", entityId: created.id },
    });
    expect(revision).toMatchObject({ patientId: created.id, version: 1, authorId: null, authorSystem: "ehr-test" });
    expect(revision.previous).toMatchObject({ lastName: "Wouters", email: "jan@example.be" });
    const log = await db.accessLogEntry.findMany({ where: { patientId: created.id }, orderBy: { id: "asc" } });
    expect(log.map((entry) => [entry.actorSystem, entry.action])).toEqual([
      ["ehr-test", "CORRECT_ADMINISTRATIVE"],
      ["ehr-test", "CORRECT_ADMINISTRATIVE"],
    ]);
  });

  it("leaves an existing patient alone on a conditional create, whatever it carries", async () => {
    const { insz, id } = await registeredPatient("post-existing");
    const before = await snapshot();
    const response = await send(transaction([post(patient(insz, { given: "Other", family: "Name" }))]));
    expect(response.entry?.[0]?.response).toEqual({ status: "200 OK", location: `Patient/${id}` });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a national number with a wrong check and a birth date that contradicts it", async () => {
    const before = await snapshot();
    const wrongCheck = await refusal(send(transaction([put(patient("52040710099", { given: "A", family: "B" }))])));
    expect(wrongCheck.status).toBe(422);
    expect(wrongCheck.issues.map((issue) => issue.expression)).toContain(
      "Bundle.entry[0].resource.identifier[0].value",
    );
    const contradiction = await refusal(
      send(transaction([put(patient(newInsz(), { given: "A", family: "B" }, { birthDate: "1960-01-01" }))])),
    );
    expect(contradiction.issues).toEqual([
      expect.objectContaining({ expression: "Bundle.entry[0].resource.birthDate", code: "business-rule" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("makes a nurse of a persnurse practitioner, with the RIZIV number on the role, logged outside any patient's chain", async () => {
    const insz = newInsz();
    const requestLog = await db.accessLogEntry.count({ where: { patientId: null } });
    await send(
      transaction([
        put(
          nurse(
            insz,
            { given: "Lotte", family: "Claes" },
            {
              identifier: [
                { system: "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin", value: insz },
                { system: NIHDI, value: "45094508408" },
              ],
            },
          ),
        ),
      ]),
    );
    const person = await db.person.findUniqueOrThrow({ where: { insz }, include: { roles: true, patient: true } });
    expect(person.patient).toBeNull();
    expect(person.roles.map((role) => [role.role, role.profession, role.rizivNumber])).toEqual([
      ["NURSE", null, "4-50945-08-408"],
    ]);
    expect(await db.accessLogEntry.count({ where: { patientId: null, actorSystem: "ehr-test" } })).toBeGreaterThan(0);
    expect(await db.accessLogEntry.count({ where: { patientId: null } })).toBe(requestLog + 1);
  });

  it("keeps a known doctor's profession when a physician qualification names none", async () => {
    const frank = await db.person.findUniqueOrThrow({ where: { id: demoIds.users.frank } });
    const before = await snapshot();
    const response = await send(
      transaction([
        put({
          resourceType: "Practitioner",
          identifier: [
            { system: "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin", value: frank.insz },
          ],
          name: [{ prefix: ["Dr."], given: ["Frank"], family: "Willems" }],
          telecom: [
            { system: "email", value: frank.email },
            { system: "phone", value: frank.phone },
          ],
          qualification: [
            {
              code: {
                coding: [
                  {
                    system: "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty",
                    code: "persphysician",
                  },
                ],
              },
            },
          ],
        }),
      ]),
    );
    // d.frank has a RIZIV number and an address the message does not carry: replace semantics clear them.
    expect(response.entry?.[0]?.response?.status).toBe("200 OK");
    const role = await db.personRole.findUniqueOrThrow({
      where: { personId_role: { personId: frank.id, role: "DOCTOR" } },
    });
    expect([role.profession, role.rizivNumber]).toEqual(["GENERAL_PRACTITIONER", null]);
    const after = await snapshot();
    expect(after.revisions).toBe(before.revisions + 1);
    expect(after.roles).toBe(before.roles);
  });

  it("refuses an unknown qualification", async () => {
    const before = await snapshot();
    const error = await refusal(
      send(
        transaction([
          put(
            nurse(
              newInsz(),
              { given: "A", family: "B" },
              {
                qualification: [
                  {
                    code: {
                      coding: [
                        {
                          system: "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty",
                          code: "persplumber",
                        },
                      ],
                    },
                  },
                ],
              },
            ),
          ),
        ]),
      ),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ expression: "Bundle.entry[0].resource.qualification[0].code" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("EpisodeOfCare and CareTeam", () => {
  it("ends care with a finished episode, and keeps the previous end in a revision", async () => {
    const { id, subject } = await registeredPatient("episode-end");
    await send(
      transaction([
        put(episode("episode-end-episode", subject, { start: daysAgo(now, 10), end: daysAgo(now, 2) }, "finished")),
      ]),
    );
    const row = await db.careEpisode.findFirstOrThrow({ where: { patientId: id } });
    expect([row.endDate?.toISOString().slice(0, 10), row.version, row.sourceSystem, row.sourceId]).toEqual([
      daysAgo(now, 2),
      2,
      EHR.episode,
      "episode-end-episode",
    ]);
    const revision = await db.recordRevision.findFirstOrThrow({
      where: { entityType: "CareEpisode", entityId: row.id },
    });
    expect(revision.previous).toEqual({ startDate: daysAgo(now, 10), endDate: null });
  });

  it("refuses an episode that never was care, a finished one without its end, and an active one that ended", async () => {
    const { subject } = await registeredPatient("episode-rules");
    const before = await snapshot();
    const error = await refusal(
      send(
        transaction([
          put(episode("rules-1", subject, { start: daysAgo(now, 5) }, "planned")),
          put(episode("rules-2", subject, { start: daysAgo(now, 5) }, "finished")),
          put(episode("rules-3", subject, { start: daysAgo(now, 5), end: daysAgo(now, 1) }, "active")),
        ]),
      ),
    );
    expect(error.issues.map((issue) => issue.expression)).toEqual([
      "Bundle.entry[0].resource.status",
      "Bundle.entry[1].resource.period.end",
      "Bundle.entry[2].resource.status",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("assigns the nurses of a care team, and takes out a nurse the team no longer lists", async () => {
    const { id, subject } = await registeredPatient("team");
    const lotte = newInsz();
    await send(transaction([put(nurse(lotte, { given: "Lotte", family: "Claes" }))]));
    const team = (members: string[]) =>
      put(
        careTeam(
          "team-1",
          subject,
          members.map((insz) => byInsz("Practitioner", insz)),
          daysAgo(now, 10),
        ),
      );
    await send(transaction([team([ninaInsz, lotte])]));
    const assignments = await db.careTeamAssignment.findMany({ where: { patientId: id }, orderBy: { nurseId: "asc" } });
    expect(assignments).toHaveLength(2);
    expect(assignments.every((row) => row.endDate === null && row.sourceId === "team-1")).toBe(true);

    await send(transaction([team([ninaInsz])]));
    const lotteId = (await db.person.findUniqueOrThrow({ where: { insz: lotte } })).id;
    const ended = await db.careTeamAssignment.findFirstOrThrow({ where: { patientId: id, nurseId: lotteId } });
    expect(ended.endDate?.toISOString().slice(0, 10)).toBe(daysAgo(now, 1));
    expect(await db.recordRevision.count({ where: { entityType: "CareTeamAssignment", entityId: ended.id } })).toBe(1);
    expect(await listCareTeamPatients({ actor: gated(lotteId, "NURSE"), db, now })).toEqual([]);

    // Sent again, the smaller team changes nothing more.
    const before = await snapshot();
    await send(transaction([team([ninaInsz])]));
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a care-team member who is no nurse of the organisation", async () => {
    const { subject } = await registeredPatient("team-doctor");
    const before = await snapshot();
    const frank = await db.person.findUniqueOrThrow({ where: { id: demoIds.users.frank } });
    const error = await refusal(
      send(
        transaction([put(careTeam("team-doctor-1", subject, [byInsz("Practitioner", frank.insz)], daysAgo(now, 3)))]),
      ),
    );
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([
      expect.objectContaining({ expression: "Bundle.entry[0].resource.participant[0].member.reference" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the nursing file's entries", () => {
  it("maps every vital parameter to its type and unit", async () => {
    const { id, subject } = await registeredPatient("vitals");
    const at = new Date(now.getTime() - 3_600_000).toISOString();
    await send(
      transaction([
        put(bloodPressure("v-bp", subject, at, 142, 88)),
        put(vital("v-pulse", subject, at, "8867-4", { value: 72, code: "/min" })),
        put(vital("v-temp", subject, at, "8310-5", { value: 37.55, code: "Cel" })),
        put(vital("v-glucose", subject, at, "15074-8", { value: 6.2, code: "mmol/L" })),
        put(vital("v-weight", subject, at, "29463-7", { value: 71.3, unit: "kg" })),
        put(vital("v-pain", subject, at, "72514-3", { value: 3, code: "{score}" })),
        put(vital("v-spo2", subject, at, "59408-5", { value: 96, code: "%" })),
      ]),
    );
    const rows = await db.vitalSign.findMany({ where: { patientId: id }, orderBy: { sourceId: "asc" } });
    expect(
      rows.map((row) => [
        row.sourceId,
        row.type,
        row.value.toNumber(),
        row.secondaryValue?.toNumber() ?? null,
        row.unit,
        row.measuredAt.toISOString(),
      ]),
    ).toEqual([
      ["v-bp", "BLOOD_PRESSURE", 142, 88, "mm[Hg]", at],
      ["v-glucose", "GLUCOSE", 6.2, null, "mmol/L", at],
      ["v-pain", "PAIN_SCORE", 3, null, "{score}", at],
      ["v-pulse", "PULSE", 72, null, "/min", at],
      ["v-spo2", "OXYGEN_SATURATION", 96, null, "%", at],
      ["v-temp", "TEMPERATURE", 37.55, null, "Cel", at],
      ["v-weight", "WEIGHT", 71.3, null, "kg", at],
    ]);
  });

  it("refuses unknown codes, wrong units, implausible values and a blood pressure without its diastolic", async () => {
    const { subject } = await registeredPatient("vitals-bad");
    const at = now.toISOString();
    const withoutDiastolic = bloodPressure("bad-bp", subject, at, 140, 90);
    withoutDiastolic.component = withoutDiastolic.component.slice(0, 1);
    const before = await snapshot();
    const error = await refusal(
      send(
        transaction([
          put(vital("bad-code", subject, at, "1234-5", { value: 1, code: "/min" })),
          put(vital("bad-unit", subject, at, "8310-5", { value: 99.1, code: "[degF]" })),
          put(vital("bad-unit-text", subject, at, "29463-7", { value: 150, unit: "lb" })),
          put(vital("bad-value", subject, at, "8867-4", { value: 720, code: "/min" })),
          put(withoutDiastolic),
        ]),
      ),
    );
    expect(error.status).toBe(422);
    expect(error.issues.map((issue) => issue.expression)).toEqual([
      "Bundle.entry[0].resource.code",
      "Bundle.entry[1].resource.valueQuantity.code",
      "Bundle.entry[2].resource.valueQuantity.unit",
      "Bundle.entry[3].resource.valueQuantity.value",
      "Bundle.entry[4].resource.component",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("corrects a reading sent again with another value, keeping the previous one, but never changes its type", async () => {
    const { id, subject } = await registeredPatient("vitals-correct");
    const at = now.toISOString();
    await send(transaction([put(vital("vc-1", subject, at, "8310-5", { value: 38.9, code: "Cel" }))]));
    await send(transaction([put(vital("vc-1", subject, at, "8310-5", { value: 37.9, code: "Cel" }))]));
    const row = await db.vitalSign.findFirstOrThrow({ where: { patientId: id, sourceId: "vc-1" } });
    expect([row.value.toNumber(), row.version]).toEqual([37.9, 2]);
    const revision = await db.recordRevision.findFirstOrThrow({ where: { entityType: "VitalSign", entityId: row.id } });
    expect(revision.previous).toMatchObject({ value: 38.9, type: "TEMPERATURE" });
    expect(revision.authorSystem).toBe("ehr-test");

    const before = await snapshot();
    const error = await refusal(
      send(transaction([put(vital("vc-1", subject, at, "8867-4", { value: 80, code: "/min" }))])),
    );
    expect(error.issues[0]?.diagnostics).toMatch(/keeps its type/);
    expect(await snapshot()).toEqual(before);
  });

  it("stores a nursing note as the kind, text, moment and author it was sent with", async () => {
    const { id, subject } = await registeredPatient("note");
    const at = "2026-11-30T09:15:00+01:00";
    const note = nursingNote("note-1", subject, at, "Patiënte voelt zich beter; wonde rustig.", "assessment");
    (note as LooseResource).author = [byInsz("Practitioner", ninaInsz)];
    await send(transaction([put(note)]));
    const row = await db.nursingNote.findFirstOrThrow({ where: { patientId: id } });
    expect([row.kind, row.text, row.writtenAt.toISOString(), row.authorId]).toEqual([
      "ASSESSMENT",
      "Patiënte voelt zich beter; wonde rustig.",
      "2026-11-30T08:15:00.000Z",
      demoIds.users.nina,
    ]);
  });

  it("refuses a note whose text is not inline plain text", async () => {
    const { subject } = await registeredPatient("note-bad");
    const note = nursingNote("note-bad-1", subject, now.toISOString(), "x");
    (note.content[0]!.attachment as Record<string, unknown>).contentType = "application/pdf";
    const before = await snapshot();
    const error = await refusal(send(transaction([put(note)])));
    expect(error.issues).toEqual([
      expect.objectContaining({ expression: "Bundle.entry[0].resource.content[0].attachment.contentType" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("stores care plan items with their status and schedule, and revises them", async () => {
    const { id, subject } = await registeredPatient("plan");
    await send(transaction([put(carePlan("plan-1", subject, daysAgo(now, 3)))]));
    const stopped = {
      ...carePlan("plan-1", subject, daysAgo(now, 3)),
      status: "revoked",
      period: { start: daysAgo(now, 3), end: daysAgo(now, 0) },
    };
    await send(transaction([put(stopped)]));
    const row = await db.carePlanItem.findFirstOrThrow({ where: { patientId: id } });
    expect([row.status, row.frequency, row.endDate?.toISOString().slice(0, 10), row.version]).toEqual([
      "STOPPED",
      "2x per week",
      daysAgo(now, 0),
      2,
    ]);
    expect(await db.recordRevision.count({ where: { entityType: "CarePlanItem", entityId: row.id } })).toBe(1);
  });

  it("stores the medication schedule with its times, route and prescriber", async () => {
    const { id, subject } = await registeredPatient("meds");
    await send(transaction([put(medication("med-1", subject, daysAgo(now, 3)))]));
    const row = await db.medicationScheduleItem.findFirstOrThrow({ where: { patientId: id } });
    expect([row.medication, row.dose, row.route, row.times, row.instructions, row.prescriber]).toEqual([
      "Metformine 500 mg",
      "1 tablet",
      "oraal",
      ["08:00", "20:00"],
      "Bij de maaltijd innemen.",
      "Dr. Dirk Smets",
    ]);
  });

  it("plans a visit with the visiting nurse", async () => {
    const { id, subject } = await registeredPatient("visit");
    const start = new Date(now.getTime() + 86_400_000).toISOString();
    await send(transaction([put(visit("visit-1", subject, byInsz("Practitioner", ninaInsz), start))]));
    const row = await db.plannedVisit.findFirstOrThrow({ where: { patientId: id } });
    expect([row.status, row.purpose, row.durationMinutes, row.nurseId, row.startsAt.toISOString()]).toEqual([
      "PLANNED",
      "Wondzorg",
      30,
      demoIds.users.nina,
      start,
    ]);
  });
});

describe("refusals leave the database as it was", () => {
  it("names the element of a structure error (the choice element as sent) and writes nothing", async () => {
    const { subject } = await registeredPatient("structure");
    const before = await snapshot();
    const error = await refusal(
      send(
        transaction([
          put(carePlan("s-plan", subject, daysAgo(now, 1))),
          put(vital("s-1", subject, now.toISOString(), "8867-4", { value: "72", code: "/min" })),
        ]),
      ),
    );
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([
      expect.objectContaining({ code: "structure", expression: "Bundle.entry[1].resource.valueQuantity.value" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses unknown resource types, unknown elements, elements the portal does not store and prototype keys", async () => {
    const { subject } = await registeredPatient("hostile");
    const before = await snapshot();
    const unknownType = await refusal(
      send(transaction([put({ resourceType: "Spaceship", identifier: [{ system: EHR.note, value: "x" }] })])),
    );
    expect(unknownType.issues).toEqual([
      expect.objectContaining({ code: "not-supported", expression: "Bundle.entry[0].resource.resourceType" }),
    ]);

    const unknownElement = await refusal(
      send(transaction([put({ ...carePlan("h-1", subject, daysAgo(now, 1)), colour: "blue" })])),
    );
    expect(unknownElement.issues).toEqual([expect.objectContaining({ expression: "Bundle.entry[0].resource.colour" })]);

    const notStored = await refusal(
      send(transaction([put({ ...carePlan("h-2", subject, daysAgo(now, 1)), note: [{ text: "x" }] })])),
    );
    expect(notStored.issues).toEqual([
      expect.objectContaining({ code: "not-supported", expression: "Bundle.entry[0].resource.note" }),
    ]);

    const proto = JSON.parse(
      `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient","__proto__":{"admin":true}},"request":{"method":"POST","url":"Patient"}}]}`,
    );
    const prototypeKey = await refusal(send(proto));
    expect(prototypeKey.issues).toEqual([
      expect.objectContaining({ expression: "Bundle.entry[0].resource.__proto__" }),
    ]);

    const batch = await refusal(send({ resourceType: "Bundle", type: "batch", entry: [] }));
    expect(batch.issues).toEqual([expect.objectContaining({ expression: "Bundle.type" })]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses requests that are not conditional on the identifier the resource carries", async () => {
    const { subject } = await registeredPatient("requests");
    const plan = carePlan("r-1", subject, daysAgo(now, 1));
    const before = await snapshot();
    const error = await refusal(
      send({
        resourceType: "Bundle",
        type: "transaction",
        entry: [
          { resource: plan, request: { method: "POST", url: "CarePlan" } },
          { resource: plan, request: { method: "PUT", url: "CarePlan/123" } },
          { resource: plan, request: { method: "PUT", url: `CarePlan?identifier=${EHR.carePlan}|other` } },
          { resource: plan, request: { method: "DELETE", url: "CarePlan?identifier=x|y" } },
        ],
      }),
    );
    expect(error.issues.map((issue) => issue.expression)).toEqual([
      "Bundle.entry[0].request.ifNoneExist",
      "Bundle.entry[1].request.url",
      "Bundle.entry[2].resource.identifier",
      "Bundle.entry[3].request.method",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a reference to no entry, and to an unknown patient", async () => {
    const before = await snapshot();
    const dangling = await refusal(send(transaction([put(carePlan("d-1", { reference: urn() }, daysAgo(now, 1)))])));
    expect(dangling.issues).toEqual([
      expect.objectContaining({ code: "not-found", expression: "Bundle.entry[0].resource.subject.reference" }),
    ]);
    const unknown = await refusal(
      send(transaction([put(carePlan("d-2", byInsz("Patient", newInsz()), daysAgo(now, 1)))])),
    );
    expect(unknown.issues).toEqual([
      expect.objectContaining({ code: "not-found", expression: "Bundle.entry[0].resource.subject.reference" }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("rolls the whole Bundle back on a late error: the patient, episode and readings written before it are gone", async () => {
    const insz = newInsz();
    const patientUrl = urn();
    const subject = { reference: patientUrl };
    const frank = await db.person.findUniqueOrThrow({ where: { id: demoIds.users.frank } });
    const before = await snapshot();
    const error = await refusal(
      send(
        transaction([
          put(patient(insz, { given: "Late", family: "Error" }), patientUrl),
          put(episode("late-episode", subject, { start: daysAgo(now, 2) })),
          put(bloodPressure("late-bp", subject, now.toISOString(), 130, 80)),
          // Found only while writing, after the patient, the episode and the care plan were written.
          put(careTeam("late-team", subject, [byInsz("Practitioner", frank.insz)], daysAgo(now, 2))),
        ]),
      ),
    );
    expect(error.status).toBe(422);
    expect(await db.person.findUnique({ where: { insz } })).toBeNull();
    expect(await db.vitalSign.count({ where: { sourceId: "late-bp" } })).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to move an entry to another patient", async () => {
    const first = await registeredPatient("owner-1");
    const second = await registeredPatient("owner-2");
    await send(transaction([put(carePlan("owned-plan", first.subject, daysAgo(now, 1)))]));
    const before = await snapshot();
    const error = await refusal(send(transaction([put(carePlan("owned-plan", second.subject, daysAgo(now, 1)))])));
    expect(error.issues[0]?.diagnostics).toMatch(/another patient/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses what the token's scopes do not allow, logging only the refusal", async () => {
    const { subject } = await registeredPatient("scopes");
    const narrow: SystemCaller = { clientId: "ehr-test", scopes: ["system/Observation.write"] };
    const before = await snapshot();
    const error = await refusal(send(transaction([put(carePlan("scope-plan", subject, daysAgo(now, 1)))]), narrow));
    expect(error.status).toBe(403);
    expect(error.issues).toEqual([
      expect.objectContaining({ code: "forbidden", expression: "Bundle.entry[0].resource" }),
    ]);
    const after = await snapshot();
    expect(after).toEqual({ ...before, log: before.log + 1 });
    const denial = await db.accessLogEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([denial.patientId, denial.actorSystem, denial.decision, denial.reason]).toEqual([
      null,
      "ehr-test",
      "DENY",
      "scope_not_granted",
    ]);

    // The narrower scope is honoured for what it covers.
    await send(
      transaction([put(vital("scope-pulse", subject, now.toISOString(), "8867-4", { value: 70, code: "/min" }))]),
      narrow,
    );
    expect(await db.vitalSign.count({ where: { sourceId: "scope-pulse" } })).toBe(1);
  });

  it("keeps every chain of the access log intact", async () => {
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });
});
