// The access decision: a pure function over facts, read top to bottom against
// shared/spec/domain.md ("Conditions every data access checks", "Minors and representatives").
// It never touches the database (facts.ts loads the facts in one query, ADR 0006) so every rule
// can be tested exhaustively, the clock included.
//
// Deny by default: a role, action or state this file does not know denies, and the only way to
// `allowed: true` is the single `allow(...)` at the end of `decideWithSource`.
import { addCalendarMonths, belgianCalendarDate, isoDateOfColumn } from "@/lib/belgian-calendar";
import type { FactSource, RepresentationBasis, Role } from "@/lib/generated/prisma/enums";
import { ageBand } from "./minors";

export const AccessAction = {
  READ_HEALTH: "READ_HEALTH",
  READ_ADMINISTRATIVE: "READ_ADMINISTRATIVE",
  WRITE_NURSING_FILE: "WRITE_NURSING_FILE",
  CORRECT_ADMINISTRATIVE: "CORRECT_ADMINISTRATIVE",
  READ_ACCESS_LOG: "READ_ACCESS_LOG",
  /** Consent, exclusions and trusted persons. */
  MANAGE_PATIENT_SETTINGS: "MANAGE_PATIENT_SETTINGS",
  REQUEST_CORRECTION: "REQUEST_CORRECTION",
  /** Export, restriction, objection, erasure, and the patient's own comment beside an entry. */
  EXERCISE_PATIENT_RIGHTS: "EXERCISE_PATIENT_RIGHTS",
  /** Break the glass (emergency.ts): asking for it is itself a decision about the patient. */
  REQUEST_EMERGENCY_ACCESS: "REQUEST_EMERGENCY_ACCESS",
  /** A minor of 12 to 15 gives or withdraws a representative's reading of the file (ADR 0019). */
  DECIDE_REPRESENTATIVE_AGREEMENT: "DECIDE_REPRESENTATIVE_AGREEMENT",
  // The coordinator's back office (lib/coordinator): the care organisation around a file, never its content.
  /** Registers a person as a patient; the patient's chain starts with this decision. */
  REGISTER_PATIENT: "REGISTER_PATIENT",
  /** Who the patient is, the care episodes, care team, relations and representatives; no file section. */
  READ_CARE_FACTS: "READ_CARE_FACTS",
  START_CARE_EPISODE: "START_CARE_EPISODE",
  /** Ending care starts the availability window's clock. */
  END_CARE_EPISODE: "END_CARE_EPISODE",
  /** Adds a nurse to the care team, or makes one the responsible nurse. */
  ASSIGN_CARE_TEAM_NURSE: "ASSIGN_CARE_TEAM_NURSE",
  UNASSIGN_CARE_TEAM_NURSE: "UNASSIGN_CARE_TEAM_NURSE",
  /** A therapeutic relation with its proof (a document), beside those eHealth and the record system send. */
  RECORD_THERAPEUTIC_RELATION: "RECORD_THERAPEUTIC_RELATION",
  /** A legal representative with its proof (parental authority, a court order). */
  RECORD_LEGAL_REPRESENTATIVE: "RECORD_LEGAL_REPRESENTATIVE",
} as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];
export const accessActions = Object.values(AccessAction);

export const AccessReason = {
  // Grants
  SELF: "self",
  TRUSTED_PERSON: "trusted_person",
  THERAPEUTIC_RELATION: "therapeutic_relation",
  CARE_TEAM: "care_team",
  EMERGENCY_ACCESS: "emergency_access",
  SERVICE_CENTER: "service_center",
  LEGAL_REPRESENTATIVE: "legal_representative",
  COORDINATOR: "coordinator",
  // Denials
  NO_RELATION: "no_relation",
  /** A child under 12 has no portal access of its own; its representatives act for it. */
  UNDER_12: "under_12",
  /** A minor of 12 to 15 has not agreed (or no longer agrees) that this representative reads the file. */
  MINOR_AGREEMENT_MISSING: "minor_agreement_missing",
  /** From 16 on only the young person decides; a parent's representation grants nothing any more. */
  PATIENT_DECIDES_ALONE: "patient_decides_alone",
  NO_CONSENT: "no_consent",
  EXCLUDED: "excluded",
  OUTSIDE_AVAILABILITY_WINDOW: "outside_availability_window",
  SUSPENDED: "suspended",
  DECLARATION_REQUIRED: "declaration_required",
  UNKNOWN_PATIENT: "unknown_patient",
  ROLE_NOT_PERMITTED: "role_not_permitted",
  ERROR: "error",
} as const;
export type AccessReason = (typeof AccessReason)[keyof typeof AccessReason];

