// Consent and RelatedPerson over FHIR (issue 11, ADR 0018): the record system sends the patient's
// informed consent and legal representatives; they become facts with their source (ADR 0020) that
// the access decision reads at once. Each side: accepted and effective, refused with the element
// named and nothing written, the same Bundle twice changing nothing, a change keeping its previous
// state and logged as the record system's.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { verifyAccessLog } from "@/lib/audit/verify";
import { acceptCurrentDeclaration, createTherapeuticRelation } from "@/lib/demo-world/factories";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { FhirError, processTransaction, type SystemCaller } from "@/lib/fhir";
import { ensureFhirDefinitions } from "@/lib/fhir/validation";
import { buildInsz } from "@/lib/insz";
import { gated } from "@/tests/support/actors";
import { testChainKey } from "@/tests/support/audit";
import { resetDatabase, testPrisma } from "@/tests/support/database";
import {
  EHR,
  byInsz,
  consent,
  daysAgo,
  episode,
  patient,
  put,
  post,
  relatedPerson,
  transaction,
} from "@/tests/support/fhir-bundles";

const db = testPrisma();
const caller: SystemCaller = { clientId: "ehr-test", scopes: ["system/*.write"] };
const now = new Date();
const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR).toISOString();
let serial = 300;
const inszBornYearsAgo = (years: number) =>
  buildInsz(new Date(Date.UTC(now.getUTCFullYear() - years, 0, 15)), serial++);

async function send(body: unknown, who: SystemCaller = caller) {
  return processTransaction({ caller: who, body, requestId: `fhir-${randomUUID()}`, db, now });
}

async function refusal(work: Promise<unknown>): Promise<FhirError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "the request is refused").toBeInstanceOf(FhirError);
  return error as FhirError;
}

/** Row counts of what these resources write, and of the access log: "nothing changed" is all of them equal. */
async function snapshot() {
  const [people, roles, consentEvents, representations, revisions, log] = await Promise.all([
    db.person.count(),
    db.personRole.count(),
    db.consentEvent.count(),
    db.legalRepresentation.count(),
    db.recordRevision.count(),
    db.accessLogEntry.count(),
  ]);
  const moments = await db.consentEvent.aggregate({ _max: { occurredAt: true } });
  return { people, roles, consentEvents, representations, revisions, log, moments };
}

/** A new patient registered with an active episode (and, for a doctor, a therapeutic relation without consent). */
async function registeredPatient(key: string, ageInYears = 70) {
  const insz = inszBornYearsAgo(ageInYears);
  const subject = byInsz("Patient", insz);
  await send(
    transaction([
      put(patient(insz, { given: "Els", family: `Feit-${key}` })),
      put(episode(`${key}-episode`, subject, { start: daysAgo(now, 10) })),
    ]),
  );
  const person = await db.person.findUniqueOrThrow({ where: { insz } });
  return { id: person.id, insz, subject };
}

const decide = (personId: string, role: "DOCTOR" | "LEGAL_REPRESENTATIVE", patientId: string) =>
  authorizePatientAccess({
    actor: gated(personId, role),
    patientId,
    action: "READ_HEALTH",
    requestId: `test-${randomUUID()}`,
    db,
    now,
  });

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  ensureFhirDefinitions();
});

