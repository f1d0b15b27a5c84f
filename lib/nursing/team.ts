// The nurse's own lists: the patients of her care team (with their next visit) and the
// correction requests the service center routed to her. Who is in her team is her own working
// data; anything from a patient's file (the next visit, a request's text) is read under one
// READ_HEALTH decision per patient shown, logged (ADR 0009), and a file the nurse may no longer
// open (past the availability window) shows no data, only that it is closed. The decisions of a
// whole list are taken and logged in one batch (withPatientsAccess, ADR 0025): the home page
// costs the same handful of statements for 6 patients as for 500.
import { randomUUID } from "node:crypto";
import type { GatedActor } from "@/lib/auth/actor";
import { withPatientsAccess } from "@/lib/access";
import { type AccessFacts, withinAvailabilityWindow } from "@/lib/access/policy";
import { belgianCalendarDay } from "@/lib/belgian-calendar";
import { env } from "@/lib/env";
import { PortalError } from "@/lib/errors";
import { LIST_LIMITS } from "@/lib/limits";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/people/display-name";

type Input = { actor: Pick<GatedActor, "personId" | "activeRole">; db?: PrismaClient; now?: Date; requestId?: string };

export type CareTeamPatient = {
  patientId: string;
  name: string;
  responsible: boolean;
  /** False when the file is closed to the nurse (e.g. past the availability window). */
  available: boolean;
  nextVisit: { startsAt: Date; purpose: string } | null;
};

async function appDb(db?: PrismaClient): Promise<PrismaClient> {
  if (db) return db;
  const { prisma } = await import("@/lib/db");
  return prisma;
}

function requireNurse(actor: Input["actor"]): void {
  if (actor.activeRole !== "NURSE") throw new PortalError("forbidden");
}

export async function listCareTeamPatients(input: Input): Promise<CareTeamPatient[]> {
  return (await readNurseHome(input)).team;
}

/** Her care team's assignments in force today, one per patient, by name. */
async function careTeamAssignments(db: PrismaClient, nurseId: string, now: Date) {
  const day = belgianCalendarDay(now);
  const assignments = await db.careTeamAssignment.findMany({
    where: {
      nurseId,
      startDate: { lte: day },
      OR: [{ endDate: null }, { endDate: { gte: day } }],
    },
    include: {
      patient: {
        select: {
          person: { select: { honorific: true, firstName: true, lastName: true } },
          careEpisodes: { select: { endDate: true }, orderBy: { startDate: "desc" }, take: LIST_LIMITS.careEpisodes },
        },
      },
    },
    orderBy: [{ patient: { person: { lastName: "asc" } } }, { patient: { person: { firstName: "asc" } } }],
    take: LIST_LIMITS.relations,
  });
  const seen = new Set<string>();
  return assignments.filter((assignment) => !seen.has(assignment.patientId) && seen.add(assignment.patientId));
}

/**
 * The nurse's home: her care team with each patient's next visit, and the correction requests
 * routed to her, under ONE decision per patient shown (a patient in both lists is one look),
 * decided and logged in one batch. A file past its window is not even asked for: opening the
 * home page must not log a denial per closed file, which misuse detection would count against
 * the nurse.
 */
export async function readNurseHome(
  input: Input,
): Promise<{ team: CareTeamPatient[]; corrections: RoutedCorrection[] }> {
  requireNurse(input.actor);
  const db = await appDb(input.db);
  const now = input.now ?? new Date();
  const assignments = await careTeamAssignments(db, input.actor.personId, now);
  const requests = await db.correctionRequest.findMany({
    where: routedWhere(input.actor.personId),
    orderBy: { dueAt: "asc" },
    take: LIST_LIMITS.routedCorrections,
    include: routedInclude,
  });
  const online = assignments.filter((assignment) => fileStillOnline(assignment.patient.careEpisodes, now));
  const lookedAt = [
    ...online.map((assignment) => assignment.patientId),
    ...requests.map((request) => request.patientId),
  ];
  const { decisions, result: nextVisits } = await withPatientsAccess(
    {
      actor: input.actor,
      patientIds: lookedAt,
      action: "READ_HEALTH",
      requestId: input.requestId ?? `nurse-home-${randomUUID()}`,
      db,
      now,
    },
    (tx, allowed) => unsafeReadNextVisits(tx, allowed, now),
  );
  const allowed = (patientId: string) => decisions.get(patientId)?.allowed === true;
  const team = assignments.map((assignment) => {
    const available = allowed(assignment.patientId);
    return {
      patientId: assignment.patientId,
      name: displayName(assignment.patient.person),
      responsible: assignment.responsible,
      available,
      nextVisit: available ? (nextVisits.get(assignment.patientId) ?? null) : null,
    };
  });
  const corrections = requests
    .filter((request) => allowed(request.patientId))
    .map((request) => toRoutedCorrection(request, now));
  return { team, corrections };
}

