// Misuse detection (domain.md "Misuse"): a user denied on MISUSE_DISTINCT_PATIENTS distinct
// patient ids within MISUSE_WINDOW_MINUTES is querying systematically, and is suspended at once,
// in the same transaction as the denial that crossed the threshold. Staff of the service center
// see the suspension in their review list and lift it with a reason.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GatedActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { ownOption } from "@/lib/own-option";
import { PortalError } from "@/lib/errors";
import { LIST_LIMITS } from "@/lib/limits";
import type { Db } from "./facts";
import { displayName } from "@/lib/people/display-name";

/** Namespace of the per-person advisory lock: two concurrent denials create one suspension. */
const MISUSE_LOCK_NAMESPACE = 4005;

/**
 * Denials that say nothing about the patient asked for do not count: a suspended user's or an
 * undeclared user's requests are already refused before any patient is considered.
 */
const REASONS_NOT_COUNTED = ["suspended", "declaration_required"];

export type MisuseSettings = { distinctPatients: number; windowMinutes: number };

export const defaultMisuseSettings: MisuseSettings = {
  distinctPatients: env.MISUSE_DISTINCT_PATIENTS,
  windowMinutes: env.MISUSE_WINDOW_MINUTES,
};

/**
 * Runs after a denial's log entry was appended in `tx`. Returns the suspension it created, if any.
 * Denials before the person's latest lifted suspension do not count again: lifting would
 * otherwise re-suspend on the very next denial. Nor do denials from before the person's record
 * was created: in production that is never, but a reset of the demo world recreates every person
 * (and with it their suspension history) while the append-only log keeps the old denials, which
 * would otherwise suspend a demo user on their first request after the reset.
 */
