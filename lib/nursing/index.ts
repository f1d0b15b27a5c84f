// Writing the nursing file (domain.md, NURSE): every function here takes the acting nurse and
// goes through withPatientAccess with WRITE_NURSING_FILE, so the change and its access-log entry
// commit together and a refusal writes nothing but its log entry.
//
// Lost writes are the worst bug of a health file, so:
// - creates use the client-generated id of the form as the row id (ON CONFLICT DO NOTHING): a
//   double submit or a retried request finds its own row and creates no second one;
// - updates carry the version the nurse saw; a row changed in the meantime answers `conflict`
//   and nothing is written (the access entry of the attempt still commits);
// - a correction keeps the previous state in RecordRevision with who, when and why.
import { randomUUID } from "node:crypto";
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, assertAllowed, withPatientAccess, type AuthorizeInput } from "@/lib/access";
import { unsafeReadNursingFile, type HealthSection, type NursingFile } from "@/lib/dossier/read";
import { type FilePage, firstPage, formatCursor, type PagedList } from "@/lib/dossier/paging";
import { belgianCalendarDay, brusselsLocalToInstant, isoDateOfColumn } from "@/lib/belgian-calendar";
import { PortalError } from "@/lib/errors";
import { LIST_LIMITS } from "@/lib/limits";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/people/display-name";
import { type RoutedCorrection, unsafeReadRoutedCorrections } from "./team";
import {
  vitalRanges,
  type AddNoteInput,
  type CorrectNoteInput,
  type CorrectVitalInput,
  type PlanVisitInput,
  type RecordVitalInput,
  type UpdateCarePlanItemInput,
} from "./schemas";

type Tx = Prisma.TransactionClient;

export type NursingContext = {
  actor: Pick<GatedActor, "personId" | "activeRole">;
  patientId: string;
  requestId?: string;
  db?: PrismaClient;
  now?: Date;
};

type Conflict = { conflict: "stale" | "missing" | "id_taken" };

function accessInput(context: NursingContext, action: AuthorizeInput["action"]): AuthorizeInput {
  return {
    actor: context.actor,
    patientId: context.patientId,
    action,
    requestId: context.requestId ?? `nursing-${randomUUID()}`,
    db: context.db,
    now: context.now,
  };
}

/** Runs a write as WRITE_NURSING_FILE; denials and conflicts become PortalErrors after the commit. */
async function write<T>(context: NursingContext, work: (tx: Tx, now: Date) => Promise<T | Conflict>): Promise<T> {
  const now = context.now ?? new Date();
  const outcome = await withPatientAccess({ ...accessInput(context, "WRITE_NURSING_FILE"), now }, (tx) =>
    work(tx, now),
  );
  assertAllowed(outcome.decision);
  if (!outcome.allowed) throw new PortalError("forbidden");
  const result = outcome.result;
  if (isConflict(result)) {
    if (result.conflict === "missing")
      throw new PortalError("not_found", { userMessage: "This entry no longer exists in this file." });
    if (result.conflict === "id_taken")
      throw new PortalError("conflict", {
        userMessage: "This form was already used for another entry. Reload the page.",
      });
    throw new PortalError("conflict");
  }
  return result;
}

function isConflict(value: unknown): value is Conflict {
  return typeof value === "object" && value !== null && "conflict" in value && Object.keys(value).length === 1;
}

/**
 * Inserts unless a row with this id exists, then reads the row back. The id came from the
 * form: finding it for the same patient and author means this very submit already succeeded.
 */
async function createOnce<Row extends { patientId: string }>(
  insert: () => Promise<unknown>,
  readBack: () => Promise<Row | null>,
  owner: (row: Row) => boolean,
): Promise<{ row: Row; created: boolean } | Conflict> {
  const inserted = (await insert()) as { count: number };
  const row = await readBack();
  if (!row) return { conflict: "missing" };
  if (!owner(row)) return { conflict: "id_taken" };
  return { row, created: inserted.count === 1 };
}

export async function addNursingNote(context: NursingContext, input: AddNoteInput) {
  return write(context, (tx, now) =>
    createOnce(
      () =>
        tx.nursingNote.createMany({
          data: [
            {
              id: input.id,
              patientId: context.patientId,
              authorId: context.actor.personId,
              kind: input.kind,
              text: input.text,
              writtenAt: now,
            },
          ],
          skipDuplicates: true,
        }),
      () =>
        tx.nursingNote.findUnique({
          where: { id: input.id },
          select: { id: true, patientId: true, authorId: true, version: true },
        }),
      (row) => row.patientId === context.patientId && row.authorId === context.actor.personId,
    ),
  );
}

