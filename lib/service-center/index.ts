// The service center's administrative work (domain.md, SERVICE_CENTER): finding a patient,
// reading and correcting the administrative sections (never health data), and publishing a
// new user-declaration version for a role.
//
// Every look at a patient goes through withPatientAccess (READ_ADMINISTRATIVE or
// CORRECT_ADMINISTRATIVE), so it is logged and the patient sees it. The DTOs here have no
// health field at all: no code path from this module can hand health data to an agent.
import { randomUUID } from "node:crypto";
import type { GatedActor } from "@/lib/auth/actor";
import { assertAllowed, withPatientAccess } from "@/lib/access";
import { requireServiceCenter } from "@/lib/access/misuse";
import { dateColumnValue, isoDateOfColumn } from "@/lib/belgian-calendar";
import { TEXT_LOCALES, type LocalizedDocument } from "@/lib/declarations/content/types";
import { PortalError } from "@/lib/errors";
import { LIST_LIMITS } from "@/lib/limits";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { SEARCH_LIMIT, searchPatientsUnderAccess } from "@/lib/people/search";
import { displayName } from "@/lib/people/display-name";
import type { CorrectAdministrativeInput, PublishDeclarationInput } from "./schemas";

type Actor = Pick<GatedActor, "personId" | "activeRole" | "suspended" | "declaration">;
type Base = { actor: Actor; db?: PrismaClient; requestId?: string; now?: Date };

async function appDb(db?: PrismaClient): Promise<PrismaClient> {
  if (db) return db;
  const { prisma } = await import("@/lib/db");
  return prisma;
}

const day = (date: Date | null) => (date ? isoDateOfColumn(date) : null);

export type PatientSearchHit = {
  patientId: string;
  name: string;
  insz: string;
  birthDate: string | null;
  city: string | null;
};

/**
 * By national number (any separators) or by name parts. Each hit is an administrative read of
 * that patient with its own decision and log entry, all decided and logged in one batch
 * (withPatientsAccess: a constant number of statements whatever the number of hits); a hit the
 * agent may not read is left out.
 */
export async function searchPatients(input: Base & { q: string }): Promise<PatientSearchHit[]> {
  requireServiceCenter(input.actor);
  const rows = await searchPatientsUnderAccess(
    {
      actor: input.actor,
      q: input.q,
      action: "READ_ADMINISTRATIVE",
      requestId: input.requestId ?? `search-${randomUUID()}`,
      db: await appDb(input.db),
      now: input.now,
    },
    (tx, allowed) =>
      tx.person.findMany({
        where: { id: { in: allowed } },
        select: { id: true, honorific: true, firstName: true, lastName: true, insz: true, birthDate: true, city: true },
        take: SEARCH_LIMIT,
      }),
  );
  return rows.map((person) => ({
    patientId: person.id,
    name: displayName(person),
    insz: person.insz,
    birthDate: day(person.birthDate),
    city: person.city,
  }));
}

export type AdministrativeFile = {
  patientId: string;
  name: string;
  identification: { version: number; firstName: string; lastName: string; insz: string; birthDate: string | null };
  contact: {
    version: number;
    email: string | null;
    phone: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
  };
  social: {
    version: number;
    livingSituation: string | null;
    informalCarers: string | null;
    homeAccess: string | null;
    notes: string | null;
  };
  financial: {
    version: number;
    insuranceFund: string | null;
    insuranceNumber: string | null;
    thirdPartyPayment: boolean;
    increasedAllowance: boolean;
    billingAddress: string | null;
  };
  revisions: Array<{ entityType: string; version: number; changedAt: Date; reason: string; author: string | null }>;
};

type Tx = Prisma.TransactionClient;

