// The access decision: a pure function over facts, read top to bottom against
// shared/spec/domain.md ("Conditions every data access checks"). It never touches the database
// (facts.ts loads the facts in one query, ADR 0006) so every rule can be tested exhaustively.
//
// Deny by default: a role, action or state this file does not know denies, and the only way to
// `allowed: true` is the single `allow(...)` at the end of `decideAccess`.
import { addCalendarMonths, belgianCalendarDate, isoDateOfColumn } from "@/lib/belgian-calendar";
import type { Role } from "@/lib/generated/prisma/enums";

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
  // Denials
  NO_RELATION: "no_relation",
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
  "self" | "trusted_person" | "therapeutic_relation" | "care_team" | "emergency_access" | "service_center";

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
    /** Some care episode has no end date. */
    careOngoing: boolean;
    /** Latest end date of care (a calendar date at UTC midnight); null without ended episodes. */
    careEndedOn: Date | null;
  };
  relation: {
    trustedPersonAppointmentActive: boolean;
    therapeuticRelationActive: boolean;
    /** The patient's latest consent event is GIVEN. */
    consentActive: boolean;
    /** An exclusion of this person by this patient is in force. */
    excluded: boolean;
    careTeamAssignmentActive: boolean;
    /** A valid (not expired) emergency access of this nurse to this patient. */
    emergencyAccessId: string | null;
  };
};

/**
 * What each role may ever do to a patient's file. The relation (below) then decides whether it
 * may do it to THIS patient. A role missing here, or an action missing from its list, denies.
 */
export const actionsByRole = {
  PATIENT: [
    "READ_HEALTH",
    "READ_ADMINISTRATIVE",
    "READ_ACCESS_LOG",
    "MANAGE_PATIENT_SETTINGS",
    "REQUEST_CORRECTION",
    "EXERCISE_PATIENT_RIGHTS",
  ],
  // Informal care and signalling only: reading, never acting on the patient's behalf.
  TRUSTED_PERSON: ["READ_HEALTH", "READ_ADMINISTRATIVE"],
  DOCTOR: ["READ_HEALTH", "READ_ADMINISTRATIVE", "REQUEST_CORRECTION"],
  CAREGIVER: ["READ_HEALTH", "READ_ADMINISTRATIVE", "REQUEST_CORRECTION"],
  NURSE: ["READ_HEALTH", "READ_ADMINISTRATIVE", "WRITE_NURSING_FILE", "REQUEST_CORRECTION", "REQUEST_EMERGENCY_ACCESS"],
  // Administrative data of any patient, each time with a reason (checked by the caller); never health data.
  SERVICE_CENTER: ["READ_ADMINISTRATIVE", "CORRECT_ADMINISTRATIVE"],
} as const satisfies Record<Role, readonly AccessAction[]>;

function roleMayEver(role: AccessFacts["actor"]["role"], action: AccessAction): boolean {
  if (role === null || !Object.hasOwn(actionsByRole, role)) return false;
  const allowedActions: readonly string[] = actionsByRole[role as Role];
  return allowedActions.includes(action);
}

type Grant = { reason: GrantReason; emergencyAccessId?: string } | { denied: "no_relation" | "no_consent" };

/** Condition 3 of domain.md: the relation that grants this role access to this patient. */
function relationGrant(facts: AccessFacts, role: Role, action: AccessAction): Grant {
  const { actor, patient, relation } = facts;
  switch (role) {
    case "PATIENT":
      // Only one's own file; a patient who also holds another role acts in that role for others.
      return actor.personId === patient.id ? { reason: "self" } : { denied: "no_relation" };
    case "TRUSTED_PERSON":
      return relation.trustedPersonAppointmentActive ? { reason: "trusted_person" } : { denied: "no_relation" };
    case "DOCTOR":
    case "CAREGIVER":
      // ALL of: an active therapeutic relation and the patient's active informed consent.
      if (!relation.therapeuticRelationActive) return { denied: "no_relation" };
      if (!relation.consentActive) return { denied: "no_consent" };
      return { reason: "therapeutic_relation" };
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
  const lastAvailableDay = addCalendarMonths(isoDateOfColumn(careEndedOn), facts.availabilityWindowMonths);
  return belgianCalendarDate(facts.now) <= lastAvailableDay;
}

export function decideAccess(facts: AccessFacts, action: AccessAction): AccessDecision {
  const { actor, patient, relation } = facts;

  // 6. A suspended user is denied everywhere, before anything else is considered.
  if (actor.suspended) return deny("suspended");

  // The role must be one this file knows, held by the person, and allowed this action at all.
  const role = actor.role;
  if (role === null || !Object.hasOwn(actionsByRole, role) || !actor.holdsRole) return deny("role_not_permitted");

  // 2. The current declaration of that role is accepted.
  if (!actor.declarationAccepted) return deny("declaration_required");

  if (!roleMayEver(role, action)) return deny("role_not_permitted");

  // Callers answer this exactly like any other denial: nobody can probe who is a patient.
  if (!patient.exists) return deny("unknown_patient");

  // 3. The relation that grants access.
  const grant = relationGrant(facts, role as Role, action);
  if ("denied" in grant) return deny(grant.denied);

  // 4. The patient's exclusion overrides every relation (care team and emergency access too).
  if (relation.excluded && grant.reason !== "self") return deny("excluded");

  // 5. After the availability window nobody reads the file online, the patient included.
  if (!withinAvailabilityWindow(facts)) return deny("outside_availability_window");

  return grant.emergencyAccessId
    ? { allowed: true, reason: grant.reason, via: { emergencyAccessId: grant.emergencyAccessId } }
    : { allowed: true, reason: grant.reason };
}

function deny(reason: Extract<AccessDecision, { allowed: false }>["reason"]): AccessDecision {
  return { allowed: false, reason };
}
