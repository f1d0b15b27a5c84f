// The coordinator's back office (domain.md, COORDINATOR; ADR 0019): registering patients, starting
// and ending care episodes, composing the care team, recording therapeutic relations and legal
// representatives with their proof. The facts every access decision reads are written here (and,
// later, by the record system's feed), so each change goes through the access core with its own
// action and commits in one transaction with its access-log entry; a refused decision changes
// nothing. The coordinator never reads a section of the file: the DTOs below have no health field,
// and READ_HEALTH is not among the coordinator's actions (policy.ts).
import { LIST_LIMITS } from "@/lib/limits";
import { randomUUID } from "node:crypto";
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessAction, type AccessDecision, withPatientAccess } from "@/lib/access";
import { addCalendarDays, belgianCalendarDate, isoDateOfColumn } from "@/lib/belgian-calendar";
import { ageBand } from "@/lib/access/minors";
import { lastDayOnline } from "@/lib/access/policy";
import { linkLastDay } from "@/lib/ehealth/terms";
import { env } from "@/lib/env";
import { PortalError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type {
  CaregiverProfession,
  FactSource,
  RepresentationBasis,
  TherapeuticLinkTerm,
} from "@/lib/generated/prisma/enums";
import { inszBirthDate, normalizeInsz } from "@/lib/insz";
import { sameLastName } from "@/lib/patient-settings/match";
import { displayName } from "@/lib/people/display-name";
import { SEARCH_LIMIT, searchPatientsUnderAccess } from "@/lib/people/search";
import type { RecordRelationForm, RecordRepresentativeForm, RegisterPatientForm } from "./schemas";

type Tx = Prisma.TransactionClient;
type Actor = Pick<GatedActor, "personId" | "activeRole" | "suspended" | "declaration">;

export type CoordinationInput = {
  actor: Actor;
  requestId: string;
  /** Defaults to the app's client; integration tests pass their own. */
  db?: PrismaClient;
  /** Defaults to the clock; tests move it. */
  now?: Date;
};

export type Denied = { allowed: false; decision: AccessDecision };
export type Allowed<T> = { allowed: true; result: T };
export type Outcome<T> = Allowed<T> | Denied;

/** A change's answer: `changed: false` when the state was already what was asked. */
export type Change<Problem extends string> = { ok: true; changed: boolean } | { ok: false; problem: Problem };

/** Namespace of the per-patient lock of the coordinator's changes (settings use 4010, eHealth 4020). */
const COORDINATION_LOCK_NAMESPACE = 4030;

async function appDb(db?: PrismaClient): Promise<PrismaClient> {
  if (db) return db;
  const { prisma } = await import("@/lib/db");
  return prisma;
}

/** A calendar date (YYYY-MM-DD) as the @db.Date columns hold it. */
const calendarDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * The gate of the coordinator's work that is not a decision about one patient (the search, the
 * list of nurses): the active role, not suspended, the current declaration accepted.
 */
export function requireCoordinator(actor: Actor): void {
  if (actor.activeRole !== "COORDINATOR" || actor.suspended || !actor.declaration.accepted)
    throw new PortalError("forbidden");
}

/**
 * The 11 digits of a national number, whatever separators it came with. The forms' schemas
 * normalise already; the data layer checks again, since it is what writes the number.
 */
function inszDigits(value: string, field: string): string {
  const digits = normalizeInsz(value);
  if (!digits)
    throw new PortalError("invalid_input", {
      userMessage: "Not a valid national number (INSZ).",
      issues: [{ path: field, message: "not a valid national number (INSZ)" }],
    });
  return digits;
}

