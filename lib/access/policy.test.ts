import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AccessAction, type AccessFacts, accessActions, decideAccess } from "./policy";

// ---------------------------------------------------------------------------------------------
// A reference of the rules, written separately and as plainly as possible from domain.md: a
// list of who may do what, then "allowed iff every condition holds". It shares no code with
// policy.ts on purpose (not even the date helper).
// ---------------------------------------------------------------------------------------------

const mayEver = new Set([
  "PATIENT READ_HEALTH",
  "PATIENT READ_ADMINISTRATIVE",
  "PATIENT READ_ACCESS_LOG",
  "PATIENT MANAGE_PATIENT_SETTINGS",
  "PATIENT REQUEST_CORRECTION",
  "PATIENT EXERCISE_PATIENT_RIGHTS",
  "TRUSTED_PERSON READ_HEALTH",
  "TRUSTED_PERSON READ_ADMINISTRATIVE",
  "DOCTOR READ_HEALTH",
  "DOCTOR READ_ADMINISTRATIVE",
  "DOCTOR REQUEST_CORRECTION",
  "CAREGIVER READ_HEALTH",
  "CAREGIVER READ_ADMINISTRATIVE",
  "CAREGIVER REQUEST_CORRECTION",
  "NURSE READ_HEALTH",
  "NURSE READ_ADMINISTRATIVE",
  "NURSE WRITE_NURSING_FILE",
  "NURSE REQUEST_CORRECTION",
  "NURSE REQUEST_EMERGENCY_ACCESS",
  "SERVICE_CENTER READ_ADMINISTRATIVE",
  "SERVICE_CENTER CORRECT_ADMINISTRATIVE",
]);

const DAY = 86_400_000;

/** Inside the window: care ongoing, or today (Brussels) is no later than end + N months. */
function referenceWithinWindow(f: AccessFacts): boolean {
  if (f.patient.careOngoing) return true;
  if (!f.patient.careEndedOn) return false;
  const end = f.patient.careEndedOn;
  let year = end.getUTCFullYear();
  let month = end.getUTCMonth() + f.availabilityWindowMonths;
  year += Math.floor(month / 12);
  month %= 12;
  const daysInMonth = [
    31,
    (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month]!;
  const last = Date.UTC(year, month, Math.min(end.getUTCDate(), daysInMonth));
  const todayInBrussels = new Date(f.now.toLocaleString("en-US", { timeZone: "Europe/Brussels" }));
  const today = Date.UTC(todayInBrussels.getFullYear(), todayInBrussels.getMonth(), todayInBrussels.getDate());
  return today <= last;
}

function referenceRelationHolds(f: AccessFacts, action: AccessAction): boolean {
  const r = f.relation;
  switch (f.actor.role) {
    case "PATIENT":
      return f.actor.personId === f.patient.id;
    case "TRUSTED_PERSON":
      return r.trustedPersonAppointmentActive;
    case "DOCTOR":
      return r.therapeuticRelationActive && r.consentActive;
    case "CAREGIVER":
      return r.therapeuticRelationActive && r.consentActive;
    case "NURSE":
      return r.careTeamAssignmentActive || r.emergencyAccessId !== null || action === "REQUEST_EMERGENCY_ACCESS";
    case "SERVICE_CENTER":
      return true;
    default:
      return false;
  }
}

function referenceAllowed(f: AccessFacts, action: AccessAction): boolean {
  const isSelf = f.actor.role === "PATIENT" && f.actor.personId === f.patient.id;
  return (
    !f.actor.suspended &&
    f.actor.holdsRole &&
    f.actor.declarationAccepted &&
    mayEver.has(`${f.actor.role} ${action}`) &&
    f.patient.exists &&
    referenceRelationHolds(f, action) &&
    (isSelf || !f.relation.excluded) &&
    referenceWithinWindow(f)
  );
}

// ---------------------------------------------------------------------------------------------

const NOW_MIN = Date.UTC(2024, 0, 1);
const NOW_MAX = Date.UTC(2028, 11, 31);

const arbitraryFacts: fc.Arbitrary<AccessFacts> = fc
  .record({
    now: fc.integer({ min: NOW_MIN, max: NOW_MAX }),
    endOffsetDays: fc.option(fc.integer({ min: -400, max: 30 }), { nil: null }),
    availabilityWindowMonths: fc.integer({ min: 1, max: 24 }),
    personId: fc.constantFrom("person-a", "person-b"),
    patientId: fc.constantFrom("person-a", "person-b"),
    role: fc.constantFrom<AccessFacts["actor"]["role"]>(
      "PATIENT",
      "TRUSTED_PERSON",
      "DOCTOR",
      "CAREGIVER",
      "NURSE",
      "SERVICE_CENTER",
      null,
      "ADMIN",
      "toString",
    ),
    holdsRole: fc.boolean(),
    declarationAccepted: fc.boolean(),
    suspended: fc.boolean(),
    exists: fc.boolean(),
    careOngoing: fc.boolean(),
    trustedPersonAppointmentActive: fc.boolean(),
    therapeuticRelationActive: fc.boolean(),
    consentActive: fc.boolean(),
    excluded: fc.boolean(),
    careTeamAssignmentActive: fc.boolean(),
    emergencyAccessId: fc.option(fc.constant("ea-1"), { nil: null }),
  })
  .map((g) => {
    // Care end dates are calendar dates: UTC midnight of some day around "now".
    const careEndedOn =
      g.endOffsetDays === null ? null : new Date(Math.floor(g.now / DAY) * DAY + g.endOffsetDays * DAY);
    return {
      now: new Date(g.now),
      availabilityWindowMonths: g.availabilityWindowMonths,
      actor: {
        personId: g.personId,
        role: g.role,
        holdsRole: g.holdsRole,
        declarationAccepted: g.declarationAccepted,
        suspended: g.suspended,
      },
      patient: { id: g.patientId, exists: g.exists, careOngoing: g.careOngoing, careEndedOn },
      relation: {
        trustedPersonAppointmentActive: g.trustedPersonAppointmentActive,
        therapeuticRelationActive: g.therapeuticRelationActive,
        consentActive: g.consentActive,
        excluded: g.excluded,
        careTeamAssignmentActive: g.careTeamAssignmentActive,
        emergencyAccessId: g.emergencyAccessId,
      },
    };
  });

const arbitraryAction = fc.constantFrom(...accessActions);

describe("decideAccess against the reference rules", () => {
  it("allows exactly when the reference allows", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        expect(decideAccess(facts, action).allowed).toBe(referenceAllowed(facts, action));
      }),
      { numRuns: 20_000 },
    );
  });

  it("names the first failing condition in the order of domain.md", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        const decision = decideAccess(facts, action);
        if (facts.actor.suspended) expect(decision.reason).toBe("suspended");
        else if (
          !facts.actor.holdsRole ||
          !["PATIENT", "TRUSTED_PERSON", "DOCTOR", "CAREGIVER", "NURSE", "SERVICE_CENTER"].includes(
            String(facts.actor.role),
          )
        )
          expect(decision.reason).toBe("role_not_permitted");
        else if (!facts.actor.declarationAccepted) expect(decision.reason).toBe("declaration_required");
        else if (!mayEver.has(`${facts.actor.role} ${action}`)) expect(decision.reason).toBe("role_not_permitted");
        else if (!facts.patient.exists) expect(decision.reason).toBe("unknown_patient");
        else if (!referenceRelationHolds(facts, action))
          expect(["no_relation", "no_consent"]).toContain(decision.reason);
        else if (
          facts.relation.excluded &&
          !(facts.actor.role === "PATIENT" && facts.actor.personId === facts.patient.id)
        )
          expect(decision.reason).toBe("excluded");
        else if (!referenceWithinWindow(facts)) expect(decision.reason).toBe("outside_availability_window");
        if (decision.allowed && decision.reason === "emergency_access" && action !== "REQUEST_EMERGENCY_ACCESS") {
          expect(decision.via?.emergencyAccessId).toBe("ea-1");
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it("never lets a doctor, caregiver, trusted person or service center use an emergency access", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        const decision = decideAccess(facts, action);
        if (facts.actor.role !== "NURSE") expect(decision.reason).not.toBe("emergency_access");
      }),
      { numRuns: 5_000 },
    );
  });

  it("never shows health data to the service center", () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        expect(
          decideAccess({ ...facts, actor: { ...facts.actor, role: "SERVICE_CENTER" } }, "READ_HEALTH").allowed,
        ).toBe(false);
      }),
    );
  });
});