export async function recordVitalSign(context: NursingContext, input: RecordVitalInput) {
  return write(context, (tx, now) =>
    createOnce(
      () =>
        tx.vitalSign.createMany({
          data: [
            {
              id: input.id,
              patientId: context.patientId,
              type: input.type,
              value: input.value,
              secondaryValue: input.secondaryValue,
              // The unit follows from the type, never from the form: a reading cannot be stored in the wrong unit.
              unit: vitalRanges[input.type].unit,
              measuredAt: now,
              recordedById: context.actor.personId,
              note: input.note,
            },
          ],
          skipDuplicates: true,
        }),
      () =>
        tx.vitalSign.findUnique({ where: { id: input.id }, select: { id: true, patientId: true, recordedById: true } }),
      (row) => row.patientId === context.patientId && row.recordedById === context.actor.personId,
    ),
  );
}

export async function planVisit(context: NursingContext, input: PlanVisitInput) {
  const startsAt = brusselsLocalToInstant(input.startsAt);
  const now = context.now ?? new Date();
  // A visit is planned ahead; a moment in the past is a slip in the date field.
  if (startsAt.getTime() < now.getTime() - 5 * 60_000) {
    throw new PortalError("invalid_input", {
      userMessage: "Plan the visit in the future.",
      issues: [{ path: "startsAt", message: "in_past" }],
    });
  }
  return write({ ...context, now }, (tx) =>
    createOnce(
      () =>
        tx.plannedVisit.createMany({
          data: [
            {
              id: input.id,
              patientId: context.patientId,
              nurseId: context.actor.personId,
              startsAt,
              durationMinutes: input.durationMinutes,
              purpose: input.purpose,
            },
          ],
          skipDuplicates: true,
        }),
      () =>
        tx.plannedVisit.findUnique({ where: { id: input.id }, select: { id: true, patientId: true, nurseId: true } }),
      (row) => row.patientId === context.patientId && row.nurseId === context.actor.personId,
    ),
  );
}

/**
 * The one way an entry of the file is changed: the row is updated only if it still has the
 * version the nurse saw (compare-and-set in the WHERE clause, so two nurses cannot both win),
 * and the state it had goes to RecordRevision with who, when and why. A missing row or a moved
 * version writes nothing and answers a conflict.
 */
async function reviseEntry<Row extends { id: string; version: number }>(
  tx: Tx,
  context: NursingContext,
  now: Date,
  entry: {
    entityType: RevisedEntityType;
    seenVersion: number;
    reason: string;
    current: Row | null;
    /** Runs the conditional update (it must include `version: seenVersion` in its WHERE). */
    update: (row: Row) => Promise<{ count: number }>;
    previous: (row: Row) => Prisma.InputJsonValue;
  },
): Promise<{ id: string; version: number } | Conflict> {
  const row = entry.current;
  if (!row) return { conflict: "missing" };
  if (row.version !== entry.seenVersion) return { conflict: "stale" };
  if ((await entry.update(row)).count !== 1) return { conflict: "stale" };
  await tx.recordRevision.create({
    data: {
      patientId: context.patientId,
      entityType: entry.entityType,
      entityId: row.id,
      version: row.version,
      previous: entry.previous(row),
      reason: entry.reason,
      authorId: context.actor.personId,
      changedAt: now,
    },
  });
  return { id: row.id, version: row.version + 1 };
}

/** Corrects the text of a nursing note; the previous text and kind stay in its history. */
export async function correctNursingNote(context: NursingContext, input: CorrectNoteInput) {
  return write(context, async (tx, now) =>
    reviseEntry(tx, context, now, {
      entityType: "NursingNote",
      seenVersion: input.version,
      reason: input.reason,
      current: await tx.nursingNote.findFirst({ where: { id: input.noteId, patientId: context.patientId } }),
      update: (note) =>
        tx.nursingNote.updateMany({
          where: { id: note.id, patientId: context.patientId, version: input.version },
          data: { text: input.text, version: { increment: 1 } },
        }),
      previous: (note) => ({
        kind: note.kind,
        text: note.text,
        writtenAt: note.writtenAt.toISOString(),
        authorId: note.authorId,
      }),
    }),
  );
}

/**
 * Corrects a reading (a typing slip, a value read off the wrong device): the value, the second
 * value and the note change, the type, unit and moment stay; the previous reading is kept.
 */
