// The public entry for reading a nursing file: the access decision and its log entry first, in
// the same transaction as the read, so no data leaves without its committed log entry.
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, withPatientAccess } from "@/lib/access";
import { unsafeReadNursingFile, type NursingFile } from "./read";

export type { NursingFile } from "./read";

export type FileReadOutcome = { allowed: true; decision: AccessDecision; file: NursingFile } | { allowed: false; decision: AccessDecision };

/**
 * The service center reads the administrative sections only (it never reads health data);
 * every other role reads the whole file under READ_HEALTH, which every role that holds it also
 * holds READ_ADMINISTRATIVE with (lib/access/policy.ts actionsByRole).
 */
export async function readPatientFile(input: { actor: GatedActor; patientId: string; requestId: string }): Promise<FileReadOutcome> {
  const includeHealth = input.actor.activeRole !== "SERVICE_CENTER";
  const outcome = await withPatientAccess(
    { actor: input.actor, patientId: input.patientId, requestId: input.requestId, action: includeHealth ? "READ_HEALTH" : "READ_ADMINISTRATIVE" },
    (tx) => unsafeReadNursingFile(tx, input.patientId, { includeHealth }),
  );
  return outcome.allowed ? { allowed: true, decision: outcome.decision, file: outcome.result } : outcome;
}