describe("Consent", () => {
  it("lets a doctor with a therapeutic relation in once the record system sends the consent; a withdrawal shuts him out", async () => {
    const { id, subject } = await registeredPatient("consent");
    await createTherapeuticRelation(db, {
      caregiverId: demoIds.users.frank,
      patientId: id,
      kind: "GENERAL_PRACTITIONER",
      startDate: new Date(`${daysAgo(now, 5)}T00:00:00Z`),
      source: "RECORD_SYSTEM",
      sourceReference: "relation-consent-test",
    });
    expect(await decide(demoIds.users.frank, "DOCTOR", id)).toEqual({ allowed: false, reason: "no_consent" });

    const given = hoursAgo(48);
    const response = await send(transaction([put(consent("c-1", subject, given))]));
    expect(response.entry?.[0]?.response?.status).toBe("201 Created");
    const events = await db.consentEvent.findMany({ where: { patientId: id } });
    expect(
      events.map((event) => [event.kind, event.occurredAt.toISOString(), event.source, event.sourceReference]),
    ).toEqual([["GIVEN", given, "RECORD_SYSTEM", `${EHR.consent}|c-1`]]);
    expect(response.entry?.[0]?.response?.location).toBe(`Consent/${events[0]!.id}`);
    expect(await decide(demoIds.users.frank, "DOCTOR", id)).toMatchObject({
      allowed: true,
      reason: "therapeutic_relation",
    });

    // The patient's log shows the record system recording the consent.
    const logged = await db.accessLogEntry.findMany({ where: { patientId: id, actorSystem: "ehr-test" } });
    expect(logged.map((entry) => [entry.action, entry.decision, entry.reason])).toContainEqual([
      "MANAGE_PATIENT_SETTINGS",
      "ALLOW",
      "record_system",
    ]);

    // The same Consent inactive: withdrawn at provision.period.end, a second event of the history.
    const withdrawn = hoursAgo(2);
    await send(transaction([put(consent("c-1", subject, given, withdrawn))]));
    const history = await db.consentEvent.findMany({ where: { patientId: id }, orderBy: { occurredAt: "asc" } });
    expect(history.map((event) => [event.kind, event.occurredAt.toISOString()])).toEqual([
      ["GIVEN", given],
      ["WITHDRAWN", withdrawn],
    ]);
    expect(await decide(demoIds.users.frank, "DOCTOR", id)).toEqual({ allowed: false, reason: "no_consent" });
  });

  it("changes nothing when the same Bundle comes again, and keeps a corrected moment's previous value", async () => {
    const { id, subject } = await registeredPatient("consent-twice");
    const bundle = transaction([put(consent("c-twice", subject, hoursAgo(30), hoursAgo(3)))]);
    await send(bundle);
    const before = await snapshot();
    const again = await send(structuredClone(bundle));
    expect(again.entry?.[0]?.response?.status).toBe("200 OK");
    expect(await snapshot()).toEqual(before);

    // A conditional create of a known consent is a no-op whatever it carries.
    await send(transaction([post(consent("c-twice", subject, hoursAgo(20)))]));
    expect(await snapshot()).toEqual(before);

    await send(transaction([put(consent("c-twice", subject, hoursAgo(31), hoursAgo(3)))]));
    const revision = await db.recordRevision.findFirstOrThrow({
      where: { patientId: id, entityType: "ConsentEvent" },
    });
    expect([revision.version, revision.authorSystem, revision.previous]).toEqual([
      1,
      "ehr-test",
      { kind: "GIVEN", occurredAt: hoursAgo(30) },
    ]);
  });

  it("refuses an opt-out, another scope, a withdrawal without its moment, a moment ahead and a withdrawn consent made active again; nothing is written", async () => {
    const { subject } = await registeredPatient("consent-invalid");
    const optOut = consent("c-bad-1", subject, hoursAgo(5), undefined, {
      policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTOUT" }] },
    });
    const research = consent("c-bad-2", subject, hoursAgo(5), undefined, {
      scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "research" }] },
    });
    const noEnd = { ...consent("c-bad-3", subject, hoursAgo(5)), status: "inactive" };
    const ahead = consent("c-bad-4", subject, new Date(now.getTime() + 2 * HOUR).toISOString());
    const proposed = { ...consent("c-bad-5", subject, hoursAgo(5)), status: "proposed" };
    const before = await snapshot();
    const error = await refusal(send(transaction([put(optOut), put(research), put(noEnd), put(ahead), put(proposed)])));
    expect(error.status).toBe(422);
    expect(error.issues.map((issue) => issue.expression)).toEqual([
      "Bundle.entry[0].resource.policyRule",
      "Bundle.entry[1].resource.scope",
      "Bundle.entry[2].resource.provision.period.end",
      "Bundle.entry[3].resource.dateTime",
      "Bundle.entry[4].resource.status",
    ]);
    expect(await snapshot()).toEqual(before);

    // A structure error (an unknown status) is named by the validator, before our rules.
    const structure = await refusal(
      send(transaction([put({ ...consent("c-bad-6", subject, hoursAgo(5)), status: "yes" })])),
    );
    expect(structure.issues).toEqual([expect.objectContaining({ expression: "Bundle.entry[0].resource.status" })]);

    await send(transaction([put(consent("c-again", subject, hoursAgo(9), hoursAgo(8)))]));
    const withdrawnOnce = await snapshot();
    const reactivated = await refusal(send(transaction([put(consent("c-again", subject, hoursAgo(9)))])));
    expect(reactivated.issues).toEqual([
      expect.objectContaining({ expression: "Bundle.entry[0].resource.status", code: "business-rule" }),
    ]);
    expect(await snapshot()).toEqual(withdrawnOnce);
  });

  it("refuses to move a consent to another patient", async () => {
    const first = await registeredPatient("consent-owner-1");
    const second = await registeredPatient("consent-owner-2");
    await send(transaction([put(consent("c-owned", first.subject, hoursAgo(4)))]));
    const before = await snapshot();
    const error = await refusal(send(transaction([put(consent("c-owned", second.subject, hoursAgo(4)))])));
    expect(error.issues[0]?.diagnostics).toMatch(/another patient/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("RelatedPerson", () => {
  it("lets the parent of a child under 12 read the file, a person new to the portal created as a representative", async () => {
    const childInsz = inszBornYearsAgo(8);
    const parentInsz = inszBornYearsAgo(38);
    const childUrl = `urn:uuid:${randomUUID()}`;
    const bundle = transaction([
      put(patient(childInsz, { given: "Lotte", family: "Claes" }), childUrl),
      put(episode("child-episode", { reference: childUrl }, { start: daysAgo(now, 3) })),
      put(
        relatedPerson(
          "rp-parent",
          { reference: childUrl },
          { insz: parentInsz, given: "Sofie", family: "Claes" },
          daysAgo(now, 8 * 365),
        ),
      ),
    ]);
    const response = await send(bundle);
    expect(response.entry?.map((entry) => entry.response?.status)).toEqual(Array(3).fill("201 Created"));

    const child = await db.person.findUniqueOrThrow({ where: { insz: childInsz } });
    const parent = await db.person.findUniqueOrThrow({ where: { insz: parentInsz }, include: { roles: true } });
    expect([parent.firstName, parent.lastName, parent.roles.map((role) => role.role)]).toEqual([
      "Sofie",
      "Claes",
      ["LEGAL_REPRESENTATIVE"],
    ]);
    const representation = await db.legalRepresentation.findFirstOrThrow({ where: { patientId: child.id } });
    expect([
      representation.representativeId,
      representation.basis,
      representation.source,
      representation.sourceReference,
      representation.endDate,
      representation.revokedAt,
      representation.recordedById,
    ]).toEqual([parent.id, "PARENT", "RECORD_SYSTEM", `${EHR.representative}|rp-parent`, null, null, null]);
    expect(response.entry?.[2]?.response?.location).toBe(`RelatedPerson/${representation.id}`);
    // A representative new to the portal reads nothing before accepting the role's declaration.
    expect(await decide(parent.id, "LEGAL_REPRESENTATIVE", child.id)).toEqual({
      allowed: false,
      reason: "declaration_required",
    });
    await acceptCurrentDeclaration(db, { personId: parent.id, role: "LEGAL_REPRESENTATIVE" });
    expect(await decide(parent.id, "LEGAL_REPRESENTATIVE", child.id)).toMatchObject({
      allowed: true,
      reason: "legal_representative",
    });
    const logged = await db.accessLogEntry.findMany({ where: { patientId: child.id, actorSystem: "ehr-test" } });
    expect(logged.map((entry) => entry.action)).toContain("RECORD_LEGAL_REPRESENTATIVE");

    // The same Bundle again changes nothing.
    const before = await snapshot();
    const again = await send(structuredClone(bundle));
    expect(again.entry?.map((entry) => entry.response?.status)).toEqual(Array(3).fill("200 OK"));
    expect(await snapshot()).toEqual(before);

    // Revoked (active false): the parent is out, the previous state kept; made active again: refused.
    await send(
      transaction([
        put(
          relatedPerson(
            "rp-parent",
            byInsz("Patient", childInsz),
            { insz: parentInsz, given: "Sofie", family: "Claes" },
            daysAgo(now, 8 * 365),
            "PRN",
            { active: false },
          ),
        ),
      ]),
    );
    expect(await decide(parent.id, "LEGAL_REPRESENTATIVE", child.id)).toMatchObject({ allowed: false });
    const revision = await db.recordRevision.findFirstOrThrow({
      where: { entityType: "LegalRepresentation", entityId: representation.id },
    });
    expect([revision.version, revision.authorSystem, revision.previous]).toEqual([
      1,
      "ehr-test",
      { basis: "PARENT", startDate: daysAgo(now, 8 * 365), endDate: null, revoked: false },
    ]);
    const revoked = await snapshot();
    const reactivated = await refusal(send(structuredClone(bundle)));
    expect(reactivated.issues).toEqual([expect.objectContaining({ expression: "Bundle.entry[2].resource.active" })]);
    expect(await snapshot()).toEqual(revoked);
  });

  it("names a known person by national number: r.rita becomes a guardian; a family name that differs is refused", async () => {
    const rita = await db.person.findUniqueOrThrow({ where: { id: demoIds.users.rita } });
    const { id, subject } = await registeredPatient("guardian", 9);
    const before = await snapshot();
    const mismatch = await refusal(
      send(
        transaction([
          put(
            relatedPerson(
              "rp-rita",
              subject,
              { insz: rita.insz, given: "Rita", family: "Peeters" },
              daysAgo(now, 30),
              "GUARD",
            ),
          ),
        ]),
      ),
    );
    expect(mismatch.issues).toEqual([expect.objectContaining({ expression: "Bundle.entry[0].resource.name" })]);
    expect(await snapshot()).toEqual(before);

    await send(
      transaction([
        put(
          relatedPerson(
            "rp-rita",
            subject,
            { insz: rita.insz, given: "Rita", family: "Wouters" },
            daysAgo(now, 30),
            "GUARD",
          ),
        ),
      ]),
    );
    expect(await db.legalRepresentation.findFirstOrThrow({ where: { patientId: id } })).toMatchObject({
      representativeId: rita.id,
      basis: "APPOINTED",
    });
    expect(await decide(rita.id, "LEGAL_REPRESENTATIVE", id)).toMatchObject({ allowed: true });
  });

  it("refuses a step-parent, a minor representative, no national number, contact data it would lose and the patient as their own representative; nothing is written", async () => {
    const { subject } = await registeredPatient("rp-invalid", 7);
    const grownUp = await registeredPatient("rp-self", 80);
    const adult = { insz: inszBornYearsAgo(40), given: "Jan", family: "Maes" };
    const stepParent = relatedPerson("rp-bad-1", subject, adult, daysAgo(now, 100), "STPPRN");
    const minor = relatedPerson("rp-bad-2", subject, { ...adult, insz: inszBornYearsAgo(15) }, daysAgo(now, 100));
    const noInsz = {
      ...relatedPerson("rp-bad-3", subject, adult, daysAgo(now, 100)),
      identifier: [{ system: EHR.representative, value: "rp-bad-3" }],
    };
    const telecom = relatedPerson("rp-bad-4", subject, adult, daysAgo(now, 100), "MTH", {
      telecom: [{ system: "phone", value: "0470 00 00 00" }],
    });
    const before = await snapshot();
    const error = await refusal(send(transaction([put(stepParent), put(minor), put(noInsz), put(telecom)])));
    expect(error.status).toBe(422);
    expect(error.issues.map((issue) => issue.expression)).toEqual(["Bundle.entry[3].resource.telecom"]);
    expect(await snapshot()).toEqual(before);

    const rules = await refusal(send(transaction([put(stepParent), put(minor), put(noInsz)])));
    expect(rules.issues.map((issue) => issue.expression)).toEqual([
      "Bundle.entry[0].resource.relationship",
      "Bundle.entry[1].resource.identifier[1].value",
      "Bundle.entry[2].resource.identifier",
    ]);
    expect(await snapshot()).toEqual(before);

    // Found only while writing: the whole Bundle, the valid representation before it included, rolls back.
    const self = await refusal(
      send(
        transaction([
          put(relatedPerson("rp-ok", subject, adult, daysAgo(now, 100))),
          put(
            relatedPerson(
              "rp-self",
              grownUp.subject,
              { insz: grownUp.insz, given: "Els", family: "Feit-rp-self" },
              daysAgo(now, 100),
              "GUARD",
            ),
          ),
        ]),
      ),
    );
    expect(self.issues).toEqual([expect.objectContaining({ expression: "Bundle.entry[1].resource.identifier" })]);
    expect(await db.person.findUnique({ where: { insz: adult.insz } })).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it("keeps every chain of the access log intact", async () => {
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });
});
