// The nurse's side of a correction request: the service center routed a health-data request to
// the patient's responsible nurse (routeCorrectionToNurse in ./index.ts); she corrects the entry
// on her work screen (lib/nursing, with a reason and history) and closes the request here with
// the answer the patient reads on /patient/corrections.
//
// Who may close it: only the nurse the request was routed to, and only while she may write the
// patient's file (WRITE_NURSING_FILE through withPatientAccess, logged with the change).
// - Not any nurse of the team: the service center chose one nurse and told the patient so; the
//   request appears only on her list (listRoutedCorrections), so a colleague closing it would
//   act on something she was never shown, and two nurses could answer the patient differently.
// - Not through emergency access: breaking the glass is for care that cannot wait, and an answer
//   due within four weeks can. A routed nurse who left the team does not get back in this way;
//   the service center has to route the request again.
// The patient is taken from the stored request, never from the form: a forged patient id could
// otherwise make the access decision about one patient while closing another's request.
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, withPatientAccess } from "@/lib/access";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type Actor = Pick<GatedActor, "personId" | "activeRole">;

export type ResolveProblem =
  /** The access decision refused WRITE_NURSING_FILE for this patient (logged as a denial). */
  | "forbidden"
  /** No request with this id (or not one this nurse can be told about). */
  | "not_found"
  /** Still open at the service center, or already resolved or rejected. */
  | "not_routed"
  /** Routed to another nurse. */
  | "not_assigned"
  /** Allowed into the file only through emergency access. */
  | "emergency_only"
  /** The request changed since the nurse's page was built: nothing was written. */
  | "stale";

export type ResolveOutcome =
  | { ok: true; correctionId: string; patientId: string; version: number; resolvedAt: Date }
  | { ok: false; problem: ResolveProblem; decision?: AccessDecision };

export async function resolveRoutedCorrection(input: {
  actor: Actor;
  correctionId: string;
  /** The version of the request the nurse's form was built on. */
  correctionVersion: number;
  resolution: string;
  requestId: string;
  db?: PrismaClient;
  now?: Date;
}): Promise<ResolveOutcome> {
  const db = input.db ?? (await import("@/lib/db")).prisma;
  const now = input.now ?? new Date();
  const stored = await db.correctionRequest.findUnique({
    where: { id: input.correctionId },
    select: { patientId: true },
  });
  if (!stored) return { ok: false, problem: "not_found" };

  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: stored.patientId,
      action: "WRITE_NURSING_FILE",
      requestId: input.requestId,
      db,
      now,
    },
    async (tx, decision): Promise<ResolveOutcome> => {
      if (decision.allowed && decision.via) return { ok: false, problem: "emergency_only" };
      const current = await tx.correctionRequest.findFirst({
        where: { id: input.correctionId, patientId: stored.patientId },
        select: {
          status: true,
          assignedNurseId: true,
          version: true,
          resolvedById: true,
          resolution: true,
          resolvedAt: true,
        },
      });
      if (!current) return { ok: false, problem: "not_found" };
      const resolution = input.resolution.trim();
      // The same form sent again after it went through (a retry, a double click that slipped
      // past the button): the request stands as she resolved it, so that is the answer.
      if (
        current.status === "RESOLVED" &&
        current.resolvedById === input.actor.personId &&
        current.version === input.correctionVersion + 1 &&
        current.resolution === resolution &&
        current.resolvedAt
      ) {
        return {
          ok: true,
          correctionId: input.correctionId,
          patientId: stored.patientId,
          version: current.version,
          resolvedAt: current.resolvedAt,
        };
      }
      if (current.assignedNurseId !== input.actor.personId) return { ok: false, problem: "not_assigned" };
      if (current.status !== "ROUTED_TO_NURSE")
        return { ok: false, problem: current.version === input.correctionVersion ? "not_routed" : "stale" };
      if (current.version !== input.correctionVersion) return { ok: false, problem: "stale" };
      // Compare-and-set: a second click, or the service center acting at the same moment, finds
      // the version moved on and writes nothing.
      const updated = await tx.correctionRequest.updateMany({
        where: {
          id: input.correctionId,
          patientId: stored.patientId,
          status: "ROUTED_TO_NURSE",
          assignedNurseId: input.actor.personId,
          version: input.correctionVersion,
        },
        data: {
          status: "RESOLVED",
          resolvedAt: now,
          resolvedById: input.actor.personId,
          resolution,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) return { ok: false, problem: "stale" };
      return {
        ok: true,
        correctionId: input.correctionId,
        patientId: stored.patientId,
        version: input.correctionVersion + 1,
        resolvedAt: now,
      };
    },
  );
  return outcome.allowed ? outcome.result : { ok: false, problem: "forbidden", decision: outcome.decision };
}
