// FHIR transaction Bundles as the organisation's record system sends them, shared by the
// integration tests and the end-to-end spec. Pure data: no import of the portal's code, so a
// test cannot pass because it shares a mistake with the code under test.
import { createHash, randomUUID } from "node:crypto";
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";

export const SSIN = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
export const NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
export const HCPARTY = "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty";
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
/** The record system's own identifier systems (any absolute URI of its own). */
export const EHR = {
  episode: "https://ehr.thuiszorg-demo.example/id/episode",
  careTeam: "https://ehr.thuiszorg-demo.example/id/care-team",
  observation: "https://ehr.thuiszorg-demo.example/id/observation",
  carePlan: "https://ehr.thuiszorg-demo.example/id/care-plan",
  note: "https://ehr.thuiszorg-demo.example/id/note",
  medication: "https://ehr.thuiszorg-demo.example/id/medication",
  visit: "https://ehr.thuiszorg-demo.example/id/visit",
  consent: "https://ehr.thuiszorg-demo.example/id/consent",
  representative: "https://ehr.thuiszorg-demo.example/id/representative",
} as const;

export const ninaInsz = "88081902053";

export type Entry = BundleEntry;

/** Loosely typed on purpose: tests send invalid resources too. */
export type LooseResource = {
  resourceType: string;
  identifier?: { system?: string; value?: string }[];
  [element: string]: unknown;
};

export function transaction(entries: Entry[]): Bundle {
  return { resourceType: "Bundle", type: "transaction", entry: entries };
}

export const urn = () => `urn:uuid:${randomUUID()}`;

/** A conditional update (PUT Type?identifier=system|value) of a resource carrying that identifier. */
export function put(resource: LooseResource, fullUrl?: string): Entry {
  const identifier = resource.identifier![0]!;
  return {
    ...(fullUrl ? { fullUrl } : {}),
    resource: resource as unknown as Resource,
    request: { method: "PUT", url: `${resource.resourceType}?identifier=${identifier.system}|${identifier.value}` },
  };
}

/** A conditional create (POST with ifNoneExist) on the resource's first identifier. */
export function post(resource: LooseResource, fullUrl?: string): Entry {
  const identifier = resource.identifier![0]!;
  return {
    ...(fullUrl ? { fullUrl } : {}),
    resource: resource as unknown as Resource,
    request: {
      method: "POST",
      url: resource.resourceType,
      ifNoneExist: `identifier=${identifier.system}|${identifier.value}`,
    },
  };
}

export const byInsz = (type: "Patient" | "Practitioner", insz: string) => ({
  reference: `${type}?identifier=${SSIN}|${insz}`,
});

export function patient(insz: string, name: { given: string; family: string }, extra: Record<string, unknown> = {}) {
  return {
    resourceType: "Patient" as const,
    identifier: [{ system: SSIN, value: insz }],
    name: [{ use: "official" as const, family: name.family, given: [name.given] }],
    telecom: [{ system: "phone" as const, value: "0470 12 34 56" }],
    address: [{ use: "home" as const, line: ["Kerkstraat 1"], postalCode: "2000", city: "Antwerpen", country: "BE" }],
    ...extra,
  };
}

export function nurse(insz: string, name: { given: string; family: string }, extra: Record<string, unknown> = {}) {
  return {
    resourceType: "Practitioner" as const,
    identifier: [{ system: SSIN, value: insz }],
    name: [{ family: name.family, given: [name.given] }],
    qualification: [{ code: { coding: [{ system: HCPARTY, code: "persnurse" }] } }],
    ...extra,
  };
}

export function episode(
  key: string,
  subject: { reference: string },
  period: { start: string; end?: string },
  status = "active",
) {
  return {
    resourceType: "EpisodeOfCare" as const,
    identifier: [{ system: EHR.episode, value: key }],
    status,
    patient: subject,
    period,
  };
}

export function careTeam(key: string, subject: { reference: string }, members: { reference: string }[], start: string) {
  return {
    resourceType: "CareTeam" as const,
    identifier: [{ system: EHR.careTeam, value: key }],
    status: "active",
    subject,
    period: { start },
    participant: members.map((member) => ({ member })),
  };
}

export function bloodPressure(
  key: string,
  subject: { reference: string },
  at: string,
  systolic: number,
  diastolic: number,
) {
  return {
    resourceType: "Observation" as const,
    identifier: [{ system: EHR.observation, value: key }],
    status: "final",
    category: [
      { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] },
    ],
    code: { coding: [{ system: LOINC, code: "85354-9", display: "Blood pressure panel" }] },
    subject,
    effectiveDateTime: at,
    component: [
      {
        code: { coding: [{ system: LOINC, code: "8480-6" }] },
        valueQuantity: { value: systolic, unit: "mmHg", system: UCUM, code: "mm[Hg]" },
      },
      {
        code: { coding: [{ system: LOINC, code: "8462-4" }] },
        valueQuantity: { value: diastolic, unit: "mmHg", system: UCUM, code: "mm[Hg]" },
      },
    ],
  };
}

export function vital(
  key: string,
  subject: { reference: string },
  at: string,
  loinc: string,
  quantity: { value: unknown; unit?: string; code?: string; system?: string },
) {
  return {
    resourceType: "Observation" as const,
    identifier: [{ system: EHR.observation, value: key }],
    status: "final",
    code: { coding: [{ system: LOINC, code: loinc }] },
    subject,
    effectiveDateTime: at,
    valueQuantity: { system: UCUM, ...quantity },
  };
}