type GrantReason =
  | "self"
  | "trusted_person"
  | "therapeutic_relation"
  | "care_team"
  | "emergency_access"
  | "service_center"
  | "legal_representative"
  | "coordinator";

export type AccessDecision =
  | { allowed: true; reason: GrantReason; via?: { emergencyAccessId: string } }
  | { allowed: false; reason: Exclude<AccessReason, GrantReason> };

/** Everything the decision needs, for one (person, role, patient, moment). Loaded by facts.ts. */
export type AccessFacts = {
  now: Date;
  /** Configuration (AVAILABILITY_WINDOW_MONTHS), part of the facts so the policy stays pure. */
  availabilityWindowMonths: number;
  actor: {
    personId: string;
    /** The session's active role; null or an unknown string denies. */
    role: Role | string | null;
    /** The person still holds that role in the database (a role can be taken away). */
    holdsRole: boolean;
    /** The current declaration version of that role is accepted (false when none is published). */
    declarationAccepted: boolean;
    suspended: boolean;
  };
  patient: {
    id: string;
    exists: boolean;
    /** Calendar date at UTC midnight; null when unknown (the patient then counts as an adult, minors.ts). */
    birthDate: Date | null;
    /** Some care episode has no end date. */
    careOngoing: boolean;
    /** Latest end date of care (a calendar date at UTC midnight); null without ended episodes. */
    careEndedOn: Date | null;
  };
  relation: {
    trustedPersonAppointmentActive: boolean;
    /**
     * The therapeutic relation that runs longest (started, not revoked), or null. It ends by
     * itself after `endsOn` (included; null: no end); the policy decides by the Belgian date.
     */
    therapeuticRelation: { endsOn: Date | null; source: FactSource } | null;
    /** The patient's latest consent event is GIVEN. */
    consentActive: boolean;
    /** An exclusion of this person by this patient is in force. */
    excluded: boolean;
    careTeamAssignmentActive: boolean;
    /** A valid (not expired) emergency access of this nurse to this patient. */
    emergencyAccessId: string | null;
    /** This person's legal representations of this patient in force today (started, not ended or revoked). */
    legalRepresentations: readonly { basis: RepresentationBasis; source: FactSource }[];
    /** The patient's latest agreement that this representative reads the file is GIVEN (12 to 15). */
    minorAgreementGiven: boolean;
  };
};

/** What a patient may do with their own file. */
const ownFileActions = [
  "READ_HEALTH",
  "READ_ADMINISTRATIVE",
  "READ_ACCESS_LOG",
  "MANAGE_PATIENT_SETTINGS",
  "REQUEST_CORRECTION",
  "EXERCISE_PATIENT_RIGHTS",
] as const satisfies readonly AccessAction[];

/** What a representative of a minor of 12 to 15 may do, with the minor's agreement: read. */
const representativeOfConsentingMinorActions: readonly AccessAction[] = ["READ_HEALTH", "READ_ADMINISTRATIVE"];

/**
 * What each role may ever do to a patient's file. The relation (below) then decides whether it
 * may do it to THIS patient. A role missing here, or an action missing from its list, denies.
 */
export const actionsByRole = {
  PATIENT: [...ownFileActions, "DECIDE_REPRESENTATIVE_AGREEMENT"],
  // Informal care and signalling only: reading, never acting on the patient's behalf.
  TRUSTED_PERSON: ["READ_HEALTH", "READ_ADMINISTRATIVE"],
  DOCTOR: ["READ_HEALTH", "READ_ADMINISTRATIVE", "REQUEST_CORRECTION"],
  CAREGIVER: ["READ_HEALTH", "READ_ADMINISTRATIVE", "REQUEST_CORRECTION"],
  NURSE: ["READ_HEALTH", "READ_ADMINISTRATIVE", "WRITE_NURSING_FILE", "REQUEST_CORRECTION", "REQUEST_EMERGENCY_ACCESS"],
  // Administrative data of any patient, each time with a reason (checked by the caller); never health data.
  SERVICE_CENTER: ["READ_ADMINISTRATIVE", "CORRECT_ADMINISTRATIVE"],
  // The care organisation around a file; never a section of the file itself (no READ_HEALTH).
  COORDINATOR: [
    "REGISTER_PATIENT",
    "READ_CARE_FACTS",
    "START_CARE_EPISODE",
    "END_CARE_EPISODE",
    "ASSIGN_CARE_TEAM_NURSE",
    "UNASSIGN_CARE_TEAM_NURSE",
    "RECORD_THERAPEUTIC_RELATION",
    "RECORD_LEGAL_REPRESENTATIVE",
  ],
  // Nothing yet: the officer's investigations come with their own, logged actions (a later issue).
  PRIVACY_OFFICER: [],
  // Acts for the patient: what the patient may do with their own file, narrowed by age below.
  // Never the minor's own agreement: only the minor gives or withdraws it.
  LEGAL_REPRESENTATIVE: ownFileActions,
} as const satisfies Record<Role, readonly AccessAction[]>;