export async function correctVitalSign(context: NursingContext, input: CorrectVitalInput) {
  return write(context, async (tx, now) => {
    const current = await tx.vitalSign.findFirst({ where: { id: input.vitalId, patientId: context.patientId } });
    // The form's type only chose the range it was checked against; it must be the stored one.
    if (current && current.type !== input.type) {
      throw new PortalError("invalid_input", {
        userMessage: "The type of a reading cannot be changed.",
        issues: [{ path: "type", message: "type_changed" }],
      });
    }
    return reviseEntry(tx, context, now, {
      entityType: "VitalSign",
      seenVersion: input.version,
      reason: input.reason,
      current,
      update: (reading) =>
        tx.vitalSign.updateMany({
          where: { id: reading.id, patientId: context.patientId, version: input.version },
          data: {
            value: input.value,
            secondaryValue: input.secondaryValue,
            note: input.note,
            version: { increment: 1 },
          },
        }),
      previous: (reading) => ({
        type: reading.type,
        value: reading.value.toNumber(),
        secondaryValue: reading.secondaryValue?.toNumber() ?? null,
        unit: reading.unit,
        note: reading.note,
        measuredAt: reading.measuredAt.toISOString(),
        recordedById: reading.recordedById,
      }),
    });
  });
}

export async function updateCarePlanItem(context: NursingContext, input: UpdateCarePlanItemInput) {
  return write(context, async (tx, now) =>
    reviseEntry(tx, context, now, {
      entityType: "CarePlanItem",
      seenVersion: input.version,
      reason: input.reason,
      current: await tx.carePlanItem.findFirst({ where: { id: input.itemId, patientId: context.patientId } }),
      update: (item) => {
        // A plan item that stops or completes gets its end date today; reopening it clears it.
        const endDate = input.status === "ACTIVE" ? null : (item.endDate ?? belgianCalendarDay(now));
        return tx.carePlanItem.updateMany({
          where: { id: item.id, patientId: context.patientId, version: input.version },
          data: {
            title: input.title,
            description: input.description,
            frequency: input.frequency,
            status: input.status,
            endDate,
            authorId: context.actor.personId,
            version: { increment: 1 },
          },
        });
      },
      previous: (item) => ({
        title: item.title,
        description: item.description,
        frequency: item.frequency,
        status: item.status,
        endDate: item.endDate ? isoDateOfColumn(item.endDate) : null,
      }),
    }),
  );
}

export type RevisionDto = {
  version: number;
  changedAt: Date;
  reason: string;
  author: string | null;
  /** Made by the organisation's record system over FHIR (ADR 0017) rather than by a person. */
  byRecordSystem: boolean;
  previousText: string | null;
  previous: Record<string, unknown>;
};

/** The entries a nurse corrects on her work screen; their history is shown beside each. */
export type RevisedEntityType = "NursingNote" | "CarePlanItem" | "VitalSign";
const revisedEntityTypes: RevisedEntityType[] = ["NursingNote", "CarePlanItem", "VitalSign"];

const revisionInclude = { author: { select: { honorific: true, firstName: true, lastName: true } } } as const;

function toRevisionDto(revision: Prisma.RecordRevisionGetPayload<{ include: typeof revisionInclude }>): RevisionDto {
  const previous = (revision.previous ?? {}) as Record<string, unknown>;
  return {
    version: revision.version,
    changedAt: revision.changedAt,
    reason: revision.reason,
    author: revision.author ? displayName(revision.author) : null,
    byRecordSystem: revision.authorSystem !== null,
    previousText:
      typeof previous.text === "string"
        ? previous.text
        : typeof previous.description === "string"
          ? previous.description
          : null,
    previous,
  };
}

export type WorkScreen = {
  decision: AccessDecision;
  file: NursingFile & { health: HealthSection };
  /** Every revision of the patient's notes, care-plan items and readings, grouped per entry. */
  revisions: Record<string, RevisionDto[]>;
  /** The correction requests routed to this nurse for this patient, still open. */
  routed: RoutedCorrection[];
  /** When she is in through emergency access: until when. */
  emergencyUntil: Date | null;
  /**
   * Where each routed request's entry is, when it is a note or reading on another page of its
   * list: that list and the cursor of the page that starts with it (lib/dossier/paging.ts).
   */
  entryPages: Record<string, { list: PagedList; before: string }>;
};

/** The newest notes and readings on her work screen; older ones are one "older" link away. */
export const WORK_SCREEN_PAGE_SIZES: Record<PagedList, number> = { nursingNotes: 10, vitalSigns: 10, woundCare: 1 };

