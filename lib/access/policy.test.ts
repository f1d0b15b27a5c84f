import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AccessAction, type AccessFacts, accessActions, decideAccess, decideWithSource } from "./policy";

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
  // Only the minor decides about a representative's reading.
  "PATIENT DECIDE_REPRESENTATIVE_AGREEMENT",
  // The coordinator: the care organisation, never a section of the file.
  "COORDINATOR REGISTER_PATIENT",
  "COORDINATOR READ_CARE_FACTS",
  "COORDINATOR START_CARE_EPISODE",
  "COORDINATOR END_CARE_EPISODE",
  "COORDINATOR ASSIGN_CARE_TEAM_NURSE",
  "COORDINATOR UNASSIGN_CARE_TEAM_NURSE",
  "COORDINATOR RECORD_THERAPEUTIC_RELATION",
  "COORDINATOR RECORD_LEGAL_REPRESENTATIVE",
  // A representative may at most what the patient may with their own file.
  "LEGAL_REPRESENTATIVE READ_HEALTH",
  "LEGAL_REPRESENTATIVE READ_ADMINISTRATIVE",
  "LEGAL_REPRESENTATIVE READ_ACCESS_LOG",
  "LEGAL_REPRESENTATIVE MANAGE_PATIENT_SETTINGS",
  "LEGAL_REPRESENTATIVE REQUEST_CORRECTION",
  "LEGAL_REPRESENTATIVE EXERCISE_PATIENT_RIGHTS",
  // PRIVACY_OFFICER: nothing yet.
]);

const KNOWN_ROLES = [
  "PATIENT",
  "TRUSTED_PERSON",
  "DOCTOR",
  "CAREGIVER",
  "NURSE",
  "SERVICE_CENTER",
  "COORDINATOR",
  "PRIVACY_OFFICER",
  "LEGAL_REPRESENTATIVE",
];

/** The coordinator's actions are not bounded by the availability window. */
const notBoundByWindow = new Set([
  "REGISTER_PATIENT",
  "READ_CARE_FACTS",
  "START_CARE_EPISODE",
  "END_CARE_EPISODE",
  "ASSIGN_CARE_TEAM_NURSE",
  "UNASSIGN_CARE_TEAM_NURSE",
  "RECORD_THERAPEUTIC_RELATION",
  "RECORD_LEGAL_REPRESENTATIVE",
]);

const DAY = 86_400_000;

/** "Today" in Brussels as a UTC-midnight number, worked out differently from policy.ts. */
const brusselsTodayCache = new Map<number, number>();
function referenceBrusselsToday(now: Date): number {
  const cached = brusselsTodayCache.get(now.getTime());
  if (cached !== undefined) return cached;
  const inBrussels = new Date(now.toLocaleString("en-US", { timeZone: "Europe/Brussels" }));
  const today = Date.UTC(inBrussels.getFullYear(), inBrussels.getMonth(), inBrussels.getDate());
  brusselsTodayCache.set(now.getTime(), today);
  return today;
}

/** The day someone born on `birth` turns `years`; a 29 February birthday falls on 1 March otherwise. */
function referenceBirthday(birth: Date, years: number): number {
  const year = birth.getUTCFullYear() + years;
  const month = birth.getUTCMonth();
  const day = birth.getUTCDate();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 1 && day === 29 && !leap) return Date.UTC(year, 2, 1);
  return Date.UTC(year, month, day);
}

/** Whether the patient has had their `years`-th birthday on the Brussels day of `now`; unknown birth: an adult. */
function referenceReached(f: AccessFacts, years: number): boolean {
  if (f.patient.birthDate === null) return true;
  return referenceBrusselsToday(f.now) >= referenceBirthday(f.patient.birthDate, years);
}

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
  return referenceBrusselsToday(f.now) <= last;
}

function referenceRelationInTerm(f: AccessFacts): boolean {
  const relation = f.relation.therapeuticRelation;
  if (!relation) return false;
  if (!relation.endsOn) return true;
  return referenceBrusselsToday(f.now) <= relation.endsOn.getTime();
}

