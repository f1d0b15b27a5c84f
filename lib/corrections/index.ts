// Correction requests end to end (domain.md "Rights of the data subject": facts are corrected,
// a professional assessment is not rewritten but gets the patient's own comment, answer within
// 4 weeks). A patient or a caregiver asks (REQUEST_CORRECTION); the service center works the
// queue: administrative data it corrects itself, with a reason, keeping the previous value in
// RecordRevision (CORRECT_ADMINISTRATIVE); health data goes to the responsible nurse.
//
// Every read or write of a patient's data goes through withPatientAccess; for the service
// center's actions the patient is taken from the stored request, never from the form.
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, withPatientAccess } from "@/lib/access";
import { requireServiceCenter } from "@/lib/access/misuse";
import { belgianCalendarDay } from "@/lib/belgian-calendar";
import { PAGE_SIZES } from "@/lib/dossier/paging";
import { LIST_LIMITS } from "@/lib/limits";
import { PortalError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CorrectionStatus, FileSection, Role } from "@/lib/generated/prisma/enums";
import { displayName } from "@/lib/people/display-name";
import {
  type AdministrativeField,
  administrativeFields,
  CORRECTION_ANSWER_DAYS,
  correctableEntityTypes,
} from "./schemas";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient;
type Actor = Pick<GatedActor, "personId" | "activeRole">;

export type Denied = { allowed: false; decision: AccessDecision };
export type Allowed<T> = { allowed: true; result: T };

const nameSelect = { honorific: true, firstName: true, lastName: true } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

async function resolveDb(db: Db | undefined): Promise<Db> {
  if (db) return db;
  // Imported lazily, as in lib/access: lib/db.ts is server-only and needs DATABASE_URL at import time.
  const { prisma } = await import("@/lib/db");
  return prisma;
}

// ---------------------------------------------------------------------------------------------
// Patient comments beside professional assessments
// ---------------------------------------------------------------------------------------------

export type PatientCommentView = {
  id: string;
  entityType: string;
  entityId: string;
  text: string;
  author: string | null;
  createdAt: Date;
};

/**
 * Unscoped: the caller must hold an allowed READ_HEALTH decision for this patient, taken in the
 * same transaction `tx` (the file view shows each comment beside its entry, to every reader).
 */
