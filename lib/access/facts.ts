// Loads every fact the access decision needs in ONE SQL statement (ADR 0006): one round trip,
// each sub-select an index lookup on (patient, person) or (person, role), so the cost does not
// grow with the number of patients. Nothing here is cached: a consent withdrawn, an appointment
// revoked, an exclusion added or a relation ended is seen by the very next request.
//
// Time rules, chosen so that a clock difference between the app and the database fails closed:
// - revocations (appointment, therapeutic relation) count as soon as they are set, whatever
//   their timestamp; lifts (exclusion, suspension) count only once their timestamp has passed;
// - consent is the latest event by time, WITHDRAWN winning a tie;
// - care dates, relations and care-team assignments are calendar dates compared with the
//   Belgian date of `now`, end date included.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { type AccessFacts, belgianCalendarDate } from "./policy";

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
  careOngoing: boolean;
  careEndedOn: Date | null;
  trustedPersonAppointmentActive: boolean;
  therapeuticRelationActive: boolean;
  consentActive: boolean;
  excluded: boolean;
  careTeamAssignmentActive: boolean;
  emergencyAccessId: string | null;
};

const knownRoles = new Set<string>(Object.values(Role));

export async function loadAccessFacts(db: Db, input: LoadAccessFactsInput): Promise<AccessFacts> {
  const { personId, patientId, now } = input;
  // An unknown role string is passed as NULL (every role comparison is then false) instead of
  // failing the enum cast: the policy denies it with its own reason.
  const role = input.role !== null && knownRoles.has(input.role) ? input.role : null;
  const today = belgianCalendarDate(now);

  const rows = await db.$queryRaw<FactsRow[]>`
    SELECT
      EXISTS (SELECT 1 FROM "PersonRole" pr
              WHERE pr."personId" = ${personId} AND pr."role" = ${role}::"Role") AS "holdsRole",
      EXISTS (SELECT 1 FROM "DeclarationAcceptance" da
              WHERE da."personId" = ${personId} AND da."role" = ${role}::"Role"
                AND da."version" = (SELECT max(dv."version") FROM "DeclarationVersion" dv
                                    WHERE dv."role" = ${role}::"Role")) AS "declarationAccepted",
      EXISTS (SELECT 1 FROM "Suspension" s
              WHERE s."personId" = ${personId}
                AND (s."liftedAt" IS NULL OR s."liftedAt" > ${now})) AS "suspended",
      EXISTS (SELECT 1 FROM "Patient" p WHERE p."id" = ${patientId}) AS "patientExists",
      EXISTS (SELECT 1 FROM "CareEpisode" ce
              WHERE ce."patientId" = ${patientId} AND ce."endDate" IS NULL) AS "careOngoing",
      (SELECT max(ce."endDate") FROM "CareEpisode" ce WHERE ce."patientId" = ${patientId}) AS "careEndedOn",
      EXISTS (SELECT 1 FROM "TrustedPersonAppointment" tpa
              WHERE tpa."patientId" = ${patientId} AND tpa."trustedPersonId" = ${personId}
                AND tpa."appointedAt" <= ${now} AND tpa."revokedAt" IS NULL) AS "trustedPersonAppointmentActive",
      EXISTS (SELECT 1 FROM "TherapeuticRelation" tr
              WHERE tr."patientId" = ${patientId} AND tr."caregiverId" = ${personId}
                AND tr."startDate" <= ${today}::date
                AND (tr."endDate" IS NULL OR tr."endDate" >= ${today}::date)
                AND tr."revokedAt" IS NULL) AS "therapeuticRelationActive",
      COALESCE((SELECT ce."kind" = 'GIVEN' FROM "ConsentEvent" ce
                WHERE ce."patientId" = ${patientId}
                ORDER BY ce."occurredAt" DESC, (ce."kind" = 'WITHDRAWN') DESC
                LIMIT 1), false) AS "consentActive",
      EXISTS (SELECT 1 FROM "Exclusion" ex
              WHERE ex."patientId" = ${patientId} AND ex."excludedPersonId" = ${personId}
                AND (ex."liftedAt" IS NULL OR ex."liftedAt" > ${now})) AS "excluded",
      EXISTS (SELECT 1 FROM "CareTeamAssignment" cta
              WHERE cta."patientId" = ${patientId} AND cta."nurseId" = ${personId}
                AND cta."startDate" <= ${today}::date
                AND (cta."endDate" IS NULL OR cta."endDate" >= ${today}::date)) AS "careTeamAssignmentActive",
      (SELECT ea."id" FROM "EmergencyAccess" ea
       WHERE ea."patientId" = ${patientId} AND ea."nurseId" = ${personId}
         AND ea."startedAt" <= ${now} AND ea."expiresAt" > ${now}
       ORDER BY ea."expiresAt" DESC
       LIMIT 1) AS "emergencyAccessId"
  `;
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
      careOngoing: row.careOngoing === true,
      careEndedOn: row.careEndedOn,
    },
    relation: {
      trustedPersonAppointmentActive: row.trustedPersonAppointmentActive === true,
      therapeuticRelationActive: row.therapeuticRelationActive === true,
      consentActive: row.consentActive === true,
      excluded: row.excluded !== false,
      careTeamAssignmentActive: row.careTeamAssignmentActive === true,
      emergencyAccessId: row.emergencyAccessId,
    },
  };
}