function referenceRepresentativeHolds(f: AccessFacts, action: AccessAction): boolean {
  const r = f.relation;
  if (r.legalRepresentations.length === 0) return false;
  if (!referenceReached(f, 12)) return true;
  if (!referenceReached(f, 16))
    return (action === "READ_HEALTH" || action === "READ_ADMINISTRATIVE") && r.minorAgreementGiven;
  if (!referenceReached(f, 18)) return false;
  return r.legalRepresentations.some((representation) => representation.basis === "APPOINTED");
}

function referenceRelationHolds(f: AccessFacts, action: AccessAction): boolean {
  const r = f.relation;
  switch (f.actor.role) {
    case "PATIENT":
      // A child under 12 has no access of its own.
      return f.actor.personId === f.patient.id && referenceReached(f, 12);
    case "TRUSTED_PERSON":
      return r.trustedPersonAppointmentActive;
    case "DOCTOR":
      return referenceRelationInTerm(f) && r.consentActive;
    case "CAREGIVER":
      return referenceRelationInTerm(f) && r.consentActive;
    case "COORDINATOR":
      return true;
    case "LEGAL_REPRESENTATIVE":
      return referenceRepresentativeHolds(f, action);
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
    (f.patient.exists || action === "REGISTER_PATIENT") &&
    referenceRelationHolds(f, action) &&
    (isSelf || !f.relation.excluded) &&
    (notBoundByWindow.has(action) || referenceWithinWindow(f))
  );
}

// ---------------------------------------------------------------------------------------------

const NOW_MIN = Date.UTC(2024, 0, 1);
const NOW_MAX = Date.UTC(2028, 11, 31);

