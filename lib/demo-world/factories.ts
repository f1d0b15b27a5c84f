// Small factories that write the facts of the care world: people with roles, patients with a
// care episode, and the relations that grant access. The demo seed builds its world with them,
// and the tests build their own scenarios with them, so both speak the same model.
// Each takes a client or an interactive transaction and returns what it created.
import type {
  CaregiverProfession,
  ConsentEventKind,
  FactSource,
  RepresentationBasis,
  Role,
  TherapeuticLinkTerm,
} from "@/lib/generated/prisma/enums";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { buildInsz } from "@/lib/insz";

export type Db = PrismaClient | Prisma.TransactionClient;

// Starts at a per-process offset so that two test processes sharing a database rarely collide;
// within a process every call gives a new number.
let inszSerial = (process.pid % 1000) * 998;
/**
 * A fresh valid INSZ for a test person: born from 1960-06-28 on, one day per 998 numbers, so
 * never a demo-world number (none of those is born on these days).
 */
export function uniqueTestInsz(): string {
  const n = inszSerial++;
  const serial = (n % 998) + 1;
  const dayOffset = Math.floor(n / 998);
  // Start on the 28th of a month the demo world does not use, then walk day by day.
  const birthDate = new Date(Date.UTC(1960, 5, 28) + dayOffset * 24 * 60 * 60 * 1000);
  return buildInsz(birthDate, serial);
}

export interface PersonInput {
  id?: string;
  insz?: string;
  honorific?: string | null;
  firstName: string;
  lastName: string;
  birthDate?: Date | null;
  username?: string | null;
  passwordHash?: string | null;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  locale?: string | null;
  roles: { id?: string; role: Role; profession?: CaregiverProfession | null; rizivNumber?: string | null }[];
}

/** A person with the given roles. INSZ defaults to a fresh valid test number. */
export async function createPerson(db: Db, input: PersonInput) {
  const { roles, insz, ...person } = input;
  return db.person.create({
    data: {
      ...person,
      insz: insz ?? uniqueTestInsz(),
      locale: person.locale ?? "nl-BE",
      roles: {
        create: roles.map((role) => ({
          id: role.id,
          role: role.role,
          profession: role.profession ?? null,
          rizivNumber: role.rizivNumber ?? null,
        })),
      },
    },
    include: { roles: true },
  });
}

export interface PatientInput extends Omit<PersonInput, "roles"> {
  /** Extra roles besides PATIENT (a patient can also be a trusted person for someone else). */
  otherRoles?: PersonInput["roles"];
  careEpisode?: { startDate: Date; endDate?: Date | null } | null;
}

/** A person with the PATIENT role, the Patient row (same id) and, by default, one care episode. */
export async function createPatient(db: Db, input: PatientInput) {
  const { otherRoles = [], careEpisode, ...person } = input;
  const created = await createPerson(db, { ...person, roles: [{ role: "PATIENT" }, ...otherRoles] });
  await db.patient.create({ data: { id: created.id } });
  if (careEpisode !== null) {
    await db.careEpisode.create({
      data: {
        patientId: created.id,
        startDate: careEpisode?.startDate ?? new Date(Date.UTC(2026, 0, 1)),
        endDate: careEpisode?.endDate ?? null,
      },
    });
  }
  return created;
}

export function createCareEpisode(
  db: Db,
  input: { id?: string; patientId: string; startDate: Date; endDate?: Date | null },
) {
  return db.careEpisode.create({ data: { ...input, endDate: input.endDate ?? null } });
}

/** Where a fact came from and its proof (ADR 0020); every relation and consent event carries one. */
export interface FactProvenance {
  source: FactSource;
  sourceReference?: string | null;
  recordedById?: string | null;
}

export function recordConsent(
  db: Db,
  input: { id?: string; patientId: string; kind: ConsentEventKind; occurredAt?: Date } & FactProvenance,
) {
  return db.consentEvent.create({ data: input });
}

export function appointTrustedPerson(
  db: Db,
  input: { id?: string; patientId: string; trustedPersonId: string; appointedAt?: Date; revokedAt?: Date | null },
) {
  return db.trustedPersonAppointment.create({ data: input });
}

export function createTherapeuticRelation(
  db: Db,
  input: {
    id?: string;
    caregiverId: string;
    patientId: string;
    kind: CaregiverProfession;
    startDate: Date;
    endDate?: Date | null;
    revokedAt?: Date | null;
    term?: TherapeuticLinkTerm | null;
  } & FactProvenance,
) {
  return db.therapeuticRelation.create({ data: input });
}

export function recordLegalRepresentation(
  db: Db,
  input: {
    id?: string;
    patientId: string;
    representativeId: string;
    basis: RepresentationBasis;
    startDate: Date;
    endDate?: Date | null;
    revokedAt?: Date | null;
  } & FactProvenance,
) {
  return db.legalRepresentation.create({ data: input });
}

/** A minor's agreement (or its withdrawal) that this representative reads the file. */
export function recordRepresentativeAgreement(
  db: Db,
  input: { id?: string; patientId: string; representativeId: string; kind: ConsentEventKind; occurredAt?: Date },
) {
  return db.representativeAgreementEvent.create({ data: input });
}

export function assignToCareTeam(
  db: Db,
  input: {
    id?: string;
    nurseId: string;
    patientId: string;
    startDate: Date;
    endDate?: Date | null;
    responsible?: boolean;
  },
) {
  return db.careTeamAssignment.create({ data: input });
}

export function excludeFromFile(
  db: Db,
  input: { id?: string; patientId: string; excludedPersonId: string; createdAt?: Date; liftedAt?: Date | null },
) {
  return db.exclusion.create({ data: input });
}

export function acceptDeclaration(
  db: Db,
  input: { id?: string; personId: string; role: Role; version: number; acceptedAt?: Date },
) {
  return db.declarationAcceptance.create({ data: input });
}

/** Accepts the current (highest) declaration version of `role`: what a test user needs before any access. */
export async function acceptCurrentDeclaration(db: Db, input: { personId: string; role: Role; acceptedAt?: Date }) {
  const current = await db.declarationVersion.findFirst({ where: { role: input.role }, orderBy: { version: "desc" } });
  if (!current) throw new Error(`no declaration published for role ${input.role}: run ensureReferenceData first`);
  return acceptDeclaration(db, { ...input, version: current.version });
}
