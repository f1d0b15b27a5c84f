// A doctor or caregiver looks a patient up by national number for a concrete care question
// (domain.md: they do not browse or query systematically). The lookup is an access decision like
// any other (READ_HEALTH, through authorizePatientAccess's transaction), so it is logged and a
// run of refused lookups counts for misuse detection, an unknown INSZ included.
//
// Before deciding, the lookup asks eHealth (lib/ehealth, ADR 0020) whether this caregiver has a
// therapeutic link with this patient and what the patient's consent is, and records the answer:
// a new treating doctor gets in as soon as the link exists and consent is given, and the
// patient's access log says the access came "via eHealth therapeutic link".
import type { GatedActor } from "@/lib/auth/actor";
import { withPatientAccess, type AccessDecision } from "@/lib/access";
import { appendAccessLogEntry } from "@/lib/audit/log";
import { unknownInszPatientKey } from "@/lib/audit/unknown-patient";
import { configuredEHealthAdapter, type EHealthAdapter, syncFromEHealth } from "@/lib/ehealth";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refusalKind, type RefusalKind } from "./refusal";

/**
 * Action name of the log entry that keeps the care question, beside the lookup's own decision
 * entry (same requestId, same patient chain). A separate entry because the decision entry is the
 * access core's to write; it mirrors the decision so a reader of the log sees both together.
 */
export const CARE_QUESTION_LOG_ACTION = "CARE_QUESTION";

export type LookupResult = { allowed: true; patientId: string } | { allowed: false; refusal: RefusalKind };

export async function lookupPatientByInsz(input: {
  actor: Pick<GatedActor, "personId" | "activeRole">;
  /** Already validated and normalised (ZPatientLookupForm). */
  insz: string;
  careQuestion: string;
  requestId: string;
  db?: PrismaClient;
  now?: Date;
  /** Defaults to the configured adapter (EHEALTH_URL); null switches it off. */
  ehealth?: EHealthAdapter | null;
}): Promise<LookupResult> {
  // Looking up by national number is the treating caregivers' way in; other roles reach a file
  // through their own relation lists. Refused before the INSZ is even resolved.
  if (input.actor.activeRole !== "DOCTOR" && input.actor.activeRole !== "CAREGIVER")
    return { allowed: false, refusal: "no_access" };
  const db = input.db ?? (await import("@/lib/db")).prisma;
  const patient = await db.patient.findFirst({ where: { person: { insz: input.insz } }, select: { id: true } });
  const patientId = patient?.id ?? unknownInszPatientKey(input.insz);

  // Only about a patient of the organisation: an unknown number is never sent to eHealth.
  const adapter = input.ehealth === undefined ? configuredEHealthAdapter() : input.ehealth;
  if (patient && adapter) {
    const caregiver = await db.person.findUniqueOrThrow({
      where: { id: input.actor.personId },
      select: { insz: true, roles: { where: { role: input.actor.activeRole }, select: { profession: true } } },
    });
    await syncFromEHealth(db, {
      adapter,
      patientId: patient.id,
      patientInsz: input.insz,
      caregiver: {
        personId: input.actor.personId,
        insz: caregiver.insz,
        profession: caregiver.roles[0]?.profession ?? null,
      },
    });
  }

  const careQuestionEntry = (decision: AccessDecision) => ({
    requestId: input.requestId,
    actorId: input.actor.personId,
    actorRole: input.actor.activeRole,
    patientId,
    action: CARE_QUESTION_LOG_ACTION,
    decision: decision.allowed ? ("ALLOW" as const) : ("DENY" as const),
    reason: input.careQuestion,
  });

  const outcome = await withPatientAccess(
    { actor: input.actor, patientId, action: "READ_HEALTH", requestId: input.requestId, db, now: input.now },
    // Allowed: the question commits with the decision's entry, or neither does.
    async (tx, decision) => {
      await appendAccessLogEntry(tx, careQuestionEntry(decision));
    },
  );
  if (outcome.allowed) return { allowed: true, patientId };

  // Refused: the decision's entry is committed already; the question is kept beside it.
  await db.$transaction((tx) => appendAccessLogEntry(tx, careQuestionEntry(outcome.decision)));
  return { allowed: false, refusal: refusalKind(outcome.decision) ?? "no_access" };
}
