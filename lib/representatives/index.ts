// Legal representatives and the minors they act for (domain.md "Minors and representatives",
// ADR 0019). What a representative may do with a file is decided by the access core from the
// patient's age on the day (lib/access/policy.ts); this module gives the representative the list
// of the patients they represent, and gives a minor of 12 to 15 the agreement that lets a
// representative read their file, to give or withdraw in the portal (DECIDE_REPRESENTATIVE_AGREEMENT,
// the minor's own action: a representative can never give it on the minor's behalf).
import { LIST_LIMITS } from "@/lib/limits";
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, withPatientAccess } from "@/lib/access";
import { belgianCalendarDate } from "@/lib/belgian-calendar";
import { type AgeBand, ageBand } from "@/lib/access/minors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { RepresentationBasis } from "@/lib/generated/prisma/enums";
import { displayName } from "@/lib/people/display-name";

type Tx = Prisma.TransactionClient;
type Actor = Pick<GatedActor, "personId" | "activeRole">;

export type Denied = { allowed: false; decision: AccessDecision };
export type Allowed<T> = { allowed: true; result: T };

async function appDb(db?: PrismaClient): Promise<PrismaClient> {
  if (db) return db;
  const { prisma } = await import("@/lib/db");
  return prisma;
}

const calendarDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const inForceOn = (day: Date) => ({
  revokedAt: null,
  startDate: { lte: day },
  OR: [{ endDate: null }, { endDate: { gte: day } }],
});
const nameSelect = { honorific: true, firstName: true, lastName: true } as const;

/** The latest agreement event of each representative of `patientId`: GIVEN means agreed (WITHDRAWN wins a tie). */
async function agreementsOf(db: Tx | PrismaClient, patientId: string): Promise<Map<string, boolean>> {
  const events = await db.representativeAgreementEvent.findMany({
    take: LIST_LIMITS.patientSettingsRows,
    where: { patientId },
    // Enum order puts WITHDRAWN after GIVEN: "desc" takes WITHDRAWN first on a tie, as the access facts do.
    orderBy: [{ occurredAt: "desc" }, { kind: "desc" }],
    select: { representativeId: true, kind: true },
  });
  const latest = new Map<string, boolean>();
  for (const event of events)
    if (!latest.has(event.representativeId)) latest.set(event.representativeId, event.kind === "GIVEN");
  return latest;
}

export type RepresentedPatient = {
  patientId: string;
  name: string;
  basis: RepresentationBasis;
  ageBand: AgeBand;
  /** What the representation lets the representative do today (the access core decides each time). */
  access: "acts_for_patient" | "reads_with_agreement" | "awaits_agreement" | "patient_decides_alone";
};

/**
 * The patients this representative acts for: representations in force today. Names and what the
 * representation means today, no data from the file (each file is read through readPatientFile).
 */
export async function listRepresentedPatients(input: {
  actor: Actor;
  db?: PrismaClient;
  now?: Date;
}): Promise<RepresentedPatient[]> {
  if (input.actor.activeRole !== "LEGAL_REPRESENTATIVE") return [];
  const db = await appDb(input.db);
  const now = input.now ?? new Date();
  const representations = await db.legalRepresentation.findMany({
    take: LIST_LIMITS.relations,
    where: { representativeId: input.actor.personId, ...inForceOn(calendarDate(belgianCalendarDate(now))) },
    orderBy: { patient: { person: { firstName: "asc" } } },
    select: {
      patientId: true,
      basis: true,
      patient: { select: { person: { select: { ...nameSelect, birthDate: true } } } },
    },
  });
  const seen = new Map<string, RepresentedPatient>();
  for (const representation of representations) {
    const person = representation.patient.person;
    const band = ageBand(person.birthDate, now);
    const agreed = (await agreementsOf(db, representation.patientId)).get(input.actor.personId) ?? false;
    const appointed = representation.basis === "APPOINTED";
    const access: RepresentedPatient["access"] =
      band === "under_12" || (band === "adult" && appointed)
        ? "acts_for_patient"
        : band === "12_to_15"
          ? agreed
            ? "reads_with_agreement"
            : "awaits_agreement"
          : "patient_decides_alone";
    const previous = seen.get(representation.patientId);
    // Two representations of one patient (a parent later appointed): the one that grants most.
    if (previous && previous.access === "acts_for_patient") continue;
    seen.set(representation.patientId, {
      patientId: representation.patientId,
      name: displayName(person),
      basis: representation.basis,
      ageBand: band,
      access,
    });
  }
  return [...seen.values()];
}

