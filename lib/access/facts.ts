// Loads every fact the access decision needs in ONE SQL statement (ADR 0006): a call of the
// database function "access_decision_facts" (migration *_access_facts_with_sources_and_minors,
// where the query and its time rules are written out). Every sub-select is an index lookup on (patient, person)
// or (person, role), so the cost does not grow with the number of patients; the function form
// lets PostgreSQL plan them once per connection instead of on every request. Nothing is cached:
// a consent withdrawn, an appointment revoked, an exclusion added or a relation ended is seen by
// the very next request.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { FactSource, RepresentationBasis, Role } from "@/lib/generated/prisma/enums";
import { belgianCalendarDate } from "@/lib/belgian-calendar";
import { chainKey } from "@/lib/audit/chain";
import type { LockedChainHead } from "@/lib/audit/log";
import type { AccessFacts } from "./policy";

/** A client or an interactive transaction: the facts can be read inside the caller's transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

export type LoadAccessFactsInput = {
  personId: string;
  role: string | null;
  patientId: string;
  now: Date;
  availabilityWindowMonths: number;
};

type FactsRow = {
  holdsRole: boolean;
  declarationAccepted: boolean;
  suspended: boolean;
  patientExists: boolean;
  patientBirthDate: Date | null;
  careOngoing: boolean;
  careEndedOn: Date | null;
  trustedPersonAppointmentActive: boolean;
  therapeuticRelationFound: boolean;
  therapeuticRelationEndsOn: Date | null;
  therapeuticRelationSource: string | null;
  consentActive: boolean;
  excluded: boolean;
  careTeamAssignmentActive: boolean;
  emergencyAccessId: string | null;
  legalRepresentations: unknown;
  minorAgreementGiven: boolean;
};

const knownRoles = new Set<string>(Object.values(Role));
const knownSources = new Set<string>(Object.values(FactSource));
const knownBases = new Set<string>(Object.values(RepresentationBasis));

function isSource(value: unknown): value is FactSource {
  return typeof value === "string" && knownSources.has(value);
}

/** The JSON array of {basis, source}; anything malformed is dropped (it then grants nothing). */
function representationsOf(value: unknown): AccessFacts["relation"]["legalRepresentations"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (item === null || typeof item !== "object") return [];
    const { basis, source } = item as { basis?: unknown; source?: unknown };
    return typeof basis === "string" && knownBases.has(basis) && isSource(source)
      ? [{ basis: basis as RepresentationBasis, source }]
      : [];
  });
}

/** An unknown role string is passed as NULL (every role comparison is then false) instead of
 * failing the enum cast: the policy denies it with its own reason. */
function knownRoleOrNull(role: string | null): string | null {
  return role !== null && knownRoles.has(role) ? role : null;
}

export async function loadAccessFacts(db: Db, input: LoadAccessFactsInput): Promise<AccessFacts> {
  const { personId, patientId, now } = input;
  const role = knownRoleOrNull(input.role);
  const today = belgianCalendarDate(now);

  const rows = await db.$queryRaw<FactsRow[]>`
    SELECT * FROM "access_decision_facts"(${personId}, ${role}, ${patientId}, ${now}::timestamptz, ${today}::date)`;
  const row = rows[0];
  if (!row) throw new Error("access facts query returned no row");
  return factsOf(row, input, patientId);
}

/**
 * loadAccessFacts, and in the same statement the patient's access-log chain locked and its head
 * read (lib/audit/log.ts lockChainHead): the decision's entry is appended to that head without
 * another round trip. Only inside an interactive transaction, which holds the lock until commit.
 */
export async function loadAccessFactsLockingChain(
  tx: Prisma.TransactionClient,
  input: LoadAccessFactsInput,
): Promise<{ facts: AccessFacts; chainHead: LockedChainHead }> {
  const { personId, patientId, now } = input;
  const role = knownRoleOrNull(input.role);
  const today = belgianCalendarDate(now);
  // The facts read with the statement's snapshot; the head after the lock, with the function's own.
  const rows = await tx.$queryRaw<Array<FactsRow & { chainHead: string | null }>>`
    SELECT facts.*, "access_log_chain_head"(${chainKey(patientId)}, ${patientId}::text) AS "chainHead"
    FROM "access_decision_facts"(${personId}, ${role}, ${patientId}, ${now}::timestamptz, ${today}::date) AS facts`;
  const row = rows[0];
  if (!row || rows.length !== 1) throw new Error("access facts query returned no row");
  return { facts: factsOf(row, input, patientId), chainHead: { patientId, hash: row.chainHead } };
}

/**
 * The facts for one actor and several patients (a list of patients: the nurse's home) in ONE
 * statement: the same function, once per patient, so each decision is exactly the one a single
 * look would get. Every requested patient gets an entry; a missing row would be an error.
 */
export async function loadAccessFactsForPatients(
  db: Db,
  input: Omit<LoadAccessFactsInput, "patientId"> & { patientIds: readonly string[] },
): Promise<Map<string, AccessFacts>> {
  const facts = new Map<string, AccessFacts>();
  if (input.patientIds.length === 0) return facts;
  const role = knownRoleOrNull(input.role);
  const today = belgianCalendarDate(input.now);
  const rows = await db.$queryRaw<Array<FactsRow & { requestedPatientId: string }>>`
    SELECT requested.id AS "requestedPatientId", facts.*
    FROM unnest(${[...input.patientIds]}::text[]) AS requested(id)
    CROSS JOIN LATERAL "access_decision_facts"(${input.personId}, ${role}, requested.id, ${input.now}::timestamptz, ${today}::date) AS facts`;
  for (const row of rows) facts.set(row.requestedPatientId, factsOf(row, input, row.requestedPatientId));
  for (const patientId of input.patientIds) {
    if (!facts.has(patientId)) throw new Error("access facts query returned no row for a patient");
  }
  return facts;
}

function factsOf(
  row: FactsRow,
  input: Pick<LoadAccessFactsInput, "personId" | "role" | "now" | "availabilityWindowMonths">,
  patientId: string,
): AccessFacts {
  const { personId, now } = input;
  return {
    now,
    availabilityWindowMonths: input.availabilityWindowMonths,
    actor: {
      personId,
      role: input.role,
      holdsRole: row.holdsRole === true,
      declarationAccepted: row.declarationAccepted === true,
      // Anything but an explicit false counts as suspended (fail closed).
      suspended: row.suspended !== false,
    },
    patient: {
      id: patientId,
      exists: row.patientExists === true,
      birthDate: row.patientBirthDate,
      careOngoing: row.careOngoing === true,
      careEndedOn: row.careEndedOn,
    },
    relation: {
      trustedPersonAppointmentActive: row.trustedPersonAppointmentActive === true,
      // A relation whose source is unreadable grants nothing (fail closed).
      therapeuticRelation:
        row.therapeuticRelationFound === true && isSource(row.therapeuticRelationSource)
          ? { endsOn: row.therapeuticRelationEndsOn, source: row.therapeuticRelationSource }
          : null,
      consentActive: row.consentActive === true,
      excluded: row.excluded !== false,
      careTeamAssignmentActive: row.careTeamAssignmentActive === true,
      emergencyAccessId: row.emergencyAccessId,
      legalRepresentations: representationsOf(row.legalRepresentations),
      minorAgreementGiven: row.minorAgreementGiven === true,
    },
  };
}