export function carePlan(
  key: string,
  subject: { reference: string },
  start: string,
  title = "Wondzorg rechteronderbeen",
) {
  return {
    resourceType: "CarePlan" as const,
    identifier: [{ system: EHR.carePlan, value: key }],
    status: "active",
    intent: "plan",
    subject,
    title,
    description: "Wonde reinigen en verband vervangen.",
    period: { start },
    activity: [{ detail: { status: "in-progress", scheduledString: "2x per week" } }],
  };
}

export function nursingNote(
  key: string,
  subject: { reference: string },
  at: string,
  text: string,
  kind = "observation",
) {
  return {
    resourceType: "DocumentReference" as const,
    identifier: [{ system: EHR.note, value: key }],
    status: "current",
    type: { coding: [{ system: LOINC, code: "34746-8" }] },
    category: [
      { coding: [{ system: "https://care-record-portal.example/fhir/CodeSystem/nursing-note-kind", code: kind }] },
    ],
    subject,
    date: at,
    content: [
      { attachment: { contentType: "text/plain; charset=utf-8", data: Buffer.from(text, "utf8").toString("base64") } },
    ],
  };
}

export function medication(key: string, subject: { reference: string }, start: string) {
  return {
    resourceType: "MedicationStatement" as const,
    identifier: [{ system: EHR.medication, value: key }],
    status: "active",
    medicationCodeableConcept: { text: "Metformine 500 mg" },
    subject,
    effectivePeriod: { start },
    informationSource: { display: "Dr. Dirk Smets" },
    dosage: [
      {
        text: "1 tablet",
        route: { text: "oraal" },
        timing: { repeat: { timeOfDay: ["08:00:00", "20:00:00"] } },
        patientInstruction: "Bij de maaltijd innemen.",
      },
    ],
  };
}

export function visit(
  key: string,
  subject: { reference: string },
  nurseRef: { reference: string } | null,
  start: string,
) {
  return {
    resourceType: "Appointment" as const,
    identifier: [{ system: EHR.visit, value: key }],
    status: "booked",
    description: "Wondzorg",
    start,
    minutesDuration: 30,
    participant: [
      { actor: subject, status: "accepted" },
      ...(nurseRef ? [{ actor: nurseRef, status: "accepted" }] : []),
    ],
  };
}

/**
 * The patient's informed consent to share the file: given at `givenAt`; with `withdrawnAt`, the
 * same Consent made inactive (withdrawn then).
 */
export function consent(
  key: string,
  subject: { reference: string },
  givenAt: string,
  withdrawnAt?: string,
  extra: Record<string, unknown> = {},
) {
  return {
    resourceType: "Consent" as const,
    identifier: [{ system: EHR.consent, value: key }],
    status: withdrawnAt ? "inactive" : "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    category: [{ coding: [{ system: LOINC, code: "59284-0", display: "Patient Consent" }] }],
    patient: subject,
    dateTime: givenAt,
    policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN" }] },
    ...(withdrawnAt ? { provision: { type: "permit", period: { end: withdrawnAt } } } : {}),
    ...extra,
  };
}

/** A legal representative of the patient, by national number; `code` is a v3 RoleCode (PRN parent, GUARD guardian). */
export function relatedPerson(
  key: string,
  subject: { reference: string },
  representative: { insz: string; given: string; family: string },
  start: string,
  code = "PRN",
  extra: Record<string, unknown> = {},
) {
  return {
    resourceType: "RelatedPerson" as const,
    identifier: [
      { system: EHR.representative, value: key },
      { system: SSIN, value: representative.insz },
    ],
    active: true,
    patient: subject,
    relationship: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code }] }],
    name: [{ family: representative.family, given: [representative.given] }],
    period: { start },
    ...extra,
  };
}

/** YYYY-MM-DD `days` before `today` (UTC). */
export function daysAgo(today: Date, days: number): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The acceptance scenario's Bundle (issue 11): a new patient with an active episode, a care team
 * of n.nina (by her national number), two vital readings and a care plan item.
 */
export function registrationBundle(input: {
  insz: string;
  given: string;
  family: string;
  key: string;
  today: Date;
}): Bundle {
  const patientUrl = `urn:uuid:${stableUuid(input.key)}`;
  const subject = { reference: patientUrl };
  const measured = (hoursAgo: number) => new Date(input.today.getTime() - hoursAgo * 3_600_000).toISOString();
  return transaction([
    put(patient(input.insz, { given: input.given, family: input.family }), patientUrl),
    put(episode(`${input.key}-episode`, subject, { start: daysAgo(input.today, 30) })),
    put(careTeam(`${input.key}-team`, subject, [byInsz("Practitioner", ninaInsz)], daysAgo(input.today, 30))),
    put(bloodPressure(`${input.key}-bp-1`, subject, measured(26), 138, 84)),
    put(vital(`${input.key}-temp-1`, subject, measured(25), "8310-5", { value: 37.4, unit: "°C", code: "Cel" })),
    put(carePlan(`${input.key}-plan-1`, subject, daysAgo(input.today, 30))),
  ]);
}

/** A fixed UUID per key, so the same scenario always sends the same Bundle. */
function stableUuid(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