/**
 * The coordinator's actions: the care organisation around a file, not its content. The
 * availability window does not bound them (care can start again for a patient whose file went
 * offline, and ending care is what starts the window), and REGISTER_PATIENT is about a patient
 * who does not exist yet.
 */
export const careOrganisationActions: ReadonlySet<AccessAction> = new Set(actionsByRole.COORDINATOR);

function roleMayEver(role: AccessFacts["actor"]["role"], action: AccessAction): boolean {
  if (role === null || !Object.hasOwn(actionsByRole, role)) return false;
  const allowedActions: readonly string[] = actionsByRole[role as Role];
  return allowedActions.includes(action);
}

type Grant =
  | { reason: GrantReason; emergencyAccessId?: string; source?: FactSource }
  | { denied: "no_relation" | "no_consent" | "under_12" | "minor_agreement_missing" | "patient_decides_alone" };

/** The therapeutic relation's term still runs on the Belgian day of the request (end date included). */
export function therapeuticRelationInForce(facts: AccessFacts): boolean {
  const relation = facts.relation.therapeuticRelation;
  if (relation === null) return false;
  return relation.endsOn === null || belgianCalendarDate(facts.now) <= isoDateOfColumn(relation.endsOn);
}

/**
 * Minors and representatives (domain.md, ADR 0019), by the patient's age on the Belgian day:
 * - under 12: every representation grants what the patient could do with their own file;
 * - 12 to 15: reading only, and only with the minor's agreement;
 * - 16 and 17: nothing: only the young person;
 * - adults: only a representative appointed with proof (APPOINTED), not a parent as such.
 */
function representativeGrant(facts: AccessFacts, action: AccessAction): Grant {
  const representations = facts.relation.legalRepresentations;
  if (representations.length === 0) return { denied: "no_relation" };
  switch (ageBand(facts.patient.birthDate, facts.now)) {
    case "under_12":
      return { reason: "legal_representative", source: representations[0]!.source };
    case "12_to_15":
      if (!representativeOfConsentingMinorActions.includes(action)) return { denied: "patient_decides_alone" };
      if (!facts.relation.minorAgreementGiven) return { denied: "minor_agreement_missing" };
      return { reason: "legal_representative", source: representations[0]!.source };
    case "16_to_17":
      return { denied: "patient_decides_alone" };
    case "adult": {
      const appointed = representations.find((representation) => representation.basis === "APPOINTED");
      return appointed
        ? { reason: "legal_representative", source: appointed.source }
        : { denied: "patient_decides_alone" };
    }
  }
}

