// Records what eHealth says about one (patient, caregiver) in the portal's own facts (ADR 0020):
// each therapeutic link becomes a TherapeuticRelation with source EHEALTH_THERAPEUTIC_LINK, its id
// as proof and its term as end date; each consent event becomes a ConsentEvent with source
// EHEALTH_CONSENT. Idempotent: the source's id is the key, so reading the same link again updates
// its end (a link ended early at eHealth ends here too) and never adds a second row.
//
// The access decision then reads these facts like any other: a link that exists and a consent
// that was given let the new treating doctor in; the link's end date lets them out again.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CaregiverProfession } from "@/lib/generated/prisma/enums";
import { boundedLinkEnd } from "./terms";
import type { ConsentRecord, EHealthAdapter, TherapeuticLink } from "./types";

type Tx = Prisma.TransactionClient;

/** Namespace of the per-(patient, caregiver) lock: two look-ups at once record a link once. */
const EHEALTH_SYNC_LOCK_NAMESPACE = 4020;

export type EHealthFacts = { links: TherapeuticLink[]; consents: ConsentRecord[] };

const calendarDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** Asks eHealth (outside any transaction: a network call must not hold database locks). */
export async function fetchEHealthFacts(
  adapter: EHealthAdapter,
  query: { patientInsz: string; caregiverInsz: string },
): Promise<EHealthFacts> {
  const [links, consents] = await Promise.all([
    adapter.findTherapeuticLinks(query),
    adapter.findConsents({ patientInsz: query.patientInsz }),
  ]);
  return { links, consents };
}

/** Writes the facts inside the caller's (interactive) transaction; returns how many rows it created. */
export async function recordEHealthFacts(
  tx: Tx,
  input: { patientId: string; caregiverId: string; caregiverKind: CaregiverProfession; facts: EHealthFacts },
): Promise<{ relationsCreated: number; consentEventsCreated: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EHEALTH_SYNC_LOCK_NAMESPACE}::int, hashtext(${`${input.patientId}|${input.caregiverId}`}))`;
  let relationsCreated = 0;
  for (const link of input.facts.links) {
    const key = {
      source: "EHEALTH_THERAPEUTIC_LINK" as const,
      sourceReference: link.id,
      patientId: input.patientId,
      caregiverId: input.caregiverId,
    };
    const endDate = calendarDate(boundedLinkEnd(link.startDate, link.term, link.endDate));
    const revokedAt = link.revokedAt === null ? null : new Date(link.revokedAt);
    const existing = await tx.therapeuticRelation.findUnique({
      where: { source_sourceReference_patientId_caregiverId: key },
      select: { id: true },
    });
    if (existing) {
      await tx.therapeuticRelation.update({
        where: { id: existing.id },
        data: { endDate, revokedAt, term: link.term },
      });
      continue;
    }
    await tx.therapeuticRelation.create({
      data: {
        ...key,
        kind: input.caregiverKind,
        term: link.term,
        startDate: calendarDate(link.startDate),
        endDate,
        revokedAt,
        recordedById: null,
      },
    });
    relationsCreated += 1;
  }

  let consentEventsCreated = 0;
  for (const consent of input.facts.consents) {
    // Consent events are history: one that is known already is never rewritten.
    const created = await tx.consentEvent.createMany({
      data: [
        {
          patientId: input.patientId,
          kind: consent.kind,
          occurredAt: new Date(consent.occurredAt),
          source: "EHEALTH_CONSENT",
          sourceReference: consent.id,
        },
      ],
      skipDuplicates: true,
    });
    consentEventsCreated += created.count;
  }
  return { relationsCreated, consentEventsCreated };
}

export type EHealthSyncOutcome =
  { status: "synced"; relationsCreated: number; consentEventsCreated: number } | { status: "unavailable" };

/**
 * A doctor's or caregiver's look-up of a patient (lib/dossier/lookup.ts): asks eHealth about this
 * (patient, caregiver) and records the answer before the access decision reads the facts. When
 * eHealth does not answer, nothing is recorded and the decision rests on the facts the portal
 * already has (fail closed: no link, no access); the look-up itself goes on.
 */
export async function syncFromEHealth(
  db: PrismaClient,
  input: {
    adapter: EHealthAdapter;
    patientId: string;
    patientInsz: string;
    caregiver: { personId: string; insz: string; profession: CaregiverProfession | null };
  },
): Promise<EHealthSyncOutcome> {
  let facts: EHealthFacts;
  try {
    facts = await fetchEHealthFacts(input.adapter, {
      patientInsz: input.patientInsz,
      caregiverInsz: input.caregiver.insz,
    });
  } catch (error) {
    console.warn("eHealth did not answer; deciding on the facts already recorded", error);
    return { status: "unavailable" };
  }
  const created = await db.$transaction((tx) =>
    recordEHealthFacts(tx, {
      patientId: input.patientId,
      caregiverId: input.caregiver.personId,
      caregiverKind: input.caregiver.profession ?? "OTHER",
      facts,
    }),
  );
  return { status: "synced", ...created };
}