/**
 * Everything the nurse's work screen for one patient shows, under ONE READ_HEALTH decision and
 * so one entry in the patient's access log: a page view is one look at the file, and the patient
 * reading "who looked" should see it once, not once per query the page happens to make.
 */
export async function readNurseWorkScreen(
  context: NursingContext & { page?: FilePage },
): Promise<{ allowed: true; screen: WorkScreen } | { allowed: false; decision: AccessDecision }> {
  if (context.actor.activeRole !== "NURSE") throw new PortalError("forbidden");
  const now = context.now ?? new Date();
  const page = context.page ?? firstPage(WORK_SCREEN_PAGE_SIZES);
  const outcome = await withPatientAccess(accessInput(context, "READ_HEALTH"), async (tx, decision) => {
    const file = await unsafeReadNursingFile(tx, context.patientId, { includeHealth: true, page });
    const health = file.health!;
    // The history of the entries on this page only, not of the whole file.
    const shown = [...health.nursingNotes, ...health.vitalSigns, ...health.carePlan].map((entry) => entry.id);
    const revisions = await tx.recordRevision.findMany({
      where: { patientId: context.patientId, entityType: { in: revisedEntityTypes }, entityId: { in: shown } },
      // The latest revisions of the file; within one entry still newest version first.
      orderBy: [{ changedAt: "desc" }, { version: "desc" }],
      take: LIST_LIMITS.revisions,
      include: revisionInclude,
    });
    const routed = await unsafeReadRoutedCorrections(tx, context.actor.personId, context.patientId, now);
    const emergency =
      decision.allowed && decision.via
        ? await tx.emergencyAccess.findFirst({
            where: { id: decision.via.emergencyAccessId, nurseId: context.actor.personId },
            select: { expiresAt: true },
          })
        : null;
    const entryPages = await unsafeLocateEntries(tx, context.patientId, routed, new Set(shown));
    return { file, revisions, routed, emergencyUntil: emergency?.expiresAt ?? null, entryPages };
  });
  if (!outcome.allowed) return { allowed: false, decision: outcome.decision };
  const { file, revisions, routed, emergencyUntil, entryPages } = outcome.result;
  const grouped: Record<string, RevisionDto[]> = {};
  for (const revision of revisions) (grouped[revision.entityId] ??= []).push(toRevisionDto(revision));
  return {
    allowed: true,
    screen: {
      decision: outcome.decision,
      file: file as WorkScreen["file"],
      revisions: grouped,
      routed,
      emergencyUntil,
      entryPages,
    },
  };
}

/**
 * For each routed request about a note or reading that is not on this page: the page of its list
 * that starts with it, so the request's link still reaches the entry (one statement per list, and
 * only when such a request exists). The cursor is just after the entry: 1 ms later, lowest id.
 */
async function unsafeLocateEntries(
  tx: Tx,
  patientId: string,
  routed: RoutedCorrection[],
  shown: ReadonlySet<string>,
): Promise<Record<string, { list: PagedList; before: string }>> {
  const wanted = (type: string) =>
    routed.flatMap((request) =>
      request.entityType === type && request.entityId && !shown.has(request.entityId) ? [request.entityId] : [],
    );
  const located: Record<string, { list: PagedList; before: string }> = {};
  const startingWith = (at: Date) => formatCursor({ at: new Date(at.getTime() + 1), id: "0" });
  const noteIds = wanted("NursingNote");
  if (noteIds.length > 0) {
    for (const note of await tx.nursingNote.findMany({
      where: { patientId, id: { in: noteIds } },
      select: { id: true, writtenAt: true },
      take: LIST_LIMITS.routedCorrections,
    }))
      located[note.id] = { list: "nursingNotes", before: startingWith(note.writtenAt) };
  }
  const readingIds = wanted("VitalSign");
  if (readingIds.length > 0) {
    for (const reading of await tx.vitalSign.findMany({
      where: { patientId, id: { in: readingIds } },
      select: { id: true, measuredAt: true },
      take: LIST_LIMITS.routedCorrections,
    }))
      located[reading.id] = { list: "vitalSigns", before: startingWith(reading.measuredAt) };
  }
  return located;
}

export { openEmergencyAccess } from "./emergency";
export {
  listCareTeamPatients,
  listRoutedCorrections,
  readNurseHome,
  type CareTeamPatient,
  type RoutedCorrection,
} from "./team";
