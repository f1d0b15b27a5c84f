// The patient's own settings (domain.md "PATIENT"): trusted persons, exclusions and informed
// consent. Every read and write goes through withPatientAccess with MANAGE_PATIENT_SETTINGS, so
// only the patient herself (policy.ts) reaches the work, and each change commits in the same
// transaction as its access-log entry. A refused decision changes nothing.
//
// Idempotent by state, not by counting clicks: appointing someone already appointed, revoking
// what is already revoked or giving consent that is already given answers `changed: false` and
// writes nothing. A per-patient advisory lock makes "check, then write" safe against two
// concurrent submits of the same form.
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, withPatientAccess } from "@/lib/access";
import { belgianCalendarDate, isoDateOfColumn } from "@/lib/belgian-calendar";
import { LIST_LIMITS } from "@/lib/limits";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ConsentEventKind, Role } from "@/lib/generated/prisma/enums";
import { displayName } from "@/lib/people/display-name";
import { sameLastName } from "./match";

type Tx = Prisma.TransactionClient;

export type SettingsInput = {
  actor: Pick<GatedActor, "personId" | "activeRole">;
  patientId: string;
  requestId: string;
  /** Defaults to the app's client; integration tests pass their own. */
  db?: PrismaClient;
  now?: Date;
};

export type Denied = { allowed: false; decision: AccessDecision };
export type Allowed<T> = { allowed: true; result: T };

/** A change's answer: `changed: false` when the state was already what was asked. */
export type ChangeResult = { ok: true; changed: boolean } | { ok: false; problem: "no_match" | "self" };

export type TrustedPersonView = { appointmentId: string; personId: string; name: string; appointedAt: Date };
export type ExclusionView = { exclusionId: string; personId: string; name: string; since: Date };
export type ExcludableView = {
  personId: string;
  name: string;
  kind: "DOCTOR_OR_CAREGIVER" | "NURSE";
  current: boolean;
};
export type ConsentEventView = {
  id: string;
  kind: ConsentEventKind;
  occurredAt: Date;
  recordedBy: string | null;
  bySelf: boolean;
};
export type PatientSettings = {
  trustedPersons: TrustedPersonView[];
  exclusions: ExclusionView[];
  /** Caregivers and nurses who have or had a relation with the patient and are not excluded now. */
  excludable: ExcludableView[];
  consent: { active: boolean; history: ConsentEventView[] };
};

/** Namespace of the per-patient settings lock (lib/access/misuse.ts uses 4005). */
const SETTINGS_LOCK_NAMESPACE = 4010;