/** Unscoped: the next planned visit of each patient, in one statement (an index lookup each). */
async function unsafeReadNextVisits(
  tx: Prisma.TransactionClient,
  patientIds: string[],
  now: Date,
): Promise<Map<string, { startsAt: Date; purpose: string }>> {
  if (patientIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ patientId: string; startsAt: Date; purpose: string }[]>`
    SELECT requested.id AS "patientId", visit."startsAt", visit."purpose"
    FROM unnest(${patientIds}::text[]) AS requested(id)
    CROSS JOIN LATERAL (
      SELECT "startsAt", "purpose" FROM "PlannedVisit"
      WHERE "patientId" = requested.id AND "status" = 'PLANNED' AND "startsAt" >= ${now}::timestamptz
      ORDER BY "startsAt" ASC LIMIT 1
    ) AS visit`;
  return new Map(rows.map((row) => [row.patientId, { startsAt: row.startsAt, purpose: row.purpose }]));
}

/** The policy's own window rule (lib/access/policy.ts), on the episodes already loaded. */
function fileStillOnline(episodes: Array<{ endDate: Date | null }>, now: Date): boolean {
  const careOngoing = episodes.some((episode) => episode.endDate === null);
  const ended = episodes.map((episode) => episode.endDate).filter((date): date is Date => date !== null);
  const careEndedOn = ended.length === 0 ? null : new Date(Math.max(...ended.map((date) => date.getTime())));
  const facts = {
    now,
    availabilityWindowMonths: env.AVAILABILITY_WINDOW_MONTHS,
    patient: { careOngoing, careEndedOn },
  } as Pick<AccessFacts, "now" | "availabilityWindowMonths" | "patient">;
  return withinAvailabilityWindow(facts as AccessFacts);
}

export type RoutedCorrection = {
  id: string;
  patientId: string;
  patientName: string;
  section: string;
  entityType: string | null;
  entityId: string | null;
  description: string;
  createdAt: Date;
  dueAt: Date;
  overdue: boolean;
  /** The row version the resolve form carries back (lib/corrections/nurse.ts). */
  version: number;
};

const routedInclude = {
  patient: { select: { person: { select: { honorific: true, firstName: true, lastName: true } } } },
} as const;
type RoutedRow = Prisma.CorrectionRequestGetPayload<{ include: typeof routedInclude }>;

function routedWhere(nurseId: string, patientId?: string): Prisma.CorrectionRequestWhereInput {
  return { assignedNurseId: nurseId, status: "ROUTED_TO_NURSE", ...(patientId ? { patientId } : {}) };
}

function toRoutedCorrection(request: RoutedRow, now: Date): RoutedCorrection {
  return {
    id: request.id,
    patientId: request.patientId,
    patientName: displayName(request.patient.person),
    section: request.section,
    entityType: request.entityType,
    entityId: request.entityId,
    description: request.description,
    createdAt: request.createdAt,
    dueAt: request.dueAt,
    overdue: request.dueAt.getTime() < now.getTime(),
    version: request.version,
  };
}

/**
 * Correction requests routed to this nurse and still open, oldest deadline first, over all her
 * patients (her home page). Each request's text describes health data, so each is shown only
 * under an allowed READ_HEALTH decision for its patient, logged.
 */
export async function listRoutedCorrections(input: Input): Promise<RoutedCorrection[]> {
  return (await readNurseHome(input)).corrections;
}

/**
 * Unscoped: this nurse's open routed requests for one patient. The caller must hold an allowed
 * READ_HEALTH decision for that patient in the same transaction `tx` (her work screen).
 */
export async function unsafeReadRoutedCorrections(
  tx: Prisma.TransactionClient,
  nurseId: string,
  patientId: string,
  now: Date,
): Promise<RoutedCorrection[]> {
  const requests = await tx.correctionRequest.findMany({
    where: routedWhere(nurseId, patientId),
    orderBy: { dueAt: "asc" },
    take: LIST_LIMITS.routedCorrections,
    include: routedInclude,
  });
  return requests.map((request) => toRoutedCorrection(request, now));
}