export async function listPatientComments(
  tx: Tx,
  patientId: string,
  /** Only the comments on these entries (a page of the file); all of the patient's otherwise. */
  entityIds?: readonly string[],
): Promise<PatientCommentView[]> {
  // The latest comments, put back in the order they were written.
  const rows = await tx.patientComment.findMany({
    where: { patientId, ...(entityIds ? { entityId: { in: [...entityIds] } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMITS.patientComments,
    select: { id: true, entityType: true, entityId: true, text: true, createdAt: true, author: { select: nameSelect } },
  });
  return rows.toReversed().map((row) => ({
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    text: row.text,
    createdAt: row.createdAt,
    author: row.author ? displayName(row.author) : null,
  }));
}

export type CommentResult = { ok: true; commentId: string } | { ok: false; problem: "not_an_assessment" };

/** The patient's own comment beside one of her professional assessments (EXERCISE_PATIENT_RIGHTS). */
export async function addPatientComment(input: {
  actor: Actor;
  patientId: string;
  noteId: string;
  text: string;
  idempotencyKey: string;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<Allowed<CommentResult> | Denied> {
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      requestId: input.requestId,
      action: "EXERCISE_PATIENT_RIGHTS",
      db: input.db,
      now: input.now,
    },
    async (tx): Promise<CommentResult> => {
      const note = await tx.nursingNote.findFirst({
        where: { id: input.noteId, patientId: input.patientId, kind: "ASSESSMENT" },
        select: { id: true },
      });
      if (!note) return { ok: false, problem: "not_an_assessment" };
      // The form's key is the row's id: a second submit of the same form finds its row.
      const existing = await tx.patientComment.findUnique({
        where: { id: input.idempotencyKey },
        select: { id: true, patientId: true },
      });
      if (existing) {
        if (existing.patientId !== input.patientId) throw new PortalError("conflict");
        return { ok: true, commentId: existing.id };
      }
      const comment = await tx.patientComment.create({
        data: {
          id: input.idempotencyKey,
          patientId: input.patientId,
          entityType: "NursingNote",
          entityId: note.id,
          text: input.text.trim(),
          authorId: input.actor.personId,
          createdAt: input.now,
        },
      });
      return { ok: true, commentId: comment.id };
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

// ---------------------------------------------------------------------------------------------
// Asking a correction
// ---------------------------------------------------------------------------------------------

export type RequestResult =
  | { ok: true; correctionId: string; dueAt: Date }
  /** A professional assessment is not corrected: the patient adds her comment beside it. */
  | { ok: false; problem: "assessment" | "unknown_entry" };

export async function requestCorrection(input: {
  actor: Actor;
  patientId: string;
  section: FileSection;
  /** One health entry the request is about, e.g. { type: "NursingNote", id }. */
  entry?: { type: string; id: string };
  description: string;
  idempotencyKey: string;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<Allowed<RequestResult> | Denied> {
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      requestId: input.requestId,
      action: "REQUEST_CORRECTION",
      db: input.db,
      now,
    },
    async (tx): Promise<RequestResult> => {
      const existing = await tx.correctionRequest.findUnique({
        where: { id: input.idempotencyKey },
        select: { id: true, patientId: true, requestedById: true, dueAt: true },
      });
      if (existing) {
        // The same form sent twice: the first request stands. A key reused by someone else is refused.
        if (existing.patientId !== input.patientId || existing.requestedById !== input.actor.personId)
          throw new PortalError("conflict");
        return { ok: true, correctionId: existing.id, dueAt: existing.dueAt };
      }
      if (input.entry) {
        const problem = await checkEntry(tx, input.patientId, input.entry);
        if (problem) return { ok: false, problem };
      }
      const dueAt = new Date(now.getTime() + CORRECTION_ANSWER_DAYS * DAY_MS);
      const created = await tx.correctionRequest.create({
        data: {
          id: input.idempotencyKey,
          patientId: input.patientId,
          requestedById: input.actor.personId,
          requesterRole: input.actor.activeRole as Role,
          // An entry is always health data, whatever section was picked.
          section: input.entry ? "HEALTH" : input.section,
          entityType: input.entry?.type ?? null,
          entityId: input.entry?.id ?? null,
          description: input.description.trim(),
          createdAt: now,
          dueAt,
        },
      });
      return { ok: true, correctionId: created.id, dueAt: created.dueAt };
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

async function checkEntry(
  tx: Tx,
  patientId: string,
  entry: { type: string; id: string },
): Promise<"assessment" | "unknown_entry" | null> {
  if (!(correctableEntityTypes as readonly string[]).includes(entry.type)) return "unknown_entry";
  const where = { id: entry.id, patientId };
  switch (entry.type) {
    case "NursingNote": {
      const note = await tx.nursingNote.findFirst({ where, select: { kind: true } });
      if (!note) return "unknown_entry";
      return note.kind === "ASSESSMENT" ? "assessment" : null;
    }
    case "VitalSign":
      return (await tx.vitalSign.count({ where })) === 1 ? null : "unknown_entry";
    case "CarePlanItem":
      return (await tx.carePlanItem.count({ where })) === 1 ? null : "unknown_entry";
    case "WoundCareEntry":
      return (await tx.woundCareEntry.count({ where })) === 1 ? null : "unknown_entry";
    case "MedicationScheduleItem":
      return (await tx.medicationScheduleItem.count({ where })) === 1 ? null : "unknown_entry";
    case "PlannedVisit":
      return (await tx.plannedVisit.count({ where })) === 1 ? null : "unknown_entry";
    default:
      return "unknown_entry";
  }
}

// ---------------------------------------------------------------------------------------------
// The patient's page: her requests, her assessments with her comments, her contact data
// ---------------------------------------------------------------------------------------------

export type CorrectionRequestView = {
  id: string;
  section: FileSection;
  entityType: string | null;
  entityId: string | null;
  description: string;
  status: CorrectionStatus;
  createdAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  requestedBy: string;
  requesterRole: Role;
};

export type PatientCorrectionsView = {
  requests: CorrectionRequestView[];
  notes: Array<{
    id: string;
    kind: string;
    writtenAt: Date;
    text: string;
    author: string | null;
    comments: PatientCommentView[];
  }>;
  contact: {
    phone: string | null;
    email: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
  };
};

const requestSelect = {
  id: true,
  section: true,
  entityType: true,
  entityId: true,
  description: true,
  status: true,
  createdAt: true,
  dueAt: true,
  resolvedAt: true,
  resolution: true,
  requesterRole: true,
  requestedBy: { select: nameSelect },
} as const;

function toRequestView(
  row: Prisma.CorrectionRequestGetPayload<{ select: typeof requestSelect }>,
): CorrectionRequestView {
  const { requestedBy, ...rest } = row;
  return { ...rest, requestedBy: displayName(requestedBy) };
}

/**
 * Read under READ_HEALTH: the page shows her recent nursing notes so she can point at one. The
 * patient's own view only: a caregiver who may read the file must still not see who else asked
 * what, so every other role is refused before any decision is taken.
 */
export async function readPatientCorrections(input: {
  actor: Actor;
  patientId: string;
  requestId: string;
  db?: Db;
  noteLimit?: number;
}): Promise<Allowed<PatientCorrectionsView> | Denied> {
  if (input.actor.activeRole !== "PATIENT") throw new PortalError("forbidden");
  const outcome = await withPatientAccess(
    { actor: input.actor, patientId: input.patientId, requestId: input.requestId, action: "READ_HEALTH", db: input.db },
    async (tx): Promise<PatientCorrectionsView> => {
      // One after the other: a transaction is one connection, and pg refuses overlapping queries on it.
      const requests = await tx.correctionRequest.findMany({
        where: { patientId: input.patientId },
        orderBy: { createdAt: "desc" },
        take: LIST_LIMITS.patientCorrectionRequests,
        select: requestSelect,
      });
      const notes = await tx.nursingNote.findMany({
        where: { patientId: input.patientId },
        orderBy: { writtenAt: "desc" },
        // The notes of her file's first page: a comment she adds shows there, beside its note.
        take: input.noteLimit ?? PAGE_SIZES.nursingNotes,
        select: { id: true, kind: true, writtenAt: true, text: true, author: { select: nameSelect } },
      });
      const comments = await listPatientComments(tx, input.patientId);
      const person = await tx.person.findUniqueOrThrow({
        where: { id: input.patientId },
        select: { phone: true, email: true, street: true, postalCode: true, city: true },
      });
      return {
        requests: requests.map(toRequestView),
        notes: notes.map((note) => ({
          id: note.id,
          kind: note.kind,
          writtenAt: note.writtenAt,
          text: note.text,
          author: note.author ? displayName(note.author) : null,
          comments: comments.filter((comment) => comment.entityType === "NursingNote" && comment.entityId === note.id),
        })),
        contact: person,
      };
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

// ---------------------------------------------------------------------------------------------
// The service center
// ---------------------------------------------------------------------------------------------

/**
 * A request as the service center sees it (domain.md: the service center never reads health data,
 * the free text of health correction requests included). For a HEALTH request the description and
 * the nurse's answer are withheld (null): the service center only routes it, and for that it needs
 * the patient, the date, the section and the nurse, nothing the patient wrote about her health.
 */
export type ServiceCenterRequestView = Omit<CorrectionRequestView, "description" | "resolution"> & {
  /** Null for a HEALTH request. */
  description: string | null;
  /** Null for a HEALTH request. */
  resolution: string | null;
};

/** The one place where the service center's views are cut from the stored request. */
function forServiceCenter(view: CorrectionRequestView): ServiceCenterRequestView {
  if (view.section !== "HEALTH") return view;
  return { ...view, description: null, resolution: null };
}

export type QueueItem = ServiceCenterRequestView & {
  patient: { id: string; name: string };
  overdue: boolean;
  assignedNurse: string | null;
};

/**
 * Open and routed requests, earliest deadline first, so overdue ones lead. Only what routing
 * needs: who asked, about which patient and section, when, and the request text of
 * administrative requests (never of health ones). No file data is read for the list, so it is not
 * a look at any patient's file and takes no access decision; opening one request does
 * (readCorrectionForServiceCenter, READ_ADMINISTRATIVE, logged).
 */
export async function listCorrectionQueue(input: { actor: GatedActor; db?: Db; now?: Date }): Promise<QueueItem[]> {
  requireServiceCenter(input.actor);
  const db = await resolveDb(input.db);
  const now = input.now ?? new Date();
  const rows = await db.correctionRequest.findMany({
    where: { status: { in: ["OPEN", "ROUTED_TO_NURSE"] } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: LIST_LIMITS.correctionQueue,
    select: {
      ...requestSelect,
      patient: { select: { id: true, person: { select: nameSelect } } },
      assignedNurse: { select: nameSelect },
    },
  });
  return rows.map(({ patient, assignedNurse, ...row }) => ({
    ...forServiceCenter(toRequestView(row)),
    patient: { id: patient.id, name: displayName(patient.person) },
    overdue: row.dueAt.getTime() <= now.getTime(),
    assignedNurse: assignedNurse ? displayName(assignedNurse) : null,
  }));
}

export type AdministrativeValues = {
  values: Record<AdministrativeField, string | null>;
  /** The row version each field's row had when read; 0 when the row does not exist yet. */
  versions: Record<AdministrativeField, number>;
};

export type CorrectionDetail = {
  request: ServiceCenterRequestView & { version: number; patient: { id: string; name: string } };
  administrative: AdministrativeValues;
  responsibleNurse: string | null;
  /** Who the request was routed to, while it waits there. */
  assignedNurse: string | null;
  /**
   * Routed to a nurse who is no longer the patient's responsible nurse (she left the team, the
   * team changed): the request would wait on a list nobody works, so it may be routed again.
   */
  reroutable: boolean;
};

async function findRequestPatient(db: Db, correctionId: string): Promise<string> {
  const row = await db.correctionRequest.findUnique({ where: { id: correctionId }, select: { patientId: true } });
  if (!row) throw new PortalError("not_found", { userMessage: "No correction request with this id." });
  return row.patientId;
}

async function readAdministrative(tx: Tx, patientId: string): Promise<AdministrativeValues> {
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: {
      person: {
        select: {
          firstName: true,
          lastName: true,
          phone: true,
          email: true,
          street: true,
          postalCode: true,
          city: true,
          version: true,
        },
      },
      socialData: { select: { livingSituation: true, informalCarers: true, homeAccess: true, version: true } },
      financialData: { select: { insuranceFund: true, insuranceNumber: true, billingAddress: true, version: true } },
    },
  });
  const { person, socialData: social, financialData: financial } = patient;
  const values = {} as Record<AdministrativeField, string | null>;
  const versions = {} as Record<AdministrativeField, number>;
  for (const field of Object.keys(administrativeFields) as AdministrativeField[]) {
    const [group, column] = field.split(".") as [string, string];
    const row = (group === "social" ? social : group === "financial" ? financial : person) as Record<
      string,
      unknown
    > | null;
    values[field] = row ? ((row[column] as string | null) ?? null) : null;
    versions[field] = row ? (row.version as number) : 0;
  }
  return { values, versions };
}

async function responsibleNurseOf(tx: Tx, patientId: string, now: Date): Promise<{ id: string; name: string } | null> {
  const today = belgianCalendarDay(now);
  const assignment = await tx.careTeamAssignment.findFirst({
    where: {
      patientId,
      responsible: true,
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
    },
    orderBy: { startDate: "desc" },
    select: { nurse: { select: { id: true, ...nameSelect } } },
  });
  return assignment ? { id: assignment.nurse.id, name: displayName(assignment.nurse) } : null;
}

/** One request with the patient's current administrative data (READ_ADMINISTRATIVE, logged). */
export async function readCorrectionForServiceCenter(input: {
  actor: GatedActor;
  correctionId: string;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<Allowed<CorrectionDetail> | Denied> {
  requireServiceCenter(input.actor);
  const db = await resolveDb(input.db);
  const patientId = await findRequestPatient(db, input.correctionId);
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    { actor: input.actor, patientId, requestId: input.requestId, action: "READ_ADMINISTRATIVE", db, now },
    async (tx): Promise<CorrectionDetail> => {
      const row = await tx.correctionRequest.findUniqueOrThrow({
        where: { id: input.correctionId },
        select: {
          ...requestSelect,
          version: true,
          assignedNurseId: true,
          patient: { select: { id: true, person: { select: nameSelect } } },
          assignedNurse: { select: nameSelect },
        },
      });
      const { patient, version, assignedNurseId, assignedNurse, ...rest } = row;
      const nurse = await responsibleNurseOf(tx, patientId, now);
      const waitingWithNurse = rest.status === "ROUTED_TO_NURSE";
      return {
        request: {
          ...forServiceCenter(toRequestView(rest)),
          version,
          patient: { id: patient.id, name: displayName(patient.person) },
        },
        // Health data is never read here (domain.md: the service center never reads health data).
        administrative: await readAdministrative(tx, patientId),
        responsibleNurse: nurse?.name ?? null,
        assignedNurse: waitingWithNurse && assignedNurse ? displayName(assignedNurse) : null,
        reroutable: waitingWithNurse && nurse !== null && nurse.id !== assignedNurseId,
      };
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

const HANDLED_MEANWHILE = "This request was handled or changed by someone else in the meantime. Reload it.";

/** Closes an open request, or throws `conflict` when someone else handled or changed it first. */
async function closeRequest(
  tx: Tx,
  input: { correctionId: string; correctionVersion: number },
  data: Prisma.CorrectionRequestUncheckedUpdateManyInput,
  from: CorrectionStatus[] = ["OPEN"],
): Promise<void> {
  const updated = await tx.correctionRequest.updateMany({
    where: { id: input.correctionId, version: input.correctionVersion, status: { in: from } },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new PortalError("conflict", { userMessage: HANDLED_MEANWHILE });
}

type ServiceCenterChange = {
  actor: GatedActor;
  correctionId: string;
  correctionVersion: number;
  requestId: string;
  db?: Db;
  now?: Date;
};

async function serviceCenterWrite<T>(
  input: ServiceCenterChange,
  work: (tx: Tx, patientId: string, now: Date) => Promise<T>,
): Promise<Allowed<T> | Denied> {
  requireServiceCenter(input.actor);
  const db = await resolveDb(input.db);
  const patientId = await findRequestPatient(db, input.correctionId);
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    { actor: input.actor, patientId, requestId: input.requestId, action: "CORRECT_ADMINISTRATIVE", db, now },
    (tx) => work(tx, patientId, now),
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

/**
 * Corrects one administrative field and resolves the request, in one transaction with the
 * CORRECT_ADMINISTRATIVE log entry. The row's version must still be the one the agent saw
 * (optimistic concurrency: a stale form answers `conflict`, never overwrites), and the previous
 * value is kept in RecordRevision with the reason.
 */
export async function resolveAdministrativeCorrection(
  input: ServiceCenterChange & { field: AdministrativeField; value: string; entityVersion: number; reason: string },
): Promise<Allowed<{ resolved: true }> | Denied> {
  const reason = input.reason.trim();
  const spec = administrativeFields[input.field];
  if (!spec) throw new PortalError("invalid_input");
  const value = input.value.trim() === "" ? null : input.value.trim();
  if (spec.required && value === null)
    throw new PortalError("invalid_input", { issues: [{ path: "value", message: "Required" }] });
  return serviceCenterWrite(input, async (tx, patientId, now) => {
    const request = await tx.correctionRequest.findUniqueOrThrow({
      where: { id: input.correctionId },
      select: { section: true },
    });
    if (request.section === "HEALTH")
      throw new PortalError("invalid_input", { userMessage: "Health data is corrected by the responsible nurse." });
    const [group, column] = input.field.split(".") as ["identification" | "contact" | "social" | "financial", string];
    const entityType =
      group === "social" ? "SocialData" : group === "financial" ? "FinancialAdministrativeData" : "Person";
    const current = await readAdministrative(tx, patientId);
    const previousValue = current.values[input.field];
    const currentVersion = current.versions[input.field];
    if (currentVersion !== input.entityVersion)
      throw new PortalError("conflict", {
        userMessage: "These data were changed by someone else in the meantime. Reload and check them.",
      });

    const data = { [column]: value, version: { increment: 1 } };
    let changed: number;
    if (entityType === "Person") {
      changed = (await tx.person.updateMany({ where: { id: patientId, version: input.entityVersion }, data })).count;
    } else if (currentVersion === 0) {
      // No row yet: created with the corrected field (the unique patient id refuses a second one).
      if (entityType === "SocialData") await tx.socialData.create({ data: { patientId, [column]: value } });
      else await tx.financialAdministrativeData.create({ data: { patientId, [column]: value } });
      changed = 1;
    } else if (entityType === "SocialData") {
      changed = (await tx.socialData.updateMany({ where: { patientId, version: input.entityVersion }, data })).count;
    } else {
      changed = (
        await tx.financialAdministrativeData.updateMany({ where: { patientId, version: input.entityVersion }, data })
      ).count;
    }
    if (changed !== 1)
      throw new PortalError("conflict", {
        userMessage: "These data were changed by someone else in the meantime. Reload and check them.",
      });

    await tx.recordRevision.create({
      data: {
        patientId,
        entityType,
        entityId: patientId,
        version: input.entityVersion,
        previous: { [column]: previousValue },
        reason,
        authorId: input.actor.personId,
        changedAt: now,
      },
    });
    await closeRequest(tx, input, {
      status: "RESOLVED",
      resolvedAt: now,
      resolvedById: input.actor.personId,
      resolution: reason,
    });
    return { resolved: true as const };
  });
}

/**
 * Sends a health-data request to the patient's responsible nurse; health data is theirs to
 * correct. A request already routed goes again only when its nurse is no longer the responsible
 * one (otherwise it would wait on the list of a nurse who left the team).
 */
export async function routeCorrectionToNurse(
  input: ServiceCenterChange,
): Promise<
  Allowed<{ ok: true; nurse: string } | { ok: false; problem: "no_responsible_nurse" | "already_with_nurse" }> | Denied
> {
  return serviceCenterWrite(input, async (tx, patientId, now) => {
    const request = await tx.correctionRequest.findUniqueOrThrow({
      where: { id: input.correctionId },
      select: { section: true, status: true, assignedNurseId: true, version: true },
    });
    if (request.section !== "HEALTH")
      throw new PortalError("invalid_input", {
        userMessage: "Administrative data is corrected by the service center.",
      });
    const nurse = await responsibleNurseOf(tx, patientId, now);
    if (!nurse) return { ok: false as const, problem: "no_responsible_nurse" as const };
    if (request.version !== input.correctionVersion)
      throw new PortalError("conflict", { userMessage: HANDLED_MEANWHILE });
    if (request.status === "ROUTED_TO_NURSE" && request.assignedNurseId === nurse.id)
      return { ok: false as const, problem: "already_with_nurse" as const };
    await closeRequest(tx, input, { status: "ROUTED_TO_NURSE", assignedNurseId: nurse.id }, [
      "OPEN",
      "ROUTED_TO_NURSE",
    ]);
    return { ok: true as const, nurse: nurse.name };
  });
}

/** Refuses a request with the reason the requester reads. */
export async function rejectCorrection(
  input: ServiceCenterChange & { reason: string },
): Promise<Allowed<{ rejected: true }> | Denied> {
  const reason = input.reason.trim();
  return serviceCenterWrite(input, async (tx, _patientId, now) => {
    await closeRequest(tx, input, {
      status: "REJECTED",
      resolvedAt: now,
      resolvedById: input.actor.personId,
      resolution: reason,
    });
    return { rejected: true as const };
  });
}
