// The lists a trusted person, doctor or caregiver starts from: the patients they have a relation
// with, and nothing else (domain.md: no browsing of all patients). Names only: the file itself
// is read through readPatientFile, which decides and logs.
//
// The "active" conditions mirror the access facts (migration access_facts_function): a list that
// showed more than the decision allows would only lead to refusals; one that showed less would
// hide a patient the person may read.
import type { GatedActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { belgianCalendarDay } from "@/lib/belgian-calendar";
import { LIST_LIMITS } from "@/lib/limits";
import { displayName } from "@/lib/people/display-name";

export type RelatedPatient = { patientId: string; name: string; since: Date };

type ListInput = { actor: Pick<GatedActor, "personId" | "activeRole">; db?: PrismaClient; now?: Date };

async function appDb(): Promise<PrismaClient> {
  const { prisma } = await import("@/lib/db");
  return prisma;
}

const byName = (a: RelatedPatient, b: RelatedPatient) => a.name.localeCompare(b.name, "nl-BE");

/** A doctor's or caregiver's patients: active therapeutic relations only. Any other role: none. */
export async function listMyPatients(input: ListInput): Promise<RelatedPatient[]> {
  if (input.actor.activeRole !== "DOCTOR" && input.actor.activeRole !== "CAREGIVER") return [];
  const db = input.db ?? (await appDb());
  const today = belgianCalendarDay(input.now ?? new Date());
  const relations = await db.therapeuticRelation.findMany({
    where: {
      caregiverId: input.actor.personId,
      revokedAt: null,
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
    },
    orderBy: { startDate: "asc" },
    take: LIST_LIMITS.relations,
    select: {
      patientId: true,
      startDate: true,
      patient: { select: { person: { select: { honorific: true, firstName: true, lastName: true } } } },
    },
  });
  const seen = new Map<string, RelatedPatient>();
  for (const relation of relations) {
    const existing = seen.get(relation.patientId);
    if (existing && existing.since <= relation.startDate) continue;
    seen.set(relation.patientId, {
      patientId: relation.patientId,
      name: displayName(relation.patient.person),
      since: relation.startDate,
    });
  }
  return [...seen.values()].sort(byName);
}

/** The patients who appointed this trusted person: active (not revoked) appointments only. */
export async function listAppointingPatients(input: ListInput): Promise<RelatedPatient[]> {
  if (input.actor.activeRole !== "TRUSTED_PERSON") return [];
  const db = input.db ?? (await appDb());
  const appointments = await db.trustedPersonAppointment.findMany({
    where: { trustedPersonId: input.actor.personId, revokedAt: null, appointedAt: { lte: input.now ?? new Date() } },
    select: {
      patientId: true,
      appointedAt: true,
      patient: { select: { person: { select: { honorific: true, firstName: true, lastName: true } } } },
    },
    orderBy: { appointedAt: "asc" },
    take: LIST_LIMITS.relations,
  });
  const seen = new Map<string, RelatedPatient>();
  for (const appointment of appointments) {
    if (seen.has(appointment.patientId)) continue;
    seen.set(appointment.patientId, {
      patientId: appointment.patientId,
      name: displayName(appointment.patient.person),
      since: appointment.appointedAt,
    });
  }
  return [...seen.values()].sort(byName);
}