/** Condition 3 of domain.md: the relation that grants this role access to this patient. */
function relationGrant(facts: AccessFacts, role: Role, action: AccessAction): Grant {
  const { actor, patient, relation } = facts;
  switch (role) {
    case "PATIENT":
      // Only one's own file; a patient who also holds another role acts in that role for others.
      if (actor.personId !== patient.id) return { denied: "no_relation" };
      // A child under 12 has no portal access of its own: its representatives act for it.
      return ageBand(patient.birthDate, facts.now) === "under_12" ? { denied: "under_12" } : { reason: "self" };
    case "TRUSTED_PERSON":
      return relation.trustedPersonAppointmentActive ? { reason: "trusted_person" } : { denied: "no_relation" };
    case "DOCTOR":
    case "CAREGIVER":
      // ALL of: a therapeutic relation whose term still runs, and the patient's active consent.
      if (!therapeuticRelationInForce(facts)) return { denied: "no_relation" };
      if (!relation.consentActive) return { denied: "no_consent" };
      return { reason: "therapeutic_relation", source: relation.therapeuticRelation!.source };
    case "NURSE":
      // The care team needs no eHealth consent. Outside the team, asking for emergency access
      // is open to any nurse (it is logged and reviewed); using the file needs a valid one.
      if (relation.careTeamAssignmentActive) return { reason: "care_team" };
      if (action === "REQUEST_EMERGENCY_ACCESS") return { reason: "emergency_access" };
      if (relation.emergencyAccessId !== null)
        return { reason: "emergency_access", emergencyAccessId: relation.emergencyAccessId };
      return { denied: "no_relation" };
    case "SERVICE_CENTER":
      return { reason: "service_center" };
    case "COORDINATOR":
      return { reason: "coordinator" };
    case "LEGAL_REPRESENTATIVE":
      return representativeGrant(facts, action);
    default:
      return { denied: "no_relation" };
  }
}

/**
 * Condition 5: the file is online until `availabilityWindowMonths` after the end of care, that
 * day included, by the Belgian calendar. Ongoing care is always inside; a patient without any
 * care episode has no file to show and is outside (deny by default).
 */
export function withinAvailabilityWindow(facts: AccessFacts): boolean {
  const { careOngoing, careEndedOn } = facts.patient;
  if (careOngoing) return true;
  if (careEndedOn === null) return false;
  return belgianCalendarDate(facts.now) <= lastDayOnline(careEndedOn, facts.availabilityWindowMonths);
}

/** The last day (YYYY-MM-DD, included) a file whose care ended on `careEndedOn` is online. */
export function lastDayOnline(careEndedOn: Date, availabilityWindowMonths: number): string {
  return addCalendarMonths(isoDateOfColumn(careEndedOn), availabilityWindowMonths);
}

export function decideAccess(facts: AccessFacts, action: AccessAction): AccessDecision {
  return decideWithSource(facts, action).decision;
}

/**
 * The decision and, for a grant that rests on a recorded relation (a therapeutic relation, a
 * legal representation), where that relation came from: the access log shows it to the patient
 * ("via eHealth therapeutic link", ADR 0020).
 */
export function decideWithSource(
  facts: AccessFacts,
  action: AccessAction,
): { decision: AccessDecision; grantSource: FactSource | null } {
  const { actor, patient, relation } = facts;
  const denied = (reason: Extract<AccessDecision, { allowed: false }>["reason"]) => ({
    decision: deny(reason),
    grantSource: null,
  });

  // 6. A suspended user is denied everywhere, before anything else is considered.
  if (actor.suspended) return denied("suspended");

  // The role must be one this file knows, held by the person, and allowed this action at all.
  const role = actor.role;
  if (role === null || !Object.hasOwn(actionsByRole, role) || !actor.holdsRole) return denied("role_not_permitted");

  // 2. The current declaration of that role is accepted.
  if (!actor.declarationAccepted) return denied("declaration_required");

  if (!roleMayEver(role, action)) return denied("role_not_permitted");

  // Callers answer this exactly like any other denial: nobody can probe who is a patient.
  // Registering a patient is the one action about a patient who does not exist yet.
  if (!patient.exists && action !== "REGISTER_PATIENT") return denied("unknown_patient");

  // 3. The relation that grants access.
  const grant = relationGrant(facts, role as Role, action);
  if ("denied" in grant) return denied(grant.denied);

  // 4. The patient's exclusion overrides every relation (care team and emergency access too).
  if (relation.excluded && grant.reason !== "self") return denied("excluded");

  // 5. After the availability window nobody reads the file online, the patient included. The
  // coordinator's work on the care organisation reads no file and is not bounded by it.
  if (!careOrganisationActions.has(action) && !withinAvailabilityWindow(facts))
    return denied("outside_availability_window");

  return { decision: allow(grant), grantSource: grant.source ?? null };
}

function allow(grant: Extract<Grant, { reason: GrantReason }>): AccessDecision {
  return grant.emergencyAccessId
    ? { allowed: true, reason: grant.reason, via: { emergencyAccessId: grant.emergencyAccessId } }
    : { allowed: true, reason: grant.reason };
}

function deny(reason: Extract<AccessDecision, { allowed: false }>["reason"]): AccessDecision {
  return { allowed: false, reason };
}