describe("availability window", () => {
  const base: AccessFacts = {
    now: new Date("2026-11-23T10:00:00Z"),
    availabilityWindowMonths: 3,
    actor: { personId: "pat-x", role: "PATIENT", holdsRole: true, declarationAccepted: true, suspended: false },
    patient: { id: "pat-x", exists: true, careOngoing: false, careEndedOn: null },
    relation: {
      trustedPersonAppointmentActive: false,
      therapeuticRelationActive: false,
      consentActive: false,
      excluded: false,
      careTeamAssignmentActive: false,
      emergencyAccessId: null,
    },
  };
  const endedOn = (day: string) => ({
    ...base,
    patient: { ...base.patient, careEndedOn: new Date(`${day}T00:00:00Z`) },
  });

  it("includes the last day and excludes the day after", () => {
    expect(decideAccess(endedOn("2026-08-23"), "READ_HEALTH")).toEqual({ allowed: true, reason: "self" });
    expect(decideAccess(endedOn("2026-08-22"), "READ_HEALTH")).toEqual({
      allowed: false,
      reason: "outside_availability_window",
    });
  });

  it("uses the Belgian date: 23:30 UTC on the 22nd is already the 23rd in Brussels", () => {
    const lateEvening = { ...endedOn("2026-08-22"), now: new Date("2026-11-22T23:30:00Z") };
    expect(decideAccess(lateEvening, "READ_HEALTH").reason).toBe("outside_availability_window");
  });

  it("denies a patient without any care episode, and allows ongoing care", () => {
    expect(decideAccess(base, "READ_HEALTH").reason).toBe("outside_availability_window");
    expect(decideAccess({ ...base, patient: { ...base.patient, careOngoing: true } }, "READ_HEALTH").allowed).toBe(
      true,
    );
  });
});
