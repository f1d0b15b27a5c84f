// The code systems and identifier systems the FHIR API reads (ADR 0018). The Belgian ones are
// those of the eHealth platform's federal core profiles; the vital parameters are LOINC codes
// with UCUM units, in the units the nursing file stores (lib/nursing/schemas.ts vitalRanges).
import type {
  CaregiverProfession,
  NursingNoteKind,
  RepresentationBasis,
  Role,
  VitalSignType,
} from "@/lib/generated/prisma/enums";

/** The Belgian national number (INSZ/NISS, "SSIN"): Patient and Practitioner identifier. */
export const SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
/** The RIZIV/INAMI (NIHDI) number of a care professional. */
export const NIHDI_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
/** Belgian healthcare-party kinds: the profession in Practitioner.qualification.code. */
export const HCPARTY_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty";
export const LOINC_SYSTEM = "http://loinc.org";
export const UCUM_SYSTEM = "http://unitsofmeasure.org";
/**
 * The portal's own code system for the kind of a nursing note (DocumentReference.category); no
 * standard one distinguishes an observation, a professional assessment and a communication.
 */
export const NOTE_KIND_SYSTEM = "https://care-record-portal.example/fhir/CodeSystem/nursing-note-kind";
/** LOINC "Nurse Note": the DocumentReference.type of a nursing note. */
export const NURSE_NOTE_LOINC = "34746-8";

/**
 * Which portal role a Practitioner's qualification gives (ADR 0018). A nurse of the organisation
 * is NURSE; a physician is a DOCTOR; the other care professions are CAREGIVER with their
 * profession, shown to patients in the access log. Any other qualification is refused.
 */
// Maps, not object literals: a code is client input, and "constructor" must find nothing.
export const practitionerRoleByQualification: ReadonlyMap<
  string,
  { role: Extract<Role, "NURSE" | "DOCTOR" | "CAREGIVER">; profession: CaregiverProfession | null }
> = new Map([
  ["persnurse", { role: "NURSE", profession: null }],
  ["persphysician", { role: "DOCTOR", profession: null }],
  ["persphysiotherapist", { role: "CAREGIVER", profession: "PHYSIOTHERAPIST" }],
  ["perspharmacist", { role: "CAREGIVER", profession: "PHARMACIST" }],
  ["persoccupationaltherapist", { role: "CAREGIVER", profession: "OCCUPATIONAL_THERAPIST" }],
  ["persdietician", { role: "CAREGIVER", profession: "DIETITIAN" }],
]);

export const noteKindByCode: ReadonlyMap<string, NursingNoteKind> = new Map([
  ["observation", "OBSERVATION"],
  ["assessment", "ASSESSMENT"],
  ["communication", "COMMUNICATION"],
]);

/** Blood pressure is a panel: systolic and diastolic come as components. */
export const BLOOD_PRESSURE_PANEL = "85354-9";
export const SYSTOLIC = "8480-6";
export const DIASTOLIC = "8462-4";

/**
 * Single-value vital parameters: the LOINC code, the nursing file's type and the one UCUM unit
 * accepted (the unit the file stores and shows; a reading in another unit is refused, never
 * converted behind the nurse's back).
 */
export const singleValueVitals: ReadonlyMap<string, { type: Exclude<VitalSignType, "BLOOD_PRESSURE">; unit: string }> =
  new Map([
    ["8867-4", { type: "PULSE", unit: "/min" }],
    ["8310-5", { type: "TEMPERATURE", unit: "Cel" }],
    // Glucose [Moles/volume] in blood, and in capillary blood (the finger-prick meter of home care).
    ["15074-8", { type: "GLUCOSE", unit: "mmol/L" }],
    ["14743-9", { type: "GLUCOSE", unit: "mmol/L" }],
    ["29463-7", { type: "WEIGHT", unit: "kg" }],
    ["72514-3", { type: "PAIN_SCORE", unit: "{score}" }],
    // Oxygen saturation in arterial blood by pulse oximetry, and in arterial blood.
    ["59408-5", { type: "OXYGEN_SATURATION", unit: "%" }],
    ["2708-6", { type: "OXYGEN_SATURATION", unit: "%" }],
  ]);

export const BLOOD_PRESSURE_UNIT = "mm[Hg]";

/** Every LOINC code an Observation may carry, for the CapabilityStatement. */
export const supportedObservationCodes: readonly string[] = [BLOOD_PRESSURE_PANEL, ...singleValueVitals.keys()];

/** HL7 v3 RoleCode: the relationship of a RelatedPerson (the R4 value set PatientRelationshipType draws on it). */
export const V3_ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

/**
 * The basis of a legal representation from RelatedPerson.relationship (v3 RoleCode; ADR 0018).
 * PARENT: a parent with parental authority: `PRN` parent and its kinds that hold it by birth or
 * adoption (`FTH`, `MTH`, `NPRN`, `ADOPTP`). A step-parent (`STPPRN`) or foster parent
 * (`PRNFOST`) holds no parental authority in Belgian law and is refused.
 * APPOINTED: `GUARD`, "a person legally empowered with responsibility for the care of a ward": a
 * minor's guardian (voogd/tuteur) or an adult's court-appointed representative (bewindvoerder over
 * de persoon/administrateur de la personne). A power of attorney (`POWATT`, `HPOWATT`) is the
 * patient's own mandate, not an appointment by a court or the law, and is refused as well.
 */
export const representationBasisByRelationship: ReadonlyMap<string, RepresentationBasis> = new Map([
  ["PRN", "PARENT"],
  ["FTH", "PARENT"],
  ["MTH", "PARENT"],
  ["NPRN", "PARENT"],
  ["ADOPTP", "PARENT"],
  ["GUARD", "APPOINTED"],
]);

/** FHIR's consent scope: `patient-privacy` is consent to share (collect, use, disclose) data. */
export const CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
export const CONSENT_SCOPE_PRIVACY = "patient-privacy";
/** HL7 v3 ActCode: `OPTIN` in Consent.policyRule is the patient's assent to sharing. */
export const V3_ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
export const CONSENT_OPT_IN = "OPTIN";