/** Decides `action` on `patientId`, and runs `work` under the patient's lock when allowed. */
async function coordinate<T>(
  input: CoordinationInput & { patientId: string },
  action: AccessAction,
  work: (tx: Tx, today: string, now: Date) => Promise<T>,
): Promise<Outcome<T>> {
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    { actor: input.actor, patientId: input.patientId, action, requestId: input.requestId, db: input.db, now },
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COORDINATION_LOCK_NAMESPACE}::int, hashtext(${input.patientId}))`;
      return work(tx, belgianCalendarDate(now), now);
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

const nameSelect = { honorific: true, firstName: true, lastName: true } as const;

// ---------------------------------------------------------------------------------------------
// Finding and registering patients
// ---------------------------------------------------------------------------------------------

export type CoordinatorSearchHit = {
  patientId: string;
  name: string;
  insz: string;
  birthDate: string | null;
  careOngoing: boolean;
};

/**
 * By national number (any separators) or by name parts. Each hit is a READ_CARE_FACTS decision
 * about that patient with its own log entry (the patient sees who looked them up), all decided
 * and logged in one batch (withPatientsAccess: a constant number of statements whatever the
 * number of hits); a hit the coordinator may not see is left out.
 */
export async function searchPatientsForCoordination(
  input: Omit<CoordinationInput, "requestId"> & { q: string; requestId?: string },
): Promise<CoordinatorSearchHit[]> {
  requireCoordinator(input.actor);
  const rows = await searchPatientsUnderAccess(
    {
      actor: input.actor,
      q: input.q,
      action: "READ_CARE_FACTS",
      requestId: input.requestId ?? `coordinator-search-${randomUUID()}`,
      db: await appDb(input.db),
      now: input.now,
    },
    (tx, allowed) =>
      tx.person.findMany({
        where: { id: { in: allowed } },
        select: {
          id: true,
          ...nameSelect,
          insz: true,
          birthDate: true,
          patient: { select: { careEpisodes: { where: { endDate: null }, select: { id: true }, take: 1 } } },
        },
        take: SEARCH_LIMIT,
      }),
  );
  return rows.map((person) => ({
    patientId: person.id,
    name: displayName(person),
    insz: person.insz,
    birthDate: person.birthDate ? isoDateOfColumn(person.birthDate) : null,
    careOngoing: (person.patient?.careEpisodes.length ?? 0) > 0,
  }));
}

export type RegisterResult =
  | { ok: true; patientId: string; created: "person_and_patient" | "patient" }
  | { ok: false; problem: "already_registered"; patientId: string }
  | { ok: false; problem: "name_mismatch" };

/** Namespace of the per-INSZ lock: two coordinators registering one number create one person. */
const REGISTRATION_LOCK_NAMESPACE = 4031;

/**
 * Registers a patient by national number. A person the portal already knows (a doctor who becomes
 * a patient, a parent) becomes a patient under their own id, provided the typed last name matches
 * the one on record; anyone else is created with the birth date their number encodes. The
 * decision is REGISTER_PATIENT about the patient's id, so the patient's access log starts with it.
 */
export async function registerPatient(
  input: CoordinationInput & RegisterPatientForm,
): Promise<Outcome<RegisterResult>> {
  input = { ...input, insz: inszDigits(input.insz, "insz") };
  const db = await appDb(input.db);
  const known = await db.person.findUnique({
    where: { insz: input.insz },
    select: { id: true, lastName: true, patient: { select: { id: true } } },
  });
  const patientId = known?.id ?? randomUUID();
  return coordinate({ ...input, db, patientId }, "REGISTER_PATIENT", async (tx): Promise<RegisterResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTRATION_LOCK_NAMESPACE}::int, hashtext(${input.insz}))`;
    // Read again under the lock: someone may have registered the number meanwhile.
    const person = await tx.person.findUnique({
      where: { insz: input.insz },
      select: { id: true, lastName: true, patient: { select: { id: true } } },
    });
    if (person && person.id !== patientId) return { ok: false, problem: "already_registered", patientId: person.id };
    if (person?.patient) return { ok: false, problem: "already_registered", patientId: person.id };
    if (person && !sameLastName(input.lastName, person.lastName)) return { ok: false, problem: "name_mismatch" };
    if (!person) {
      await tx.person.create({
        data: {
          id: patientId,
          insz: input.insz,
          firstName: input.firstName,
          lastName: input.lastName,
          birthDate: inszBirthDate(input.insz),
          locale: "nl-BE",
        },
      });
    }
    await tx.personRole.upsert({
      where: { personId_role: { personId: patientId, role: "PATIENT" } },
      create: { personId: patientId, role: "PATIENT" },
      update: {},
    });
    await tx.patient.create({ data: { id: patientId } });
    return { ok: true, patientId, created: person ? "patient" : "person_and_patient" };
  });
}

// ---------------------------------------------------------------------------------------------
// What the coordinator sees of one patient: the care organisation, never the file
// ---------------------------------------------------------------------------------------------

