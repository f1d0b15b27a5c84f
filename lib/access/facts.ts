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

export async function loadAccessFacts(db: Db, input: LoadAccessFactsInput): Promise<AccessFacts> {
  const { personId, patientId, now } = input;
  // An unknown role string is passed as NULL (every role comparison is then false) instead of
  // failing the enum cast: the policy denies it with its own reason.
  const role = input.role !== null && knownRoles.has(input.role) ? input.role : null;
  const today = belgianCalendarDate(now);

  const rows = await db.$queryRaw<FactsRow[]>`
    SELECT * FROM "access_decision_facts"(${personId}, ${role}, ${patientId}, ${now}::timestamptz, ${today}::date)`;
  const row = rows[0];
  if (!row) throw new Error("access facts query returned no row");

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