const SOURCES = [
  "EHEALTH_THERAPEUTIC_LINK",
  "EHEALTH_CONSENT",
  "RECORD_SYSTEM",
  "PATIENT_PORTAL",
  "STAFF_DOCUMENT",
] as const;

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
      "COORDINATOR",
      "PRIVACY_OFFICER",
      "LEGAL_REPRESENTATIVE",
      null,
      "ADMIN",
      "toString",
    ),
    holdsRole: fc.boolean(),
    declarationAccepted: fc.boolean(),
    suspended: fc.boolean(),
    exists: fc.boolean(),
    // Ages around the boundaries that matter (12, 16, 18) and beyond; null: unknown.
    birthAgeDays: fc.option(fc.integer({ min: 0, max: 25 * 366 }), { nil: null, freq: 4 }),
    careOngoing: fc.boolean(),
    trustedPersonAppointmentActive: fc.boolean(),
    therapeuticRelation: fc.option(
      fc.record({
        endOffsetDays: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
        source: fc.constantFrom(...SOURCES),
      }),
      { nil: null },
    ),
    consentActive: fc.boolean(),
    excluded: fc.boolean(),
    careTeamAssignmentActive: fc.boolean(),
    emergencyAccessId: fc.option(fc.constant("ea-1"), { nil: null }),
    legalRepresentations: fc.array(
      fc.record({
        basis: fc.constantFrom("PARENT" as const, "APPOINTED" as const),
        source: fc.constantFrom(...SOURCES),
      }),
      { maxLength: 2 },
    ),
    minorAgreementGiven: fc.boolean(),
  })
  .map((g) => {
    // Calendar dates (care end, relation end, birth) are UTC midnight of some day around "now".
    const day = (offsetDays: number) => new Date(Math.floor(g.now / DAY) * DAY + offsetDays * DAY);
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
      patient: {
        id: g.patientId,
        exists: g.exists,
        birthDate: g.birthAgeDays === null ? null : day(-g.birthAgeDays),
        careOngoing: g.careOngoing,
        careEndedOn: g.endOffsetDays === null ? null : day(g.endOffsetDays),
      },
      relation: {
        trustedPersonAppointmentActive: g.trustedPersonAppointmentActive,
        therapeuticRelation:
          g.therapeuticRelation === null
            ? null
            : {
                endsOn: g.therapeuticRelation.endOffsetDays === null ? null : day(g.therapeuticRelation.endOffsetDays),
                source: g.therapeuticRelation.source,
              },
        consentActive: g.consentActive,
        excluded: g.excluded,
        careTeamAssignmentActive: g.careTeamAssignmentActive,
        emergencyAccessId: g.emergencyAccessId,
        legalRepresentations: g.legalRepresentations,
        minorAgreementGiven: g.minorAgreementGiven,
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
    // 20,000 generated cases: seconds on a busy shared machine.
  }, 60_000);

  it("names the first failing condition in the order of domain.md", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        const decision = decideAccess(facts, action);
        if (facts.actor.suspended) expect(decision.reason).toBe("suspended");
        else if (!facts.actor.holdsRole || !KNOWN_ROLES.includes(String(facts.actor.role)))
          expect(decision.reason).toBe("role_not_permitted");
        else if (!facts.actor.declarationAccepted) expect(decision.reason).toBe("declaration_required");
        else if (!mayEver.has(`${facts.actor.role} ${action}`)) expect(decision.reason).toBe("role_not_permitted");
        else if (!facts.patient.exists && action !== "REGISTER_PATIENT")
          expect(decision.reason).toBe("unknown_patient");
        else if (!referenceRelationHolds(facts, action))
          expect([
            "no_relation",
            "no_consent",
            "under_12",
            "minor_agreement_missing",
            "patient_decides_alone",
          ]).toContain(decision.reason);
        else if (
          facts.relation.excluded &&
          !(facts.actor.role === "PATIENT" && facts.actor.personId === facts.patient.id)
        )
          expect(decision.reason).toBe("excluded");
        else if (!notBoundByWindow.has(action) && !referenceWithinWindow(facts))
          expect(decision.reason).toBe("outside_availability_window");
        if (decision.allowed && decision.reason === "emergency_access" && action !== "REQUEST_EMERGENCY_ACCESS") {
          expect(decision.via?.emergencyAccessId).toBe("ea-1");
        }
      }),
      { numRuns: 5_000 },
    );
  }, 30_000);

  it("never lets a doctor, caregiver, trusted person or service center use an emergency access", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        const decision = decideAccess(facts, action);
        if (facts.actor.role !== "NURSE") expect(decision.reason).not.toBe("emergency_access");
      }),
      { numRuns: 5_000 },
    );
  }, 30_000);

  it("never shows health data to the service center, the coordinator or the privacy officer", () => {
    fc.assert(
      fc.property(
        arbitraryFacts,
        fc.constantFrom("SERVICE_CENTER", "COORDINATOR", "PRIVACY_OFFICER"),
        (facts, role) => {
          expect(decideAccess({ ...facts, actor: { ...facts.actor, role } }, "READ_HEALTH").allowed).toBe(false);
        },
      ),
    );
  });

  it("gives the privacy officer nothing yet", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        expect(decideAccess({ ...facts, actor: { ...facts.actor, role: "PRIVACY_OFFICER" } }, action).allowed).toBe(
          false,
        );
      }),
    );
  });

  it("names the source of the relation that granted, and no source otherwise", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryAction, (facts, action) => {
        const { decision, grantSource } = decideWithSource(facts, action);
        if (decision.allowed && decision.reason === "therapeutic_relation")
          expect(grantSource).toBe(facts.relation.therapeuticRelation?.source);
        else if (decision.allowed && decision.reason === "legal_representative")
          expect(facts.relation.legalRepresentations.map((r) => r.source)).toContain(grantSource);
        else expect(grantSource).toBeNull();
      }),
      { numRuns: 5_000 },
    );
  }, 30_000);
});

