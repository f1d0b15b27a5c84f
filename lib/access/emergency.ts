// Break the glass (domain.md, NURSE): a nurse outside the care team opens a file for a limited
// time (EMERGENCY_ACCESS_HOURS) with a written reason. The request is itself an access decision
// (action REQUEST_EMERGENCY_ACCESS): only nurses, only an existing patient inside the
// availability window, never a nurse the patient excluded. The EmergencyAccess row and its log
// entry commit in one transaction; the row stays unreviewed until the service center reviews it
// (listReviewItems), and the patient sees it in their access log.
//
// A nurse of the care team already has access: the request is then answered with the care-team
// grant and creates no emergency access (nothing to review, nothing to alarm the patient about).
// A nurse who asks again while an emergency access is still valid gets a new one with the new
// reason: each break of the glass is reviewed on its own.
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { ownOption } from "@/lib/own-option";
import { PortalError } from "@/lib/errors";
import type { AccessDecision } from "./policy";
import { type AuthorizeInput, withPatientAccess } from "./authorize";

export const MIN_EMERGENCY_REASON_LENGTH = 10;

export type EmergencyAccessResult =
  | { allowed: true; decision: AccessDecision; emergencyAccess: { id: string; expiresAt: Date } | null }
  | { allowed: false; decision: AccessDecision };

export async function requestEmergencyAccess(
  input: Omit<AuthorizeInput, "action"> & { reason: string; hours?: number },
): Promise<EmergencyAccessResult> {
  const reason = input.reason.trim();
  // Checked before anything is looked up, so the answer says nothing about the patient.
  if (reason.length < MIN_EMERGENCY_REASON_LENGTH) {
    throw new PortalError("invalid_input", {
      userMessage: `Give a reason of at least ${MIN_EMERGENCY_REASON_LENGTH} characters.`,
      issues: [{ path: "reason", message: `At least ${MIN_EMERGENCY_REASON_LENGTH} characters` }],
    });
  }
  const now = input.now ?? new Date();
  const hours = ownOption(input, "hours") ?? env.EMERGENCY_ACCESS_HOURS;

  // Chosen before the decision so the grant's log entry names the emergency access it opens.
  const emergencyAccessId = randomUUID();
  const outcome = await withPatientAccess(
    { ...input, now, action: "REQUEST_EMERGENCY_ACCESS" },
    async (tx, decision) => {
      if (decision.reason !== "emergency_access") return null;
      const emergencyAccess = await tx.emergencyAccess.create({
        data: {
          id: emergencyAccessId,
          nurseId: input.actor.personId,
          patientId: input.patientId,
          reason,
          startedAt: now,
          expiresAt: new Date(now.getTime() + hours * 3_600_000),
        },
        select: { id: true, expiresAt: true },
      });
      return emergencyAccess;
    },
    { emergencyAccessIdOnGrant: emergencyAccessId },
  );
  if (!outcome.allowed) return outcome;
  return { allowed: true, decision: outcome.decision, emergencyAccess: outcome.result };
}
