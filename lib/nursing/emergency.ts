// Break the glass from the nurse's page: the nurse knows the patient by national number (or
// arrives from the patient's page with the id). The number is resolved to a patient id without
// answering anything: an unknown number goes to the access decision as an id no patient has, so
// it is refused and logged exactly like a known patient the nurse may not open.
import { randomUUID } from "node:crypto";
import type { GatedActor } from "@/lib/auth/actor";
import { requestEmergencyAccess } from "@/lib/access";
import { unknownInszPatientKey } from "@/lib/audit/unknown-patient";
import { PortalError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeInsz } from "@/lib/insz";

type Input = { actor: Pick<GatedActor, "personId" | "activeRole">; db?: PrismaClient; now?: Date; requestId?: string };

async function appDb(db?: PrismaClient): Promise<PrismaClient> {
  if (db) return db;
  const { prisma } = await import("@/lib/db");
  return prisma;
}

export async function openEmergencyAccess(
  input: Input & { patient: string; reason: string },
): Promise<{ patientId: string; expiresAt: Date | null }> {
  const db = await appDb(input.db);
  const insz = normalizeInsz(input.patient);
  let patientId = input.patient;
  if (insz) {
    const person = await db.person.findUnique({ where: { insz }, select: { id: true } });
    patientId = person?.id ?? unknownInszPatientKey(insz);
  }
  const result = await requestEmergencyAccess({
    actor: input.actor,
    patientId,
    reason: input.reason,
    requestId: input.requestId ?? `emergency-${randomUUID()}`,
    db,
    now: input.now,
  });
  if (!result.allowed) throw new PortalError("forbidden");
  return { patientId, expiresAt: result.emergencyAccess?.expiresAt ?? null };
}