describe("availability window", () => {
  const base: AccessFacts = {
    now: new Date("2026-11-23T10:00:00Z"),
    availabilityWindowMonths: 3,
    actor: { personId: "pat-x", role: "PATIENT", holdsRole: true, declarationAccepted: true, suspended: false },
    patient: { id: "pat-x", exists: true, birthDate: null, careOngoing: false, careEndedOn: null },
    relation: {
      trustedPersonAppointmentActive: false,
      therapeuticRelation: null,
      consentActive: false,
      excluded: false,
      careTeamAssignmentActive: false,
      emergencyAccessId: null,
      legalRepresentations: [],
      minorAgreementGiven: false,
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

// ---------------------------------------------------------------------------------------------
// Minors and representatives: the clock moved across the 12th, 16th and 18th birthdays. Each
// property takes a birth date and an instant up to three days either side of a birthday (at any
// minute, so Belgian midnight and both time-zone offsets are crossed), and compares the decision
// with the reference's Brussels calendar day.
// ---------------------------------------------------------------------------------------------

const facts = (over: {
  now: Date;
  birthDate: Date | null;
  role: AccessFacts["actor"]["role"];
  self?: boolean;
  representations?: AccessFacts["relation"]["legalRepresentations"];
  minorAgreementGiven?: boolean;
}): AccessFacts => ({
  now: over.now,
  availabilityWindowMonths: 3,
  actor: {
    personId: over.self ? "pat-minor" : "usr-parent",
    role: over.role,
    holdsRole: true,
    declarationAccepted: true,
    suspended: false,
  },
  patient: { id: "pat-minor", exists: true, birthDate: over.birthDate, careOngoing: true, careEndedOn: null },
  relation: {
    trustedPersonAppointmentActive: false,
    therapeuticRelation: null,
    consentActive: false,
    excluded: false,
    careTeamAssignmentActive: false,
    emergencyAccessId: null,
    legalRepresentations: over.representations ?? [{ basis: "PARENT", source: "STAFF_DOCUMENT" }],
    minorAgreementGiven: over.minorAgreementGiven ?? true,
  },
});

/** A birth date (UTC midnight, 29 February included) and an instant within three days of its `years`-th birthday. */
const aroundBirthday = (years: number) =>
  fc
    .record({
      birth: fc.integer({ min: Date.UTC(1995, 0, 1) / DAY, max: Date.UTC(2024, 11, 31) / DAY }),
      minutesFromBirthday: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
    })
    .map(({ birth, minutesFromBirthday }) => {
      const birthDate = new Date(birth * DAY);
      const now = new Date(referenceBirthday(birthDate, years) + minutesFromBirthday * 60_000);
      return { birthDate, now, reached: referenceBrusselsToday(now) >= referenceBirthday(birthDate, years) };
    });

describe("minors and representatives, across birthdays", () => {
  it("a child reads its own file from its 12th birthday on (Belgian day), not before", () => {
    fc.assert(
      fc.property(aroundBirthday(12), ({ birthDate, now, reached }) => {
        const decision = decideAccess(facts({ now, birthDate, role: "PATIENT", self: true }), "READ_HEALTH");
        expect(decision).toEqual(reached ? { allowed: true, reason: "self" } : { allowed: false, reason: "under_12" });
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it("a parent manages a child's settings until the 12th birthday, reads with agreement until the 16th", () => {
    fc.assert(
      fc.property(aroundBirthday(12), fc.boolean(), ({ birthDate, now, reached }, agreed) => {
        const parent = facts({ now, birthDate, role: "LEGAL_REPRESENTATIVE", minorAgreementGiven: agreed });
        expect(decideAccess(parent, "MANAGE_PATIENT_SETTINGS").allowed).toBe(!reached);
        expect(decideAccess(parent, "READ_HEALTH").allowed).toBe(!reached || agreed);
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it("a parent's reading ends by itself on the 16th birthday, agreement or not", () => {
    fc.assert(
      fc.property(aroundBirthday(16), fc.constantFrom("PARENT" as const, "APPOINTED" as const), (around, basis) => {
        const { birthDate, now, reached } = around;
        const parent = facts({
          now,
          birthDate,
          role: "LEGAL_REPRESENTATIVE",
          representations: [{ basis, source: "STAFF_DOCUMENT" }],
        });
        const decision = decideWithSource(parent, "READ_HEALTH");
        expect(decision.decision).toEqual(
          reached
            ? { allowed: false, reason: "patient_decides_alone" }
            : { allowed: true, reason: "legal_representative" },
        );
        expect(decision.grantSource).toBe(reached ? null : "STAFF_DOCUMENT");
        // The young person reads on, either side of the birthday.
        expect(decideAccess(facts({ now, birthDate, role: "PATIENT", self: true }), "READ_HEALTH").allowed).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it("an appointed representative acts for an adult from the 18th birthday on; a parent as such does not", () => {
    fc.assert(
      fc.property(aroundBirthday(18), ({ birthDate, now, reached }) => {
        const appointed = facts({
          now,
          birthDate,
          role: "LEGAL_REPRESENTATIVE",
          representations: [{ basis: "APPOINTED", source: "STAFF_DOCUMENT" }],
        });
        const parent = facts({ now, birthDate, role: "LEGAL_REPRESENTATIVE" });
        expect(decideAccess(appointed, "MANAGE_PATIENT_SETTINGS").allowed).toBe(reached);
        expect(decideAccess(parent, "READ_HEALTH").allowed).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it("a representative never decides the minor's agreement, and a minor of 12 to 15 decides it", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const fourteen = new Date("2012-06-02T00:00:00Z");
    expect(
      decideAccess(
        facts({ now, birthDate: fourteen, role: "LEGAL_REPRESENTATIVE" }),
        "DECIDE_REPRESENTATIVE_AGREEMENT",
      ),
    ).toEqual({ allowed: false, reason: "role_not_permitted" });
    expect(
      decideAccess(facts({ now, birthDate: fourteen, role: "PATIENT", self: true }), "DECIDE_REPRESENTATIVE_AGREEMENT"),
    ).toEqual({ allowed: true, reason: "self" });
  });

  it("counts a 29 February birthday on 1 March in a year without one", () => {
    const birthDate = new Date("2012-02-29T00:00:00Z");
    const child = (iso: string) => facts({ now: new Date(iso), birthDate, role: "PATIENT", self: true });
    // 2024 is a leap year: 12 on 29 February.
    expect(decideAccess(child("2024-02-28T12:00:00Z"), "READ_HEALTH").allowed).toBe(false);
    expect(decideAccess(child("2024-02-29T12:00:00Z"), "READ_HEALTH").allowed).toBe(true);
    // Turning 16 in 2028 (leap) and the parent's reading: ends on 29 February 2028.
    const parent = (iso: string) =>
      decideAccess(facts({ now: new Date(iso), birthDate, role: "LEGAL_REPRESENTATIVE" }), "READ_HEALTH").allowed;
    expect(parent("2028-02-28T12:00:00Z")).toBe(true);
    expect(parent("2028-02-29T12:00:00Z")).toBe(false);
    // 2030 has no 29 February: an appointed representative acts for the adult from 1 March on.
    const appointed = (iso: string) =>
      decideAccess(
        facts({
          now: new Date(iso),
          birthDate,
          role: "LEGAL_REPRESENTATIVE",
          representations: [{ basis: "APPOINTED", source: "STAFF_DOCUMENT" }],
        }),
        "MANAGE_PATIENT_SETTINGS",
      ).allowed;
    expect(appointed("2030-02-28T12:00:00Z")).toBe(false);
    expect(appointed("2030-03-01T12:00:00Z")).toBe(true);
  });
});

describe("therapeutic links end by themselves", () => {
  const doctor = (now: string, endsOn: string | null): AccessFacts => ({
    now: new Date(now),
    availabilityWindowMonths: 3,
    actor: { personId: "usr-doc", role: "DOCTOR", holdsRole: true, declarationAccepted: true, suspended: false },
    patient: { id: "pat-x", exists: true, birthDate: null, careOngoing: true, careEndedOn: null },
    relation: {
      trustedPersonAppointmentActive: false,
      therapeuticRelation: {
        endsOn: endsOn === null ? null : new Date(`${endsOn}T00:00:00Z`),
        source: "EHEALTH_THERAPEUTIC_LINK",
      },
      consentActive: true,
      excluded: false,
      careTeamAssignmentActive: false,
      emergencyAccessId: null,
      legalRepresentations: [],
      minorAgreementGiven: false,
    },
  });

  it("grants through the last day of the term, by the Belgian date, and names its source", () => {
    expect(decideWithSource(doctor("2027-03-01T22:30:00Z", "2027-03-01"), "READ_HEALTH")).toEqual({
      // 23:30 in Brussels: still the last day.
      decision: { allowed: true, reason: "therapeutic_relation" },
      grantSource: "EHEALTH_THERAPEUTIC_LINK",
    });
    // 00:30 in Brussels on the next day: ended.
    expect(decideAccess(doctor("2027-03-01T23:30:00Z", "2027-03-01"), "READ_HEALTH")).toEqual({
      allowed: false,
      reason: "no_relation",
    });
    expect(decideAccess(doctor("2040-01-01T10:00:00Z", null), "READ_HEALTH").allowed).toBe(true);
  });
});