export type CareFacts = {
  patientId: string;
  name: string;
  insz: string;
  birthDate: string | null;
  /** The age band the access rules for minors use today (minors.ts). */
  ageBand: "under_12" | "12_to_15" | "16_to_17" | "adult";
  episodes: { id: string; startDate: string; endDate: string | null }[];
  careOngoing: boolean;
  /** The last day the file is online, once care has ended (availability window). */
  onlineUntil: string | null;
  careTeam: {
    assignmentId: string;
    nurseId: string;
    name: string;
    responsible: boolean;
    startDate: string;
    endDate: string | null;
    active: boolean;
  }[];
  /** Nurses of the organisation who are not in the care team today. */
  assignableNurses: { personId: string; name: string }[];
  relations: {
    id: string;
    caregiver: string;
    kind: CaregiverProfession;
    term: TherapeuticLinkTerm | null;
    source: FactSource;
    sourceReference: string | null;
    recordedBy: string | null;
    startDate: string;
    endDate: string | null;
    revoked: boolean;
    inForce: boolean;
  }[];
  representatives: {
    id: string;
    name: string;
    basis: RepresentationBasis;
    source: FactSource;
    sourceReference: string | null;
    recordedBy: string | null;
    startDate: string;
    endDate: string | null;
    active: boolean;
  }[];
};

