// Discovery (ADR 0017, 0018): the CapabilityStatement at /api/fhir/metadata and the SMART
// configuration at /api/fhir/.well-known/smart-configuration. Both are built from the same
// tables the API enforces (accepted resource types, codes, algorithms), so they cannot promise
// what the server refuses.
import type { CapabilityStatement, CapabilityStatementRestResource } from "@medplum/fhirtypes";
import { ASSERTION_ALGORITHMS } from "./auth/clients";
import {
  CONSENT_OPT_IN,
  CONSENT_SCOPE_PRIVACY,
  NOTE_KIND_SYSTEM,
  NURSE_NOTE_LOINC,
  SSIN_SYSTEM,
  V3_ROLE_CODE_SYSTEM,
  representationBasisByRelationship,
  supportedObservationCodes,
} from "./terminology";
import { SUPPORTED_RESOURCE_TYPES, type SupportedResourceType } from "./transaction";

/** What each accepted type becomes in the portal. */
const documentation: Record<SupportedResourceType, string> = {
  Patient: `A patient, identified by national number (${SSIN_SYSTEM}).`,
  Practitioner: `A care professional, identified by national number; qualification (cd-hcparty) persnurse makes a nurse of the organisation, persphysician a doctor, other professions a caregiver.`,
  EpisodeOfCare: "A care episode: its period starts and ends care (the file stays online 3 months after the end).",
  CareTeam: "The nurses of a patient's care team, each with their period.",
  CarePlan: "An item of the care plan: title, interventions (description), schedule (activity.detail.scheduledString).",
  Observation: `A vital parameter, LOINC ${supportedObservationCodes.join(", ")}, in its UCUM unit.`,
  DocumentReference: `A nursing note: type LOINC ${NURSE_NOTE_LOINC}, text/plain attachment, kind in category (${NOTE_KIND_SYSTEM}).`,
  MedicationStatement: "An item of the medication schedule: one dosage with text, route and times of day.",
  Appointment: "A planned home visit.",
  Consent: `The patient's informed consent to share the file with treating caregivers (scope ${CONSENT_SCOPE_PRIVACY}, policyRule ${CONSENT_OPT_IN}): active = given at dateTime, inactive = withdrawn at provision.period.end. Recorded with the record system as its source.`,
  RelatedPerson: `A legal representative, identified by national number (${SSIN_SYSTEM}); relationship (${V3_ROLE_CODE_SYSTEM}) ${[...representationBasisByRelationship.keys()].join(", ")}: GUARD is an appointed guardian, the others a parent; period; active false = revoked.`,
};

export function fhirEndpoints(origin: string) {
  const base = `${origin.replace(/\/+$/, "")}/api/fhir`;
  return { base, token: `${base}/token`, metadata: `${base}/metadata` };
}

export function capabilityStatement(origin: string, publisher: string): CapabilityStatement {
  const { base, token } = fhirEndpoints(origin);
  const accepted: CapabilityStatementRestResource[] = SUPPORTED_RESOURCE_TYPES.map((type) => ({
    type,
    documentation: documentation[type],
    interaction: [{ code: "create" }, { code: "update" }],
    versioning: "no-version",
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: true,
    conditionalDelete: "not-supported",
    searchParam: [
      {
        name: "identifier",
        type: "token",
        documentation: "The business identifier create and update are conditional on.",
      },
    ],
  }));
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-12-02",
    kind: "instance",
    publisher,
    software: { name: "care-record-portal" },
    implementation: {
      description: "The care-record portal's FHIR API for the organisation's record system",
      url: base,
    },
    fhirVersion: "4.0.1",
    format: ["json", "application/fhir+json"],
    rest: [
      {
        mode: "server",
        documentation:
          "Accepts transaction Bundles (POST /api/fhir) of conditional creates and updates from system clients.",
        security: {
          cors: false,
          service: [
            {
              coding: [
                { system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" },
              ],
              text: "SMART Backend Services (client credentials with a private_key_jwt assertion)",
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [{ url: "token", valueUri: token }],
            },
          ],
        },
        resource: accepted,
        interaction: [{ code: "transaction", documentation: "The whole Bundle commits or nothing does." }],
      },
    ],
  };
}

/** The scopes the API understands: write access to all or to one accepted type (SMART v1 and v2). */
export const SUPPORTED_SCOPES = [
  "system/*.write",
  "system/*.cu",
  ...SUPPORTED_RESOURCE_TYPES.flatMap((type) => [`system/${type}.write`, `system/${type}.cu`]),
];

export function smartConfiguration(origin: string) {
  const { token } = fhirEndpoints(origin);
  return {
    token_endpoint: token,
    grant_types_supported: ["client_credentials"],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGORITHMS],
    scopes_supported: SUPPORTED_SCOPES,
    capabilities: ["client-confidential-asymmetric"],
  };
}
