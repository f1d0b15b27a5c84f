// Resets the demo world of shared/spec/demo-world.md: every id, name, relation and date (relative
// to `today`) that tests, end-to-end checks and benchmarks rely on.
//
// One transaction for the reset and the rebuild: a seed that fails half-way leaves the previous
// world, not half a world. The access log is never touched: it is append-only at the database
// level (a trigger refuses DELETE and TRUNCATE), and a log that a seed could wipe would be no
// evidence at all. Tests that need an empty log reset it through their own harness.
import { hashPassword } from "@/lib/auth/password";
import { DECLARATION_PUBLISHED_AT, ensureReferenceData } from "@/lib/declarations/reference-data";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  acceptDeclaration,
  appointTrustedPerson,
  assignToCareTeam,
  createCareEpisode,
  createPerson,
  createTherapeuticRelation,
  excludeFromFile,
  recordConsent,
  recordLegalRepresentation,
  recordRepresentativeAgreement,
  type Db,
} from "./factories";
import { DEMO_PASSWORD, demoPatientKeys, demoPersonId, demoUserKeys, type DemoPersonKey } from "./ids";
import { buildNursingFile, type NursingFileRows } from "./nursing-file";
import { demoIdentity, demoPatients, demoRelations, demoUsers, type DemoPersonDefinition } from "./people";
import { addDays, dateDaysAgo, momentDaysAgo } from "./time";

export { demoIds, demoUsernames, DEMO_PASSWORD } from "./ids";

/**
 * Tables the reset keeps: migration history, published legal texts, the append-only logs (the
 * access log and the security log), and the used FHIR client assertions (a reset must not let a
 * captured assertion be replayed). Everything else goes, the login counters and locks
 * (LoginThrottle) and the second-factor enrolments included: automated checks that try a brute
 * force or enrol a second factor get the demo world back, with `demo` alone, from one seed.
 */
export const PRESERVED_TABLES: ReadonlySet<string> = new Set([
  "_prisma_migrations",
  Prisma.ModelName.DeclarationVersion,
  Prisma.ModelName.PrivacyStatementVersion,
  Prisma.ModelName.AccessLogEntry,
  Prisma.ModelName.LoginAttempt,
  Prisma.ModelName.FhirAssertionJti,
]);

export interface SeedDemoWorldOptions {
  /** The day the world is relative to; defaults to now. */
  today?: Date;
}

/**
 * Empties every application table except PRESERVED_TABLES. Each model maps to a table of the
 * same name (the schema has no @@map); a model added later is reset too unless listed above.
 * DELETE rather than TRUNCATE: the preserved DeclarationVersion references Person, and TRUNCATE
 * refuses a table that a kept table references.
 */
export async function resetApplicationData(db: Db): Promise<void> {
  const tables = Object.values(Prisma.ModelName).filter((table) => !PRESERVED_TABLES.has(table));
  // Person first: its cascades empty most tables in one statement.
  tables.sort((a, b) => Number(b === Prisma.ModelName.Person) - Number(a === Prisma.ModelName.Person));
  for (const table of tables) {
    await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
  }
}

/** The demo world's nursing files, as the seed writes them for `today`. */
export function demoNursingFiles(today: Date): Record<(typeof demoPatientKeys)[number], NursingFileRows> {
  return Object.fromEntries(demoPatientKeys.map((key) => [key, buildNursingFile(key, today)])) as Record<
    (typeof demoPatientKeys)[number],
    NursingFileRows
  >;
}

/**
 * Each demo account's hash of the published password ("demo"), with a salt of its own, made once
 * per process: hashing it anew on every reset cost a deliberately slow hash per account each time
 * the demo world is rebuilt (every integration test reseeds it).
 */
const demoHashes = new Map<DemoPersonKey, Promise<string>>();
function demoPasswordHash(key: DemoPersonKey): Promise<string> {
  let hash = demoHashes.get(key);
  if (!hash) {
    hash = hashPassword(DEMO_PASSWORD);
    demoHashes.set(key, hash);
  }
  return hash;
}