export async function detectMisuse(
  tx: Prisma.TransactionClient,
  input: { personId: string; now: Date; settings?: MisuseSettings },
): Promise<{ suspensionId: string } | null> {
  const settings = ownOption(input, "settings") ?? defaultMisuseSettings;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${MISUSE_LOCK_NAMESPACE}::int, hashtext(${input.personId}))`;

  const windowStart = new Date(input.now.getTime() - settings.windowMinutes * 60_000);
  const [state] = await tx.$queryRaw<{ suspended: boolean; patientIds: string[] }[]>`
    WITH since AS (
      SELECT GREATEST(${windowStart}::timestamptz,
                      COALESCE((SELECT max(s."liftedAt") FROM "Suspension" s
                                WHERE s."personId" = ${input.personId} AND s."liftedAt" <= ${input.now}),
                               '-infinity'::timestamptz),
                      (SELECT p."createdAt" FROM "Person" p WHERE p."id" = ${input.personId})) AS "from"
    )
    SELECT
      EXISTS (SELECT 1 FROM "Suspension" s
              WHERE s."personId" = ${input.personId} AND (s."liftedAt" IS NULL OR s."liftedAt" > ${input.now})) AS "suspended",
      COALESCE((SELECT array_agg(DISTINCT e."patientId" ORDER BY e."patientId")
                FROM "AccessLogEntry" e, since
                WHERE e."actorId" = ${input.personId} AND e."decision" = 'DENY'
                  AND e."occurredAt" > since."from"
                  AND e."patientId" IS NOT NULL
                  AND e."reason" <> ALL (${REASONS_NOT_COUNTED})), '{}') AS "patientIds"`;
  if (!state || state.suspended || state.patientIds.length < settings.distinctPatients) return null;

  const suspension = await tx.suspension.create({
    data: {
      personId: input.personId,
      cause: "SYSTEMATIC_QUERYING",
      reason: `Denied on ${state.patientIds.length} distinct patients within ${settings.windowMinutes} minutes`,
      details: {
        patientIds: state.patientIds,
        threshold: settings.distinctPatients,
        windowMinutes: settings.windowMinutes,
        detectedAt: input.now.toISOString(),
      },
      createdAt: input.now,
    },
    select: { id: true },
  });
  return { suspensionId: suspension.id };
}

/** Lifting a suspension needs a written reason of at least this many characters (trimmed). */
export const MIN_LIFT_REASON_LENGTH = 10;
const MIN_REASON_LENGTH = MIN_LIFT_REASON_LENGTH;

/** Pages and server actions call without `db` and get the app's client; tests pass their own. */
async function resolveDb(db: Db | undefined): Promise<Db> {
  if (db) return db;
  // Imported lazily, as in authorize.ts: lib/db.ts is server-only and needs DATABASE_URL at import time.
  const { prisma } = await import("@/lib/db");
  return prisma;
}

/**
 * The gate of every service-center task that is not a decision about one patient (the review
 * list, search, declarations, the correction queue): the active role, not suspended, the
 * current declaration accepted. Exported so that each of those modules uses this one check.
 */
export function requireServiceCenter(actor: Pick<GatedActor, "activeRole" | "suspended" | "declaration">): void {
  if (actor.activeRole !== "SERVICE_CENTER" || actor.suspended || !actor.declaration.accepted)
    throw new PortalError("forbidden");
}

/** Service-center staff lift a suspension, always with a written reason. */
export async function liftSuspension(input: {
  actor: GatedActor;
  suspensionId: string;
  reason: string;
  db?: Db;
  now?: Date;
}): Promise<void> {
  requireServiceCenter(input.actor);
  const reason = input.reason.trim();
  if (reason.length < MIN_REASON_LENGTH) {
    throw new PortalError("invalid_input", {
      userMessage: `Give a reason of at least ${MIN_REASON_LENGTH} characters.`,
      issues: [{ path: "reason", message: `At least ${MIN_REASON_LENGTH} characters` }],
    });
  }
  const now = input.now ?? new Date();
  // One statement: only an active suspension of someone else is lifted, exactly once.
  const db = await resolveDb(input.db);
  const lifted = await db.suspension.updateMany({
    where: { id: input.suspensionId, liftedAt: null, personId: { not: input.actor.personId } },
    data: { liftedAt: now, liftedById: input.actor.personId, liftReason: reason },
  });
  if (lifted.count !== 1) throw new PortalError("not_found", { userMessage: "No active suspension with this id." });
}

/**
 * Marks an emergency access as reviewed by the service center. The note is optional: most breaks
 * of the glass are justified by the nurse's own reason, and a forced note would only collect "ok".
 * A blank note is stored as no note.
 */
export async function reviewEmergencyAccess(input: {
  actor: GatedActor;
  emergencyAccessId: string;
  note?: string | null;
  db?: Db;
  now?: Date;
}): Promise<void> {
  requireServiceCenter(input.actor);
  const note = input.note?.trim() || null;
  const db = await resolveDb(input.db);
  const reviewed = await db.emergencyAccess.updateMany({
    where: { id: input.emergencyAccessId, reviewedAt: null },
    data: { reviewedAt: input.now ?? new Date(), reviewedById: input.actor.personId, reviewNote: note },
  });
  if (reviewed.count !== 1)
    throw new PortalError("not_found", { userMessage: "No unreviewed emergency access with this id." });
}

export type ReviewItem =
  | {
      kind: "emergency_access";
      id: string;
      nurse: { id: string; name: string };
      patient: { id: string; name: string };
      reason: string;
      startedAt: Date;
      expiresAt: Date;
    }
  | {
      kind: "suspension";
      id: string;
      person: { id: string; name: string };
      cause: "SYSTEMATIC_QUERYING" | "MANUAL";
      reason: string;
      patientIds: string[];
      /** The detection window the distinct patients fell in; null for a manual suspension. */
      windowMinutes: number | null;
      createdAt: Date;
    };

/** The service center's review list: unreviewed emergency accesses and active suspensions, newest first. */
export async function listReviewItems(input: { actor: GatedActor; db?: Db }): Promise<ReviewItem[]> {
  requireServiceCenter(input.actor);
  const db = await resolveDb(input.db);
  const [emergencyAccesses, suspensions] = await Promise.all([
    db.emergencyAccess.findMany({
      where: { reviewedAt: null },
      orderBy: { startedAt: "desc" },
      take: LIST_LIMITS.reviewEmergencyAccesses,
      select: {
        id: true,
        reason: true,
        startedAt: true,
        expiresAt: true,
        nurse: { select: { id: true, honorific: true, firstName: true, lastName: true } },
        patient: { select: { id: true, person: { select: { honorific: true, firstName: true, lastName: true } } } },
      },
    }),
    db.suspension.findMany({
      where: { liftedAt: null },
      orderBy: { createdAt: "desc" },
      take: LIST_LIMITS.reviewSuspensions,
      select: {
        id: true,
        cause: true,
        reason: true,
        details: true,
        createdAt: true,
        person: { select: { id: true, honorific: true, firstName: true, lastName: true } },
      },
    }),
  ]);
  const items: ReviewItem[] = [
    ...emergencyAccesses.map((ea) => ({
      kind: "emergency_access" as const,
      id: ea.id,
      nurse: { id: ea.nurse.id, name: displayName(ea.nurse) },
      patient: { id: ea.patient.id, name: displayName(ea.patient.person) },
      reason: ea.reason,
      startedAt: ea.startedAt,
      expiresAt: ea.expiresAt,
    })),
    ...suspensions.map((s) => ({
      kind: "suspension" as const,
      id: s.id,
      person: { id: s.person.id, name: displayName(s.person) },
      cause: s.cause,
      reason: s.reason,
      patientIds: patientIdsOf(s.details),
      windowMinutes: windowMinutesOf(s.details),
      createdAt: s.createdAt,
    })),
  ];
  return items.sort((a, b) => timeOf(b) - timeOf(a));
}

function timeOf(item: ReviewItem): number {
  return (item.kind === "emergency_access" ? item.startedAt : item.createdAt).getTime();
}

function patientIdsOf(details: unknown): string[] {
  if (details && typeof details === "object" && "patientIds" in details && Array.isArray(details.patientIds)) {
    return details.patientIds.filter((id): id is string => typeof id === "string");
  }
  return [];
}

function windowMinutesOf(details: unknown): number | null {
  if (
    details &&
    typeof details === "object" &&
    "windowMinutes" in details &&
    typeof details.windowMinutes === "number" &&
    details.windowMinutes > 0
  ) {
    return details.windowMinutes;
  }
  return null;
}