async function unsafeReadAdministrativeFile(tx: Tx, patientId: string): Promise<AdministrativeFile> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: patientId } });
  const social = await tx.socialData.findUnique({ where: { patientId } });
  const financial = await tx.financialAdministrativeData.findUnique({ where: { patientId } });
  const revisions = await tx.recordRevision.findMany({
    where: { patientId, entityType: { in: ["Person", "SocialData", "FinancialAdministrativeData"] } },
    orderBy: { changedAt: "desc" },
    take: LIST_LIMITS.administrativeRevisions,
    include: { author: { select: { honorific: true, firstName: true, lastName: true } } },
  });
  return {
    patientId,
    name: displayName(person),
    // Identification and contact live on the same Person row and share its version.
    identification: {
      version: person.version,
      firstName: person.firstName,
      lastName: person.lastName,
      insz: person.insz,
      birthDate: day(person.birthDate),
    },
    contact: {
      version: person.version,
      email: person.email,
      phone: person.phone,
      street: person.street,
      postalCode: person.postalCode,
      city: person.city,
    },
    social: {
      version: social?.version ?? 1,
      livingSituation: social?.livingSituation ?? null,
      informalCarers: social?.informalCarers ?? null,
      homeAccess: social?.homeAccess ?? null,
      notes: social?.notes ?? null,
    },
    financial: {
      version: financial?.version ?? 1,
      insuranceFund: financial?.insuranceFund ?? null,
      insuranceNumber: financial?.insuranceNumber ?? null,
      thirdPartyPayment: financial?.thirdPartyPayment ?? true,
      increasedAllowance: financial?.increasedAllowance ?? false,
      billingAddress: financial?.billingAddress ?? null,
    },
    revisions: revisions.map((revision) => ({
      entityType: revision.entityType,
      version: revision.version,
      changedAt: revision.changedAt,
      reason: revision.reason,
      author: revision.author ? displayName(revision.author) : null,
    })),
  };
}

export async function readAdministrativeFile(input: Base & { patientId: string }): Promise<AdministrativeFile> {
  requireServiceCenter(input.actor);
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      action: "READ_ADMINISTRATIVE",
      requestId: input.requestId ?? `admin-${randomUUID()}`,
      db: await appDb(input.db),
      now: input.now,
    },
    (tx) => unsafeReadAdministrativeFile(tx, input.patientId),
  );
  assertAllowed(outcome.decision);
  if (!outcome.allowed) throw new PortalError("forbidden");
  return outcome.result;
}

type Conflict = { conflict: true };

/**
 * Corrects one administrative section with a reason, only if it still has the version the
 * agent saw (compare-and-set), keeping the previous state in RecordRevision.
 */