async function lockSettings(tx: Tx, patientId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK_NAMESPACE}::int, hashtext(${patientId}))`;
}

async function manage<T>(input: SettingsInput, work: (tx: Tx, now: Date) => Promise<T>): Promise<Allowed<T> | Denied> {
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      requestId: input.requestId,
      action: "MANAGE_PATIENT_SETTINGS",
      db: input.db,
      now,
    },
    async (tx) => {
      await lockSettings(tx, input.patientId);
      return work(tx, now);
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

const nameSelect = { id: true, honorific: true, firstName: true, lastName: true } as const;

/** Everything the three settings pages show, read under one decision. */
export async function readPatientSettings(input: SettingsInput): Promise<Allowed<PatientSettings> | Denied> {
  return manage(input, async (tx, now) => {
    const patientId = input.patientId;
    // One after the other: a transaction is one connection, and pg refuses overlapping queries on it.
    const appointments = await tx.trustedPersonAppointment.findMany({
      where: { patientId, revokedAt: null },
      orderBy: { appointedAt: "asc" },
      take: LIST_LIMITS.patientSettingsRows,
      select: { id: true, appointedAt: true, trustedPerson: { select: nameSelect } },
    });
    const exclusions = await tx.exclusion.findMany({
      where: { patientId, liftedAt: null },
      orderBy: { createdAt: "asc" },
      take: LIST_LIMITS.patientSettingsRows,
      select: { id: true, createdAt: true, excludedPerson: { select: nameSelect } },
    });
    const relations = await tx.therapeuticRelation.findMany({
      where: { patientId },
      orderBy: { startDate: "desc" },
      take: LIST_LIMITS.patientSettingsRows,
      select: { endDate: true, revokedAt: true, caregiver: { select: nameSelect } },
    });
    const assignments = await tx.careTeamAssignment.findMany({
      where: { patientId },
      orderBy: { startDate: "desc" },
      take: LIST_LIMITS.patientSettingsRows,
      select: { endDate: true, nurse: { select: nameSelect } },
    });
    const consentEvents = await tx.consentEvent.findMany({
      where: { patientId },
      orderBy: [{ occurredAt: "desc" }, { kind: "desc" }],
      take: LIST_LIMITS.patientSettingsRows,
      select: { id: true, kind: true, occurredAt: true, recordedById: true, recordedBy: { select: nameSelect } },
    });
    const excludedIds = new Set(exclusions.map((exclusion) => exclusion.excludedPerson.id));
    const today = belgianCalendarDate(now);
    const ongoing = (endDate: Date | null, revokedAt?: Date | null) =>
      !revokedAt && (endDate === null || isoDateOfColumn(endDate) >= today);
    const excludable = new Map<string, ExcludableView>();
    for (const relation of relations) {
      const person = relation.caregiver;
      if (excludedIds.has(person.id)) continue;
      const previous = excludable.get(person.id);
      excludable.set(person.id, {
        personId: person.id,
        name: displayName(person),
        kind: "DOCTOR_OR_CAREGIVER",
        current: (previous?.current ?? false) || ongoing(relation.endDate, relation.revokedAt),
      });
    }
    for (const assignment of assignments) {
      const person = assignment.nurse;
      if (excludedIds.has(person.id) || excludable.has(person.id)) continue;
      excludable.set(person.id, {
        personId: person.id,
        name: displayName(person),
        kind: "NURSE",
        current: ongoing(assignment.endDate),
      });
    }
    return {
      trustedPersons: appointments.map((appointment) => ({
        appointmentId: appointment.id,
        personId: appointment.trustedPerson.id,
        name: displayName(appointment.trustedPerson),
        appointedAt: appointment.appointedAt,
      })),
      exclusions: exclusions.map((exclusion) => ({
        exclusionId: exclusion.id,
        personId: exclusion.excludedPerson.id,
        name: displayName(exclusion.excludedPerson),
        since: exclusion.createdAt,
      })),
      excludable: [...excludable.values()].sort((a, b) => a.name.localeCompare(b.name, "nl-BE")),
      consent: {
        // Same rule as the access decision: the latest event decides, WITHDRAWN winning a tie
        // (enum order: kind "desc" puts WITHDRAWN first).
        active: consentEvents[0]?.kind === "GIVEN",
        history: consentEvents.map((event) => ({
          id: event.id,
          kind: event.kind,
          occurredAt: event.occurredAt,
          recordedBy: event.recordedBy ? displayName(event.recordedBy) : null,
          bySelf: event.recordedById === patientId,
        })),
      },
    };
  });
}

/**
 * The person named by national number and last name, or null. Both must match: the number alone
 * would let a patient pick anyone by guessing numbers, and a wrong name must look exactly like
 * an unknown number (one neutral refusal) so the form cannot be used to test who is known here.
 */
async function findPersonByInszAndName(tx: Tx, insz: string, lastName: string): Promise<{ id: string } | null> {
  const person = await tx.person.findUnique({ where: { insz }, select: { id: true, lastName: true } });
  return person && sameLastName(lastName, person.lastName) ? { id: person.id } : null;
}

export async function appointTrustedPerson(
  input: SettingsInput & { insz: string; lastName: string },
): Promise<Allowed<ChangeResult> | Denied> {
  return manage(input, async (tx, now): Promise<ChangeResult> => {
    const person = await findPersonByInszAndName(tx, input.insz, input.lastName);
    if (!person) return { ok: false, problem: "no_match" };
    if (person.id === input.patientId) return { ok: false, problem: "self" };
    const active = await tx.trustedPersonAppointment.findFirst({
      where: { patientId: input.patientId, trustedPersonId: person.id, revokedAt: null },
      select: { id: true },
    });
    if (active) return { ok: true, changed: false };
    await tx.trustedPersonAppointment.create({
      data: { patientId: input.patientId, trustedPersonId: person.id, appointedAt: now },
    });
    // The appointment is what makes someone a trusted person: without the role they could not
    // sign in as one. They still accept that role's declaration before reading anything.
    const role: Role = "TRUSTED_PERSON";
    await tx.personRole.upsert({
      where: { personId_role: { personId: person.id, role } },
      create: { personId: person.id, role },
      update: {},
    });
    return { ok: true, changed: true };
  });
}

export async function revokeTrustedPerson(
  input: SettingsInput & { appointmentId: string },
): Promise<Allowed<ChangeResult> | Denied> {
  return manage(input, async (tx, now): Promise<ChangeResult> => {
    // Scoped to this patient: an appointment id of another patient changes nothing.
    const revoked = await tx.trustedPersonAppointment.updateMany({
      where: { id: input.appointmentId, patientId: input.patientId, revokedAt: null },
      data: { revokedAt: now },
    });
    return { ok: true, changed: revoked.count === 1 };
  });
}

async function exclude(tx: Tx, patientId: string, personId: string, now: Date): Promise<ChangeResult> {
  if (personId === patientId) return { ok: false, problem: "self" };
  const active = await tx.exclusion.findFirst({
    where: { patientId, excludedPersonId: personId, liftedAt: null },
    select: { id: true },
  });
  if (active) return { ok: true, changed: false };
  await tx.exclusion.create({ data: { patientId, excludedPersonId: personId, createdAt: now } });
  return { ok: true, changed: true };
}

/** Excludes a caregiver or nurse who has or had a relation with this patient (the page's list). */
export async function excludeRelatedPerson(
  input: SettingsInput & { personId: string },
): Promise<Allowed<ChangeResult> | Denied> {
  return manage(input, async (tx, now): Promise<ChangeResult> => {
    const relation = await tx.therapeuticRelation.findFirst({
      where: { patientId: input.patientId, caregiverId: input.personId },
      select: { id: true },
    });
    const assignment = await tx.careTeamAssignment.findFirst({
      where: { patientId: input.patientId, nurseId: input.personId },
      select: { id: true },
    });
    // A forged person id without a relation is answered like a wrong national number.
    if (!relation && !assignment) return { ok: false, problem: "no_match" };
    return exclude(tx, input.patientId, input.personId, now);
  });
}

/** Excludes anyone the organisation knows, named by national number and last name. */
export async function excludeByInsz(
  input: SettingsInput & { insz: string; lastName: string },
): Promise<Allowed<ChangeResult> | Denied> {
  return manage(input, async (tx, now): Promise<ChangeResult> => {
    const person = await findPersonByInszAndName(tx, input.insz, input.lastName);
    if (!person) return { ok: false, problem: "no_match" };
    return exclude(tx, input.patientId, person.id, now);
  });
}

export async function liftExclusion(
  input: SettingsInput & { exclusionId: string },
): Promise<Allowed<ChangeResult> | Denied> {
  return manage(input, async (tx, now): Promise<ChangeResult> => {
    const lifted = await tx.exclusion.updateMany({
      where: { id: input.exclusionId, patientId: input.patientId, liftedAt: null },
      data: { liftedAt: now },
    });
    return { ok: true, changed: lifted.count === 1 };
  });
}

/**
 * Gives (`give: true`) or withdraws informed consent by appending an event: the history is never
 * rewritten. Asking for the state it already has appends nothing.
 */
export async function setConsent(input: SettingsInput & { give: boolean }): Promise<Allowed<ChangeResult> | Denied> {
  return manage(input, async (tx, now): Promise<ChangeResult> => {
    const latest = await tx.consentEvent.findFirst({
      where: { patientId: input.patientId },
      orderBy: [{ occurredAt: "desc" }, { kind: "desc" }],
      select: { kind: true, occurredAt: true },
    });
    const wanted: ConsentEventKind = input.give ? "GIVEN" : "WITHDRAWN";
    if ((latest?.kind ?? "WITHDRAWN") === wanted) return { ok: true, changed: false };
    // Never before the latest event: the access decision takes the latest by time, so a clock
    // step backwards must not let an older state win.
    const occurredAt = latest && latest.occurredAt >= now ? new Date(latest.occurredAt.getTime() + 1) : now;
    await tx.consentEvent.create({
      // The patient, or the representative acting for a child, chose this in the portal (ADR 0020).
      data: {
        patientId: input.patientId,
        kind: wanted,
        occurredAt,
        source: "PATIENT_PORTAL",
        recordedById: input.actor.personId,
      },
    });
    return { ok: true, changed: true };
  });
}