export type MyRepresentative = {
  representativeId: string;
  name: string;
  basis: RepresentationBasis;
  agreed: boolean;
};

export type MyRepresentatives = { ageBand: AgeBand; representatives: MyRepresentative[] };

type AgreementInput = { actor: Actor; patientId: string; requestId: string; db?: PrismaClient; now?: Date };

/** Namespace of the per-patient agreement lock (settings use 4010). */
const AGREEMENT_LOCK_NAMESPACE = 4011;

async function decideAgreement<T>(
  input: AgreementInput,
  work: (tx: Tx, now: Date) => Promise<T>,
): Promise<Allowed<T> | Denied> {
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      requestId: input.requestId,
      action: "DECIDE_REPRESENTATIVE_AGREEMENT",
      db: input.db,
      now,
    },
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AGREEMENT_LOCK_NAMESPACE}::int, hashtext(${input.patientId}))`;
      return work(tx, now);
    },
  );
  return outcome.allowed ? { allowed: true, result: outcome.result } : { allowed: false, decision: outcome.decision };
}

/** The patient's own view: their representatives in force and whether each may read (12 to 15). */
export async function readMyRepresentatives(input: AgreementInput): Promise<Allowed<MyRepresentatives> | Denied> {
  return decideAgreement(input, async (tx, now) => {
    const person = await tx.person.findUniqueOrThrow({ where: { id: input.patientId }, select: { birthDate: true } });
    const representations = await tx.legalRepresentation.findMany({
      take: LIST_LIMITS.relations,
      where: { patientId: input.patientId, ...inForceOn(calendarDate(belgianCalendarDate(now))) },
      orderBy: { startDate: "asc" },
      select: { basis: true, representative: { select: { id: true, ...nameSelect } } },
    });
    const agreements = await agreementsOf(tx, input.patientId);
    const representatives = new Map<string, MyRepresentative>();
    for (const representation of representations) {
      const id = representation.representative.id;
      if (representatives.has(id)) continue;
      representatives.set(id, {
        representativeId: id,
        name: displayName(representation.representative),
        basis: representation.basis,
        agreed: agreements.get(id) ?? false,
      });
    }
    return { ageBand: ageBand(person.birthDate, now), representatives: [...representatives.values()] };
  });
}

export type AgreementChange = { ok: true; changed: boolean } | { ok: false; problem: "not_a_representative" };

/**
 * The minor gives (`agree: true`) or withdraws their agreement that one representative reads the
 * file, by appending an event: the history is never rewritten, and the very next request of the
 * representative is decided on it. Asking for the state it already has appends nothing.
 */
export async function setRepresentativeAgreement(
  input: AgreementInput & { representativeId: string; agree: boolean },
): Promise<Allowed<AgreementChange> | Denied> {
  return decideAgreement(input, async (tx, now): Promise<AgreementChange> => {
    // Only someone who represents this patient today: a forged id changes nothing.
    const representation = await tx.legalRepresentation.findFirst({
      where: {
        patientId: input.patientId,
        representativeId: input.representativeId,
        ...inForceOn(calendarDate(belgianCalendarDate(now))),
      },
      select: { id: true },
    });
    if (!representation) return { ok: false, problem: "not_a_representative" };
    const latest = await tx.representativeAgreementEvent.findFirst({
      where: { patientId: input.patientId, representativeId: input.representativeId },
      orderBy: [{ occurredAt: "desc" }, { kind: "desc" }],
      select: { kind: true, occurredAt: true },
    });
    const wanted = input.agree ? "GIVEN" : "WITHDRAWN";
    if ((latest?.kind ?? "WITHDRAWN") === wanted) return { ok: true, changed: false };
    // Never before the latest event: the access decision takes the latest by time.
    const occurredAt = latest && latest.occurredAt >= now ? new Date(latest.occurredAt.getTime() + 1) : now;
    await tx.representativeAgreementEvent.create({
      data: { patientId: input.patientId, representativeId: input.representativeId, kind: wanted, occurredAt },
    });
    return { ok: true, changed: true };
  });
}
