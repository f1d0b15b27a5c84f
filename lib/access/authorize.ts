// The core of lib/access (import it through lib/access/index.ts): the one entry point through which every route, server action and page reads or writes a
// patient's data (issue 3). It loads the facts in one query, decides with the pure policy, and
// commits the decision's access-log entry before anything is returned:
//
//   const decision = await authorizePatientAccess({ actor, patientId, action: "READ_HEALTH", requestId });
//   assertAllowed(decision);                       // 403 suspended / declaration_required / forbidden
//   ... read the data ...
//
//   const outcome = await withPatientAccess({ actor, patientId, action: "WRITE_NURSING_FILE", requestId },
//     (tx) => tx.nursingNote.create(...));         // change + log entry in one transaction
//
// Fail closed: any error while deciding or logging is a denial (reason "error"), logged as
// ERROR when the log itself can still be written. A denial is a value, not an exception, so that
// its log entry commits; callers turn it into a response with assertAllowed.
import type { Actor } from "@/lib/auth/actor";
import { reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { env } from "@/lib/env";
import { ownOption } from "@/lib/own-option";
import { PortalError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { appendAccessLogEntries, appendAccessLogEntry } from "@/lib/audit/log";
import { loadAccessFactsForPatients, loadAccessFactsLockingChain } from "./facts";
import { detectMisuse, type MisuseSettings } from "./misuse";
import { type AccessAction, type AccessDecision, decideWithSource } from "./policy";

export type AccessSettings = {
  availabilityWindowMonths: number;
  misuse?: MisuseSettings;
};

export type AuthorizeInput = {
  actor: Pick<Actor, "personId" | "activeRole">;
  patientId: string;
  action: AccessAction;
  requestId: string;
  /** Defaults to the app's client (lib/db.ts); tests and scripts pass their own. */
  db?: PrismaClient;
  /** Defaults to the clock; tests move it. */
  now?: Date;
  /** Defaults to lib/env.ts. */
  settings?: AccessSettings;
};

export type AccessOutcome<T> =
  { allowed: true; decision: AccessDecision; result: T } | { allowed: false; decision: AccessDecision };

const ERROR_DECISION: AccessDecision = { allowed: false, reason: "error" };

async function appDb(): Promise<PrismaClient> {
  // Imported lazily: lib/db.ts is server-only and needs DATABASE_URL at import time.
  const { prisma } = await import("@/lib/db");
  return prisma;
}

type LogOptions = {
  /** Break the glass: the id of the EmergencyAccess the work will create, logged with the grant. */
  emergencyAccessIdOnGrant?: string;
};

/** Decides, logs and (on a denial) runs misuse detection, all inside `tx`. */
async function decideAndLog(
  tx: Prisma.TransactionClient,
  input: AuthorizeInput,
  now: Date,
  options: LogOptions = {},
): Promise<AccessDecision> {
  const settings = ownOption(input, "settings") ?? { availabilityWindowMonths: env.AVAILABILITY_WINDOW_MONTHS };
  // One statement: the facts, and the patient's log chain locked with its head read.
  const { facts, chainHead } = await loadAccessFactsLockingChain(tx, {
    personId: input.actor.personId,
    role: input.actor.activeRole,
    patientId: input.patientId,
    now,
    availabilityWindowMonths: settings.availabilityWindowMonths,
  });
  const { decision, grantSource } = decideWithSource(facts, input.action);
  await appendAccessLogEntry(
    tx,
    {
      requestId: input.requestId,
      actorId: input.actor.personId,
      actorRole: loggableRole(input.actor.activeRole),
      patientId: input.patientId,
      action: input.action,
      decision: decision.allowed ? "ALLOW" : "DENY",
      reason: decision.reason,
      emergencyAccessId: decision.allowed
        ? (decision.via?.emergencyAccessId ?? grantedEmergencyAccessId(decision, options))
        : null,
      grantSource,
      // The decision's own moment: misuse detection counts denials by it.
      occurredAt: now,
    },
    { lockedHead: chainHead },
  );
  if (!decision.allowed) {
    await detectMisuse(tx, { personId: input.actor.personId, now, settings: ownOption(settings, "misuse") });
  }
  return decision;
}

/**
 * The decision for one action on one patient, with its log entry committed. Never throws for a
 * denial or an internal error: both come back as `allowed: false`.
 */
export async function authorizePatientAccess(input: AuthorizeInput): Promise<AccessDecision> {
  const now = input.now ?? new Date();
  let db: PrismaClient;
  try {
    db = input.db ?? (await appDb());
    return await db.$transaction((tx) => decideAndLog(tx, input, now));
  } catch (error) {
    rethrowIfUnavailable(error);
    return failClosed(input, error, "error");
  }
}

/**
 * Decides and, when allowed, runs `work` in the same transaction as the log entry: a change and
 * its entry commit together, and a denial's entry commits without any change. If `work` throws,
 * nothing of it is kept, an ERROR entry records the failed attempt, and the error is rethrown.
 */
export async function withPatientAccess<T>(
  input: AuthorizeInput,
  work: (tx: Prisma.TransactionClient, decision: AccessDecision) => Promise<T>,
  options: LogOptions = {},
): Promise<AccessOutcome<T>> {
  const now = input.now ?? new Date();
  let db: PrismaClient;
  try {
    db = input.db ?? (await appDb());
  } catch (error) {
    return { allowed: false, decision: await failClosed(input, error, "error") };
  }
  let decided = false;
  try {
    return await db.$transaction(async (tx): Promise<AccessOutcome<T>> => {
      const decision = await decideAndLog(tx, input, now, options);
      decided = true;
      if (!decision.allowed) return { allowed: false, decision };
      return { allowed: true, decision, result: await work(tx, decision) };
    });
  } catch (error) {
    rethrowIfUnavailable(error);
    if (!decided) return { allowed: false, decision: await failClosed(input, error, "error") };
    await failClosed(input, error, "action_failed");
    throw error;
  }
}

export type PatientsAccessInput = Omit<AuthorizeInput, "patientId"> & { patientIds: readonly string[] };

/**
 * withPatientAccess for a list of patients (the nurse's home): one decision and one log entry per
 * patient, each exactly what a single look would get, but in a constant number of statements
 * whatever the length of the list (ADR 0025): the facts of all patients in one statement, the
 * entries in one batch (appendAccessLogEntries), misuse detection once when anything was denied,
 * and `work` with the allowed patients, all in one transaction. Fails closed like the single
 * form: an error while deciding denies every patient (ERROR entries), an unreachable database
 * answers 503, and a failing `work` keeps nothing and is rethrown.
 */
export async function withPatientsAccess<T>(
  input: PatientsAccessInput,
  work: (tx: Prisma.TransactionClient, allowedPatientIds: string[]) => Promise<T>,
): Promise<{ decisions: Map<string, AccessDecision>; result: T }> {
  const now = input.now ?? new Date();
  const patientIds = [...new Set(input.patientIds)];
  const settings = ownOption(input, "settings") ?? { availabilityWindowMonths: env.AVAILABILITY_WINDOW_MONTHS };
  let decided = false;
  try {
    const db = input.db ?? (await appDb());
    return await db.$transaction(async (tx) => {
      const facts = await loadAccessFactsForPatients(tx, {
        personId: input.actor.personId,
        role: input.actor.activeRole,
        patientIds,
        now,
        availabilityWindowMonths: settings.availabilityWindowMonths,
      });
      const decisions = new Map<string, AccessDecision>();
      const entries = patientIds.map((patientId) => {
        const { decision, grantSource } = decideWithSource(facts.get(patientId)!, input.action);
        decisions.set(patientId, decision);
        return {
          requestId: input.requestId,
          actorId: input.actor.personId,
          actorRole: loggableRole(input.actor.activeRole),
          patientId,
          action: input.action,
          decision: decision.allowed ? ("ALLOW" as const) : ("DENY" as const),
          reason: decision.reason,
          emergencyAccessId: decision.allowed ? (decision.via?.emergencyAccessId ?? null) : null,
          grantSource,
          occurredAt: now,
        };
      });
      await appendAccessLogEntries(tx, entries);
      if ([...decisions.values()].some((decision) => !decision.allowed)) {
        await detectMisuse(tx, { personId: input.actor.personId, now, settings: ownOption(settings, "misuse") });
      }
      decided = true;
      const allowed = patientIds.filter((patientId) => decisions.get(patientId)!.allowed);
      return { decisions, result: await work(tx, allowed) };
    });
  } catch (error) {
    rethrowIfUnavailable(error);
    const reason = decided ? "action_failed" : "error";
    if (reason === "error") console.error(`[${input.requestId}] access decisions failed; denying`, error);
    try {
      const db = input.db ?? (await appDb());
      await db.$transaction((tx) =>
        appendAccessLogEntries(
          tx,
          patientIds.map((patientId) => ({
            requestId: input.requestId,
            actorId: input.actor.personId,
            actorRole: loggableRole(input.actor.activeRole),
            patientId,
            action: input.action,
            decision: "ERROR" as const,
            reason,
          })),
        ),
      );
    } catch (logError) {
      console.error(`[${input.requestId}] could not write the ERROR entries of the access log`, logError);
    }
    if (decided) throw error;
    const denied = new Map(patientIds.map((patientId) => [patientId, ERROR_DECISION]));
    return { decisions: denied, result: await work(input.db ?? (await appDb()), []) };
  }
}

/** Turns a denial into the error the route answers with; denials look the same whatever their cause. */
export function assertAllowed(
  decision: AccessDecision,
): asserts decision is Extract<AccessDecision, { allowed: true }> {
  if (decision.allowed) return;
  if (decision.reason === "suspended") throw new PortalError("suspended");
  if (decision.reason === "declaration_required") throw new PortalError("declaration_required");
  throw new PortalError("forbidden");
}

async function failClosed(
  input: AuthorizeInput,
  error: unknown,
  reason: "error" | "action_failed",
): Promise<AccessDecision> {
  if (reason === "error") console.error(`[${input.requestId}] access decision failed; denying`, error);
  try {
    const db = input.db ?? (await appDb());
    await db.$transaction((tx) =>
      appendAccessLogEntry(tx, {
        requestId: input.requestId,
        actorId: input.actor.personId,
        actorRole: loggableRole(input.actor.activeRole),
        patientId: input.patientId,
        action: input.action,
        decision: "ERROR",
        reason,
      }),
    );
  } catch (logError) {
    console.error(`[${input.requestId}] could not write the ERROR entry of the access log`, logError);
  }
  return ERROR_DECISION;
}

/**
 * The database cannot be reached: nothing was decided, read or written (the transaction is gone),
 * and no ERROR entry can be written either. Still closed (nothing is returned), but answered as
 * 503 "briefly unavailable" instead of a denial that would tell the reader they have no access.
 */
function rethrowIfUnavailable(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  reportDatabaseUnavailable();
  throw new PortalError("unavailable", { cause: error });
}

function grantedEmergencyAccessId(decision: AccessDecision, options: LogOptions): string | null {
  return decision.reason === "emergency_access" ? (options.emergencyAccessIdOnGrant ?? null) : null;
}

const roles = new Set<string>(Object.values(Role));

function loggableRole(role: string | null): Role | null {
  return role !== null && roles.has(role) ? (role as Role) : null;
}