export async function readCareFacts(input: CoordinationInput & { patientId: string }): Promise<Outcome<CareFacts>> {
  return coordinate(input, "READ_CARE_FACTS", async (tx, today, now) => {
    const patientId = input.patientId;
    const person = await tx.person.findUniqueOrThrow({
      where: { id: patientId },
      select: { ...nameSelect, insz: true, birthDate: true },
    });
    const episodes = await tx.careEpisode.findMany({
      take: LIST_LIMITS.careEpisodes,
      where: { patientId },
      orderBy: { startDate: "asc" },
    });
    const assignments = await tx.careTeamAssignment.findMany({
      take: LIST_LIMITS.relations,
      where: { patientId },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      select: {
        id: true,
        nurseId: true,
        responsible: true,
        startDate: true,
        endDate: true,
        nurse: { select: nameSelect },
      },
    });
    const nurses = await tx.person.findMany({
      take: LIST_LIMITS.relations,
      where: { roles: { some: { role: "NURSE" } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, ...nameSelect },
    });
    const relations = await tx.therapeuticRelation.findMany({
      take: LIST_LIMITS.relations,
      where: { patientId },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        term: true,
        source: true,
        sourceReference: true,
        startDate: true,
        endDate: true,
        revokedAt: true,
        caregiver: { select: nameSelect },
        recordedBy: { select: nameSelect },
      },
    });
    const representations = await tx.legalRepresentation.findMany({
      take: LIST_LIMITS.relations,
      where: { patientId },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      select: {
        id: true,
        basis: true,
        source: true,
        sourceReference: true,
        startDate: true,
        endDate: true,
        revokedAt: true,
        representative: { select: nameSelect },
        recordedBy: { select: nameSelect },
      },
    });

    const running = (start: Date, end: Date | null) =>
      isoDateOfColumn(start) <= today && (end === null || isoDateOfColumn(end) >= today);
    const careOngoing = episodes.some((episode) => episode.endDate === null);
    const lastEnd = episodes.reduce<Date | null>(
      (latest, episode) => (episode.endDate && (!latest || episode.endDate > latest) ? episode.endDate : latest),
      null,
    );
    const careTeam = assignments.map((assignment) => ({
      assignmentId: assignment.id,
      nurseId: assignment.nurseId,
      name: displayName(assignment.nurse),
      responsible: assignment.responsible,
      startDate: isoDateOfColumn(assignment.startDate),
      endDate: assignment.endDate ? isoDateOfColumn(assignment.endDate) : null,
      active: running(assignment.startDate, assignment.endDate),
    }));
    const inTeam = new Set(careTeam.filter((member) => member.active).map((member) => member.nurseId));
    return {
      patientId,
      name: displayName(person),
      insz: person.insz,
      birthDate: person.birthDate ? isoDateOfColumn(person.birthDate) : null,
      ageBand: ageBand(person.birthDate, now),
      episodes: episodes.map((episode) => ({
        id: episode.id,
        startDate: isoDateOfColumn(episode.startDate),
        endDate: episode.endDate ? isoDateOfColumn(episode.endDate) : null,
      })),
      careOngoing,
      onlineUntil: !careOngoing && lastEnd ? lastDayOnline(lastEnd, env.AVAILABILITY_WINDOW_MONTHS) : null,
      careTeam,
      assignableNurses: nurses
        .filter((nurse) => !inTeam.has(nurse.id))
        .map((nurse) => ({ personId: nurse.id, name: displayName(nurse) })),
      relations: relations.map((relation) => ({
        id: relation.id,
        caregiver: displayName(relation.caregiver),
        kind: relation.kind,
        term: relation.term,
        source: relation.source,
        sourceReference: relation.sourceReference,
        recordedBy: relation.recordedBy ? displayName(relation.recordedBy) : null,
        startDate: isoDateOfColumn(relation.startDate),
        endDate: relation.endDate ? isoDateOfColumn(relation.endDate) : null,
        revoked: relation.revokedAt !== null,
        inForce: relation.revokedAt === null && running(relation.startDate, relation.endDate),
      })),
      representatives: representations.map((representation) => ({
        id: representation.id,
        name: displayName(representation.representative),
        basis: representation.basis,
        source: representation.source,
        sourceReference: representation.sourceReference,
        recordedBy: representation.recordedBy ? displayName(representation.recordedBy) : null,
        startDate: isoDateOfColumn(representation.startDate),
        endDate: representation.endDate ? isoDateOfColumn(representation.endDate) : null,
        active: representation.revokedAt === null && running(representation.startDate, representation.endDate),
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Care episodes
// ---------------------------------------------------------------------------------------------

/** Starts care on `startDate` (today or earlier), after every earlier episode ended. */
export async function startCareEpisode(
  input: CoordinationInput & { patientId: string; startDate: string },
): Promise<Outcome<Change<"already_in_care" | "date_in_future" | "overlaps_earlier_care">>> {
  return coordinate(input, "START_CARE_EPISODE", async (tx, today) => {
    if (input.startDate > today) return { ok: false, problem: "date_in_future" };
    const episodes = await tx.careEpisode.findMany({
      take: LIST_LIMITS.careEpisodes,
      where: { patientId: input.patientId },
    });
    if (episodes.some((episode) => episode.endDate === null)) return { ok: false, problem: "already_in_care" };
    if (episodes.some((episode) => episode.endDate && isoDateOfColumn(episode.endDate) >= input.startDate))
      return { ok: false, problem: "overlaps_earlier_care" };
    await tx.careEpisode.create({ data: { patientId: input.patientId, startDate: calendarDate(input.startDate) } });
    return { ok: true, changed: true };
  });
}

export type EndEpisodeResult =
  | { ok: true; endedOn: string; onlineUntil: string }
  | { ok: false; problem: "not_in_care" | "date_in_future" | "before_start" };

/**
 * Ends the ongoing care episode on `endDate` (today or earlier, not before it started). From then
 * on the availability window runs: the file stays online until `onlineUntil` (included), and the
 * patient's home says so. Care-team assignments and relations are left as they are: the window,
 * not they, decides how long anyone still reads the file.
 */
export async function endCareEpisode(
  input: CoordinationInput & { patientId: string; endDate: string },
): Promise<Outcome<EndEpisodeResult>> {
  return coordinate(input, "END_CARE_EPISODE", async (tx, today): Promise<EndEpisodeResult> => {
    if (input.endDate > today) return { ok: false, problem: "date_in_future" };
    const ongoing = await tx.careEpisode.findFirst({ where: { patientId: input.patientId, endDate: null } });
    if (!ongoing) return { ok: false, problem: "not_in_care" };
    if (input.endDate < isoDateOfColumn(ongoing.startDate)) return { ok: false, problem: "before_start" };
    await tx.careEpisode.update({ where: { id: ongoing.id }, data: { endDate: calendarDate(input.endDate) } });
    return {
      ok: true,
      endedOn: input.endDate,
      onlineUntil: lastDayOnline(calendarDate(input.endDate), env.AVAILABILITY_WINDOW_MONTHS),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The care team
// ---------------------------------------------------------------------------------------------

const activeOn = (day: Date) => ({ startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] });

/**
 * Adds a nurse to the care team from today, or makes a nurse of the team the responsible one.
 * There is one responsible nurse: appointing one takes the role from the others (they stay in the
 * team). Health-data corrections go to the responsible nurse (lib/corrections).
 */
export async function assignCareTeamNurse(
  input: CoordinationInput & { patientId: string; nurseId: string; responsible: boolean },
): Promise<Outcome<Change<"not_a_nurse">>> {
  return coordinate(input, "ASSIGN_CARE_TEAM_NURSE", async (tx, today) => {
    const isNurse = await tx.personRole.findUnique({
      where: { personId_role: { personId: input.nurseId, role: "NURSE" } },
      select: { id: true },
    });
    // A forged id of someone who is no nurse is refused like an unknown one.
    if (!isNurse) return { ok: false, problem: "not_a_nurse" };
    const day = calendarDate(today);
    const current = await tx.careTeamAssignment.findFirst({
      where: { patientId: input.patientId, nurseId: input.nurseId, ...activeOn(day) },
      select: { id: true, responsible: true },
    });
    if (current && (current.responsible || !input.responsible)) return { ok: true, changed: false };
    if (input.responsible) {
      await tx.careTeamAssignment.updateMany({
        where: { patientId: input.patientId, responsible: true, ...activeOn(day) },
        data: { responsible: false },
      });
    }
    if (current) await tx.careTeamAssignment.update({ where: { id: current.id }, data: { responsible: true } });
    else
      await tx.careTeamAssignment.create({
        data: { patientId: input.patientId, nurseId: input.nurseId, startDate: day, responsible: input.responsible },
      });
    return { ok: true, changed: true };
  });
}

/**
 * Takes a nurse out of the care team at once: the assignment's last day becomes yesterday, so the
 * care-team grant ends with this request (an assignment is active through its end date). The row
 * stays, as the team's history.
 */
export async function unassignCareTeamNurse(
  input: CoordinationInput & { patientId: string; assignmentId: string },
): Promise<Outcome<Change<"not_found">>> {
  return coordinate(input, "UNASSIGN_CARE_TEAM_NURSE", async (tx, today) => {
    const day = calendarDate(today);
    // Scoped to this patient: an assignment id of another patient changes nothing.
    const assignment = await tx.careTeamAssignment.findFirst({
      where: { id: input.assignmentId, patientId: input.patientId },
      select: { id: true, startDate: true, endDate: true },
    });
    if (!assignment) return { ok: false, problem: "not_found" };
    if (assignment.endDate && assignment.endDate < day) return { ok: true, changed: false };
    await tx.careTeamAssignment.update({
      where: { id: assignment.id },
      data: { endDate: calendarDate(addCalendarDays(today, -1)) },
    });
    return { ok: true, changed: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Relations and representatives, with their proof
// ---------------------------------------------------------------------------------------------

/**
 * A therapeutic relation a document proves (a referral, a signed agreement), beside the ones
 * eHealth and the record system send. It has a term like an eHealth link and ends by itself:
 * start date + term (lib/ehealth/terms.ts). Source STAFF_DOCUMENT, the document's reference and
 * the coordinator as proof.
 */
export async function recordTherapeuticRelation(
  input: CoordinationInput & { patientId: string } & RecordRelationForm,
): Promise<Outcome<Change<"unknown_caregiver" | "date_in_future" | "already_recorded">>> {
  input = { ...input, caregiverInsz: inszDigits(input.caregiverInsz, "caregiverInsz") };
  return coordinate(input, "RECORD_THERAPEUTIC_RELATION", async (tx, today) => {
    if (input.startDate > today) return { ok: false, problem: "date_in_future" };
    const caregiver = await tx.person.findUnique({
      where: { insz: input.caregiverInsz },
      select: { id: true, roles: { where: { role: { in: ["DOCTOR", "CAREGIVER"] } }, select: { profession: true } } },
    });
    if (!caregiver || caregiver.roles.length === 0) return { ok: false, problem: "unknown_caregiver" };
    const duplicate = await tx.therapeuticRelation.findUnique({
      where: {
        source_sourceReference_patientId_caregiverId: {
          source: "STAFF_DOCUMENT",
          sourceReference: input.proof,
          patientId: input.patientId,
          caregiverId: caregiver.id,
        },
      },
      select: { id: true },
    });
    if (duplicate) return { ok: false, problem: "already_recorded" };
    await tx.therapeuticRelation.create({
      data: {
        patientId: input.patientId,
        caregiverId: caregiver.id,
        kind: caregiver.roles[0]?.profession ?? "OTHER",
        term: input.term,
        startDate: calendarDate(input.startDate),
        endDate: calendarDate(linkLastDay(input.startDate, input.term)),
        source: "STAFF_DOCUMENT",
        sourceReference: input.proof,
        recordedById: input.actor.personId,
      },
    });
    return { ok: true, changed: true };
  });
}

/**
 * A legal representative with proof (a birth certificate for a parent, a court order for an
 * appointed representative). The representative is named by national number and last name; a
 * person the portal does not know yet is created (first name needed). They get the
 * LEGAL_REPRESENTATIVE role; what the representation lets them do depends on the patient's age on
 * each day (policy.ts). A parent's representation of a patient of 16 or more would grant nothing,
 * so it is refused; a representative must be an adult.
 */
export type RepresentativeProblem =
  | "name_mismatch"
  | "first_name_needed"
  | "self"
  | "representative_minor"
  | "parent_of_16_or_older"
  | "proof_already_used";

export async function recordLegalRepresentative(
  input: CoordinationInput & { patientId: string } & RecordRepresentativeForm,
): Promise<Outcome<Change<RepresentativeProblem>>> {
  input = { ...input, representativeInsz: inszDigits(input.representativeInsz, "representativeInsz") };
  return coordinate(
    input,
    "RECORD_LEGAL_REPRESENTATIVE",
    async (tx, today, now): Promise<Change<RepresentativeProblem>> => {
      const patient = await tx.person.findUniqueOrThrow({
        where: { id: input.patientId },
        select: { birthDate: true },
      });
      const band = ageBand(patient.birthDate, now);
      if (input.basis === "PARENT" && (band === "16_to_17" || band === "adult"))
        return { ok: false, problem: "parent_of_16_or_older" };
      if (ageBand(inszBirthDate(input.representativeInsz), now) !== "adult")
        return { ok: false, problem: "representative_minor" };

      const known = await tx.person.findUnique({
        where: { insz: input.representativeInsz },
        select: { id: true, lastName: true },
      });
      if (known && !sameLastName(input.lastName, known.lastName)) return { ok: false, problem: "name_mismatch" };
      if (known?.id === input.patientId) return { ok: false, problem: "self" };
      if (!known && !input.firstName) return { ok: false, problem: "first_name_needed" };
      const representativeId =
        known?.id ??
        (
          await tx.person.create({
            data: {
              insz: input.representativeInsz,
              firstName: input.firstName!,
              lastName: input.lastName,
              birthDate: inszBirthDate(input.representativeInsz),
              locale: "nl-BE",
            },
            select: { id: true },
          })
        ).id;

      const day = calendarDate(today);
      const active = await tx.legalRepresentation.findFirst({
        where: { patientId: input.patientId, representativeId, basis: input.basis, revokedAt: null, ...activeOn(day) },
        select: { id: true },
      });
      if (active) return { ok: true, changed: false };
      // One document proves one representation of this pair: an ended one is not revived with it.
      const sameProof = await tx.legalRepresentation.findUnique({
        where: {
          source_sourceReference_patientId_representativeId: {
            source: "STAFF_DOCUMENT",
            sourceReference: input.proof,
            patientId: input.patientId,
            representativeId,
          },
        },
        select: { id: true },
      });
      if (sameProof) return { ok: false, problem: "proof_already_used" };
      await tx.legalRepresentation.create({
        data: {
          patientId: input.patientId,
          representativeId,
          basis: input.basis,
          startDate: day,
          source: "STAFF_DOCUMENT",
          sourceReference: input.proof,
          recordedById: input.actor.personId,
        },
      });
      // The representation is what makes someone a representative: without the role they could
      // not sign in as one. They still accept that role's declaration before reading anything.
      await tx.personRole.upsert({
        where: { personId_role: { personId: representativeId, role: "LEGAL_REPRESENTATIVE" } },
        create: { personId: representativeId, role: "LEGAL_REPRESENTATIVE" },
        update: {},
      });
      return { ok: true, changed: true };
    },
  );
}