export async function seedDemoWorld(prisma: PrismaClient, options: SeedDemoWorldOptions = {}): Promise<void> {
  const today = options.today ?? new Date();
  const nursingFiles = demoNursingFiles(today);
  const allKeys: DemoPersonKey[] = [...demoPatientKeys, ...demoUserKeys];
  const definitions: Record<DemoPersonKey, DemoPersonDefinition> = { ...demoPatients, ...demoUsers };
  // Only accounts with a login get a password (Emma, under 12, has none). Hashed before the
  // transaction opens, not while it holds locks.
  const passwordHashes = new Map(
    await Promise.all(
      allKeys
        .filter((key) => definitions[key].username !== null)
        .map(async (key) => [key, await demoPasswordHash(key)] as const),
    ),
  );

  await prisma.$transaction(
    async (tx) => {
      // Two seeds at once (a test run and a dev server starting) must not interleave.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('demo-world-seed'))`;
      await ensureReferenceData(tx);
      await resetApplicationData(tx);

      for (const key of allKeys) {
        const person = definitions[key];
        const { insz, birthDate } = demoIdentity(person, today);
        await createPerson(tx, {
          id: person.id,
          insz,
          honorific: person.honorific ?? null,
          firstName: person.firstName,
          lastName: person.lastName,
          birthDate,
          username: person.username,
          passwordHash: passwordHashes.get(key) ?? null,
          email: person.contact.email,
          phone: person.contact.phone,
          street: person.contact.street ?? null,
          postalCode: person.contact.postalCode ?? null,
          city: person.contact.city ?? null,
          locale: "nl-BE",
          roles: [
            {
              id: `role-${person.id}`,
              role: person.role,
              profession: person.profession ?? null,
              rizivNumber: person.rizivNumber ?? null,
            },
          ],
        });
      }

      const nurseId = demoUsers.nina.id;
      for (const key of demoPatientKeys) {
        const patient = demoPatients[key];
        await tx.patient.create({ data: { id: patient.id } });
        await createCareEpisode(tx, {
          id: `episode-${key}-001`,
          patientId: patient.id,
          startDate: dateDaysAgo(today, patient.careStartedDaysAgo),
          endDate: patient.careEndedDaysAgo === null ? null : dateDaysAgo(today, patient.careEndedDaysAgo),
        });
        if (patient.consentGivenDaysAgo !== null) {
          await recordConsent(tx, {
            id: `consent-${key}-001`,
            patientId: patient.id,
            kind: "GIVEN",
            occurredAt: momentDaysAgo(today, patient.consentGivenDaysAgo),
            // The nurse recorded the signed consent form at the start of care.
            source: "STAFF_DOCUMENT",
            sourceReference: `consent-form-${key}`,
            recordedById: nurseId,
          });
        }
      }

      for (const [i, relation] of demoRelations.therapeutic.entries()) {
        await createTherapeuticRelation(tx, {
          id: `relation-${String(i + 1).padStart(3, "0")}`,
          caregiverId: demoPersonId(relation.caregiver),
          patientId: demoPersonId(relation.patient),
          kind: relation.kind,
          startDate: dateDaysAgo(today, relation.startedDaysAgo),
          // Known from the organisation's own records, without a term (ADR 0020).
          source: "RECORD_SYSTEM",
          sourceReference: `ehr-relation-${String(i + 1).padStart(3, "0")}`,
        });
      }
      for (const [i, appointment] of demoRelations.trustedPersons.entries()) {
        await appointTrustedPerson(tx, {
          id: `appointment-${String(i + 1).padStart(3, "0")}`,
          patientId: demoPersonId(appointment.patient),
          trustedPersonId: demoPersonId(appointment.trustedPerson),
          appointedAt: momentDaysAgo(today, appointment.appointedDaysAgo),
          revokedAt: appointment.revokedDaysAgo === null ? null : momentDaysAgo(today, appointment.revokedDaysAgo),
        });
      }
      for (const [i, exclusion] of demoRelations.exclusions.entries()) {
        await excludeFromFile(tx, {
          id: `exclusion-${String(i + 1).padStart(3, "0")}`,
          patientId: demoPersonId(exclusion.patient),
          excludedPersonId: demoPersonId(exclusion.excluded),
          createdAt: momentDaysAgo(today, exclusion.createdDaysAgo),
        });
      }
      for (const [i, assignment] of demoRelations.careTeam.entries()) {
        const patient = demoPatients[assignment.patient];
        // No end date, also after the end of care: the availability window, not the assignment,
        // decides how long the responsible nurse can still read an ended file.
        await assignToCareTeam(tx, {
          id: `careteam-${String(i + 1).padStart(3, "0")}`,
          nurseId: demoPersonId(assignment.nurse),
          patientId: patient.id,
          startDate: dateDaysAgo(today, patient.careStartedDaysAgo),
          responsible: assignment.responsible,
        });
      }
      const coordinatorId = demoUsers.kris.id;
      for (const [i, representation] of demoRelations.legalRepresentatives.entries()) {
        const patient = demoPatients[representation.patient];
        const representativeId = demoPersonId(representation.representative);
        await recordLegalRepresentation(tx, {
          id: `representation-${String(i + 1).padStart(3, "0")}`,
          patientId: patient.id,
          representativeId,
          basis: representation.basis,
          startDate: dateDaysAgo(today, patient.careStartedDaysAgo),
          source: "STAFF_DOCUMENT",
          sourceReference: representation.proof,
          recordedById: coordinatorId,
        });
        if (representation.minorAgreedDaysAgo !== null) {
          await recordRepresentativeAgreement(tx, {
            id: `agreement-${String(i + 1).padStart(3, "0")}`,
            patientId: patient.id,
            representativeId,
            kind: "GIVEN",
            occurredAt: momentDaysAgo(today, representation.minorAgreedDaysAgo),
          });
        }
      }
      for (const [i, key] of allKeys.entries()) {
        const accepted = demoRelations.declarationVersionAccepted[key];
        if (accepted === null) continue;
        const version = accepted as keyof typeof DECLARATION_PUBLISHED_AT;
        // A few days after publication, but never in the future of `today`.
        const afterPublication = addDays(DECLARATION_PUBLISHED_AT[version], 3 + i);
        const latest = momentDaysAgo(today, 1);
        await acceptDeclaration(tx, {
          id: `acceptance-${demoPersonId(key)}-v${version}`,
          personId: demoPersonId(key),
          role: definitions[key].role,
          version,
          acceptedAt: afterPublication < latest ? afterPublication : latest,
        });
      }

      const files = Object.values(nursingFiles);
      await tx.carePlanItem.createMany({ data: files.flatMap((file) => file.carePlanItems) });
      await tx.nursingNote.createMany({ data: files.flatMap((file) => file.nursingNotes) });
      await tx.vitalSign.createMany({ data: files.flatMap((file) => file.vitalSigns) });
      await tx.woundCareEntry.createMany({ data: files.flatMap((file) => file.woundCareEntries) });
      await tx.medicationScheduleItem.createMany({ data: files.flatMap((file) => file.medicationSchedule) });
      await tx.plannedVisit.createMany({ data: files.flatMap((file) => file.plannedVisits) });
      await tx.socialData.createMany({ data: files.map((file) => file.socialData) });
      await tx.financialAdministrativeData.createMany({ data: files.map((file) => file.financialData) });
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