export async function correctAdministrative(
  input: Base & { correction: CorrectAdministrativeInput },
): Promise<{ version: number }> {
  requireServiceCenter(input.actor);
  const { correction } = input;
  const now = input.now ?? new Date();
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: correction.patientId,
      action: "CORRECT_ADMINISTRATIVE",
      requestId: input.requestId ?? `admin-${randomUUID()}`,
      db: await appDb(input.db),
      now,
    },
    async (tx): Promise<{ version: number } | Conflict> => {
      const revision = (entityType: string, entityId: string, version: number, previous: Prisma.InputJsonValue) =>
        tx.recordRevision.create({
          data: {
            patientId: correction.patientId,
            entityType,
            entityId,
            version,
            previous,
            reason: correction.reason,
            authorId: input.actor.personId,
            changedAt: now,
          },
        });
      switch (correction.section) {
        case "identification":
        case "contact": {
          const person = await tx.person.findUniqueOrThrow({ where: { id: correction.patientId } });
          const data: Prisma.PersonUpdateManyMutationInput =
            correction.section === "identification"
              ? {
                  firstName: correction.firstName,
                  lastName: correction.lastName,
                  birthDate: correction.birthDate ? dateColumnValue(correction.birthDate) : null,
                }
              : {
                  email: correction.email,
                  phone: correction.phone,
                  street: correction.street,
                  postalCode: correction.postalCode,
                  city: correction.city,
                };
          const updated = await tx.person.updateMany({
            where: { id: person.id, version: correction.version },
            data: { ...data, version: { increment: 1 } },
          });
          if (updated.count !== 1) return { conflict: true };
          await revision("Person", person.id, person.version, {
            section: correction.section,
            firstName: person.firstName,
            lastName: person.lastName,
            birthDate: day(person.birthDate),
            email: person.email,
            phone: person.phone,
            street: person.street,
            postalCode: person.postalCode,
            city: person.city,
          });
          return { version: person.version + 1 };
        }
        case "social": {
          const { section: _s, patientId, version, reason: _r, ...data } = correction;
          const current = await tx.socialData.findUnique({ where: { patientId } });
          if (!current) {
            if (version !== 1) return { conflict: true };
            await tx.socialData.create({ data: { patientId, ...data, version: 2 } });
            await revision("SocialData", patientId, 1, {});
            return { version: 2 };
          }
          const updated = await tx.socialData.updateMany({
            where: { patientId, version },
            data: { ...data, version: { increment: 1 } },
          });
          if (updated.count !== 1) return { conflict: true };
          const { updatedAt: _u, ...previous } = current;
          await revision("SocialData", patientId, current.version, previous as Prisma.InputJsonValue);
          return { version: current.version + 1 };
        }
        case "financial": {
          const { section: _s, patientId, version, reason: _r, ...data } = correction;
          const current = await tx.financialAdministrativeData.findUnique({ where: { patientId } });
          if (!current) {
            if (version !== 1) return { conflict: true };
            await tx.financialAdministrativeData.create({ data: { patientId, ...data, version: 2 } });
            await revision("FinancialAdministrativeData", patientId, 1, {});
            return { version: 2 };
          }
          const updated = await tx.financialAdministrativeData.updateMany({
            where: { patientId, version },
            data: { ...data, version: { increment: 1 } },
          });
          if (updated.count !== 1) return { conflict: true };
          const { updatedAt: _u, ...previous } = current;
          await revision("FinancialAdministrativeData", patientId, current.version, previous as Prisma.InputJsonValue);
          return { version: current.version + 1 };
        }
      }
    },
  );
  assertAllowed(outcome.decision);
  if (!outcome.allowed) throw new PortalError("forbidden");
  if ("conflict" in outcome.result) throw new PortalError("conflict");
  return outcome.result;
}

export type DeclarationDraft = { role: Role; version: number; content: LocalizedDocument };

/** The current texts of a role, to prefill the next version's form. */
export async function currentDeclarationDraft(input: Base & { role: Role }): Promise<DeclarationDraft | null> {
  requireServiceCenter(input.actor);
  const db = await appDb(input.db);
  const current = await db.declarationVersion.findFirst({ where: { role: input.role }, orderBy: { version: "desc" } });
  if (!current) return null;
  const stored = (current.content ?? {}) as Partial<LocalizedDocument>;
  const content = Object.fromEntries(
    TEXT_LOCALES.map((locale) => [locale, { title: stored[locale]?.title ?? "", body: stored[locale]?.body ?? "" }]),
  ) as LocalizedDocument;
  return { role: input.role, version: current.version, content };
}

/**
 * Publishes the next version of a role's declaration. The gate (lib/auth/portal-session.ts)
 * compares each user's acceptance with the highest version, so from the next request every user
 * of that role is sent to the declaration page. The version the texts were based on must still
 * be the current one: two agents publishing at once, or a double submit, cannot stack versions.
 */
export async function publishDeclaration(
  input: Base & { declaration: PublishDeclarationInput },
): Promise<{ role: Role; version: number }> {
  requireServiceCenter(input.actor);
  const db = await appDb(input.db);
  const { role, basedOnVersion, content } = input.declaration;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.declarationVersion.findFirst({
        where: { role },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      if ((current?.version ?? 0) !== basedOnVersion)
        throw new PortalError("conflict", { userMessage: "A newer version was published in the meantime." });
      const created = await tx.declarationVersion.create({
        data: {
          role,
          version: basedOnVersion + 1,
          content,
          publishedAt: input.now ?? new Date(),
          publishedById: input.actor.personId,
        },
        select: { role: true, version: true },
      });
      return created;
    });
  } catch (error) {
    // The unique (role, version): a concurrent publish of the same next version lost the race.
    if (typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002")
      throw new PortalError("conflict");
    throw error;
  }
}
