// The scale world (issue 12): a large organisation added beside the demo world, for the benchmark
// (`npm run bench`) and for anyone who wants to see the portal at size. `npm run seed:scale` calls
// seedScaleWorld(); the integration test tests/integration/scale-world.test.ts runs it small.
//
// Shape, for N patients (default 100,000) and C caregivers (default N / 10):
// - every patient: a person with a valid national number (serials 900-997, which the demo world
//   does not use), a care episode, 10 therapeutic relations (1,000,000 at N = 100,000) and 10
//   consent events (a history of consent given and withdrawn over the years);
// - one patient in ten is in care: a care team of two nurses, and a year of nursing notes
//   (NOTES_PER_WEEK) and vital parameters (READINGS_PER_WEEK);
// - caregivers: 10% nurses, 60% doctors, 30% other professions, each with their role and the
//   current declaration of that role accepted;
// - an access log of ACCESS_LOG_ENTRIES_PER_PATIENT_IN_CARE entries per patient in care over the
//   year (the nurses' reads and writes, the doctors' looks, now and then a denial), chained per
//   patient with the chain key exactly like lib/audit/log.ts (ADR 0004, 0016).
// Who may read what follows from the ids (see `scaleIds`), so a test can predict decisions:
// patient g is in care when g % 10 = 1; its consent is withdrawn when g % 10 = 0.
//
// Everything but the log is made by INSERT ... SELECT over generate_series in one transaction:
// all or nothing. The log is computed in Node (HMAC links) and inserted per batch of patients,
// each batch holding its patients' chain locks and continuing from their current heads, so the
// chains verify even when entries of an earlier scale world (the log outlives a reset) are there.
// A second run on a database that already holds a scale world refuses: it would double nothing
// but could not tell what the first run made.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { GENESIS_HASH, LINK_VERSION, chainKey, hmacLink, type ChainedFields } from "@/lib/audit/chain";

/** Namespace of the chain locks, the same as lib/audit/log.ts's. */
const CHAIN_LOCK_NAMESPACE = 4004;
const NOTES_PER_WEEK = 2;
const READINGS_PER_WEEK = 3;
const ACCESS_LOG_ENTRIES_PER_PATIENT_IN_CARE = 100;
const RELATIONS_PER_PATIENT = 10;
const CONSENT_EVENTS_PER_PATIENT = 10;
const LOG_BATCH_PATIENTS = 500;
/** Birth dates from 1930-01-01 on, over this many days (all adults, all born in the 1900s). */
const BIRTH_DAYS = 25_567;
const FIRST_SERIAL = 900;
const LAST_SERIAL = 997;

export type ScaleWorldOptions = {
  patients: number;
  /** Default: patients / 10, at least 10. */
  caregivers?: number;
  /** The access log's chain key (AUDIT_CHAIN_KEY). */
  chainKey: Buffer;
  /** Progress lines; default: none. */
  log?: (line: string) => void;
};

export type ScaleWorldCounts = {
  patients: number;
  nurses: number;
  doctors: number;
  otherCaregivers: number;
  patientsInCare: number;
  therapeuticRelations: number;
  consentEvents: number;
  careTeamAssignments: number;
  nursingNotes: number;
  vitalSigns: number;
  accessLogEntries: number;
};

export type ScaleWorldResult = {
  counts: ScaleWorldCounts;
  seconds: number;
  steps: { step: string; seconds: number }[];
};

/** The ids of the scale world: predictable, so tests and the benchmark can name who relates to whom. */
export const scaleIds = {
  patient: (g: number) => `scale-pat-${g}`,
  nurse: (k: number) => `scale-nurse-${k}`,
  doctor: (k: number) => `scale-doc-${k}`,
  otherCaregiver: (k: number) => `scale-cg-${k}`,
  /** The prefix every person of the scale world has. */
  prefix: "scale-",
};

export function scaleShape(patients: number, caregivers = Math.max(10, Math.floor(patients / 10))) {
  const nurses = Math.max(2, Math.floor(caregivers / 10));
  const doctors = Math.max(1, Math.floor((caregivers * 6) / 10));
  const otherCaregivers = Math.max(1, caregivers - nurses - doctors);
  return { patients, nurses, doctors, otherCaregivers };
}

/** Whether scale patient g is in care (has a care team and a year of entries). */
export const scalePatientInCare = (g: number) => g % 10 === 1;
/** Whether scale patient g's latest consent event is a withdrawal. */
export const scaleConsentWithdrawn = (g: number) => g % 10 === 0;
/** The two care-team nurses of scale patient g (in care only). */
export function scaleCareTeam(g: number, nurses: number): [number, number] {
  return [1 + (g % nurses), 1 + ((g + 7) % nurses)];
}

/** SQL for a valid national number of the i-th scale person (1-based): birth date, serial, mod-97 check. */
function inszSql(i: string): string {
  const birth = `(date '1930-01-01' + ((${i} - 1) % ${BIRTH_DAYS})::int)`;
  const nine = `(to_char(${birth}, 'YYMMDD') || lpad((${FIRST_SERIAL} + (${i} - 1) / ${BIRTH_DAYS})::text, 3, '0'))`;
  return `${nine} || lpad((97 - (${nine}::bigint % 97))::text, 2, '0')`;
}

const FIRST_NAMES = ["Anna", "Jan", "Els", "Luc", "Marie", "Pieter", "Sofie", "Koen", "Lotte", "Wim", "Inge", "Tom"];
const LAST_NAMES = ["Janssens", "Peeters", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters"];
const CITIES = [
  ["2000", "Antwerpen"],
  ["9000", "Gent"],
  ["3000", "Leuven"],
  ["8000", "Brugge"],
  ["3500", "Hasselt"],
];
const NOTE_TEXTS = [
  "Patiënt rustig, goed geslapen. Wondzorg volgens plan uitgevoerd.",
  "Medicatie klaargezet voor de week; inname gecontroleerd.",
  "Lichte zwelling aan de enkel, gevraagd benen hoog te leggen.",
  "Hulp bij de ochtendzorg; patiënt wast zich grotendeels zelf.",
  "Glycemie iets hoger dan gewoonlijk, huisarts verwittigd.",
  "Mantelzorger aanwezig, afspraken voor het weekend overlopen.",
  "Verband vervangen, wondranden rustig, geen tekenen van infectie.",
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ")}]`;

export async function countScalePatients(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `SELECT count(*) AS count FROM "Patient" WHERE "id" LIKE 'scale-pat-%'`,
  );
  return Number(rows[0]!.count);
}

export async function seedScaleWorld(databaseUrl: string, options: ScaleWorldOptions): Promise<ScaleWorldResult> {
  const log = options.log ?? (() => {});
  const shape = scaleShape(options.patients, options.caregivers);
  if (!Number.isInteger(shape.patients) || shape.patients < 1) throw new Error("--patients must be a positive integer");
  const people = shape.patients + shape.nurses + shape.doctors + shape.otherCaregivers;
  const capacity = BIRTH_DAYS * (LAST_SERIAL - FIRST_SERIAL + 1);
  if (people > capacity) throw new Error(`at most ${capacity} people fit the national numbers of the scale world`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const steps: { step: string; seconds: number }[] = [];
  const step = async (name: string, sql: string) => {
    const at = performance.now();
    const result = await client.query(sql);
    const seconds = (performance.now() - at) / 1000;
    steps.push({ step: name, seconds });
    const rows = Array.isArray(result) ? result.reduce((sum, part) => sum + (part.rowCount ?? 0), 0) : result.rowCount;
    log(`  ${name}: ${rows ?? 0} rows in ${seconds.toFixed(1)} s`);
  };
  try {
    const existing = await countScalePatients(client);
    if (existing > 0) {
      throw new Error(
        `this database already holds a scale world (${existing} patients). Reset the demo world first ` +
          "(npm run db:seed removes every person, the scale world included; the access log stays), or use another database.",
      );
    }
    const { rows: declarationRows } = await client.query<{ role: string; version: number }>(
      `SELECT "role"::text AS role, max("version") AS version FROM "DeclarationVersion" GROUP BY "role"`,
    );
    const current = new Map(declarationRows.map((row) => [row.role, row.version]));
    for (const role of ["NURSE", "DOCTOR", "CAREGIVER"]) {
      if (!current.has(role))
        throw new Error(
          `no declaration published for ${role}: load the reference data first (npm start or npm run db:seed)`,
        );
    }

    const { patients: N, nurses: NN, doctors: ND, otherCaregivers: NO } = shape;
    const patientIds = `generate_series(1, ${N}) g`;
    // Caregivers are numbered after the patients for their national numbers: i = N + offset.
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await step(
      "people (patients and caregivers)",
      `INSERT INTO "Person" ("id", "insz", "firstName", "lastName", "birthDate", "postalCode", "city", "country", "locale", "updatedAt")
       SELECT 'scale-pat-' || g, ${inszSql("g")},
              (${sqlArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}],
              (${sqlArray(LAST_NAMES)})[1 + (g / 7) % ${LAST_NAMES.length}] || ' ' || g,
              date '1930-01-01' + ((g - 1) % ${BIRTH_DAYS})::int,
              (${sqlArray(CITIES.map(([code]) => code!))})[1 + g % ${CITIES.length}],
              (${sqlArray(CITIES.map(([, city]) => city!))})[1 + g % ${CITIES.length}],
              'BE', 'nl-BE', now()
         FROM ${patientIds}
       UNION ALL
       SELECT CASE WHEN k <= ${NN} THEN 'scale-nurse-' || k
                   WHEN k <= ${NN + ND} THEN 'scale-doc-' || (k - ${NN})
                   ELSE 'scale-cg-' || (k - ${NN + ND}) END,
              ${inszSql(`(${N} + k)`)},
              (${sqlArray(FIRST_NAMES)})[1 + k % ${FIRST_NAMES.length}],
              (${sqlArray(LAST_NAMES)})[1 + (k / 3) % ${LAST_NAMES.length}] || ' ' || k,
              NULL, NULL, NULL, 'BE', 'nl-BE', now()
         FROM generate_series(1, ${NN + ND + NO}) k`,
    );
    await client.query(`UPDATE "Person" SET "honorific" = 'Dr.' WHERE "id" LIKE 'scale-doc-%'`);
    await step("patients", `INSERT INTO "Patient" ("id") SELECT 'scale-pat-' || g FROM ${patientIds}`);
    await step(
      "roles",
      `INSERT INTO "PersonRole" ("id", "personId", "role", "profession")
       SELECT 'scale-role-pat-' || g, 'scale-pat-' || g, 'PATIENT'::"Role", NULL::"CaregiverProfession" FROM ${patientIds}
       UNION ALL SELECT 'scale-role-nurse-' || k, 'scale-nurse-' || k, 'NURSE'::"Role", NULL::"CaregiverProfession" FROM generate_series(1, ${NN}) k
       UNION ALL SELECT 'scale-role-doc-' || k, 'scale-doc-' || k, 'DOCTOR',
                        (CASE WHEN k % 5 = 0 THEN 'SPECIALIST' ELSE 'GENERAL_PRACTITIONER' END)::"CaregiverProfession"
                   FROM generate_series(1, ${ND}) k
       UNION ALL SELECT 'scale-role-cg-' || k, 'scale-cg-' || k, 'CAREGIVER',
                        (ARRAY['PHYSIOTHERAPIST', 'PHARMACIST', 'OCCUPATIONAL_THERAPIST', 'DIETITIAN'])[1 + k % 4]::"CaregiverProfession"
                   FROM generate_series(1, ${NO}) k`,
    );
    await step(
      "declaration acceptances",
      `INSERT INTO "DeclarationAcceptance" ("id", "personId", "role", "version")
       SELECT 'scale-decl-' || r."personId", r."personId", r."role", d."version"
         FROM "PersonRole" r
         JOIN (SELECT "role", max("version") AS "version" FROM "DeclarationVersion" GROUP BY "role") d ON d."role" = r."role"
        WHERE r."personId" LIKE 'scale-%'`,
    );
    // In care when g % 10 = 1; ended 30 days ago when g % 10 = 2 (inside the availability window);
    // ended one to five years ago otherwise.
    await step(
      "care episodes",
      `INSERT INTO "CareEpisode" ("id", "patientId", "startDate", "endDate")
       SELECT 'scale-ce-' || g, 'scale-pat-' || g,
              current_date - (400 + g % 1500),
              CASE WHEN g % 10 = 1 THEN NULL
                   WHEN g % 10 = 2 THEN current_date - 30
                   ELSE current_date - (365 + g % 1460) END
         FROM ${patientIds}`,
    );
    await step(
      "care-team assignments",
      `INSERT INTO "CareTeamAssignment" ("id", "nurseId", "patientId", "startDate", "responsible")
       SELECT 'scale-cta-' || g || '-' || t, 'scale-nurse-' || (1 + (g + (t - 1) * 7) % ${NN}), 'scale-pat-' || g,
              current_date - 380, t = 1
         FROM ${patientIds}, generate_series(1, 2) t
        WHERE g % 10 = 1`,
    );
    // Relation r of patient g: a doctor for r < 6, another caregiver otherwise. Long-term GP links
    // started within the last year (still running); the others occasional contacts, mostly ended.
    await step(
      "therapeutic relations",
      `INSERT INTO "TherapeuticRelation" ("id", "caregiverId", "patientId", "kind", "startDate", "endDate", "term", "source", "sourceReference")
       SELECT 'scale-tr-' || g || '-' || r,
              CASE WHEN r < 6 THEN 'scale-doc-' || (1 + (g * 7 + r * 101) % ${ND})
                   ELSE 'scale-cg-' || (1 + (g * 3 + r * 37) % ${NO}) END,
              'scale-pat-' || g,
              (CASE WHEN r < 6 THEN (CASE WHEN r = 0 THEN 'GENERAL_PRACTITIONER' ELSE 'SPECIALIST' END)
                    ELSE 'PHYSIOTHERAPIST' END)::"CaregiverProfession",
              CASE WHEN r = 0 THEN current_date - (g % 300) ELSE current_date - (30 + (g * r) % 700) END,
              CASE WHEN r = 0 THEN current_date - (g % 300) + interval '15 months'
                   ELSE current_date - (30 + (g * r) % 700) + interval '3 months' END,
              (CASE WHEN r = 0 THEN 'GP_LONG_TERM' ELSE 'OCCASIONAL_CONTACT' END)::"TherapeuticLinkTerm",
              'EHEALTH_THERAPEUTIC_LINK', 'scale-link-' || g || '-' || r
         FROM ${patientIds}, generate_series(0, ${RELATIONS_PER_PATIENT - 1}) r`,
    );
    // A history of consent: given and withdrawn in turn, one event every two months; the latest
    // is a gift except for g % 10 = 0.
    await step(
      "consent events",
      `INSERT INTO "ConsentEvent" ("id", "patientId", "kind", "occurredAt", "source", "sourceReference")
       SELECT 'scale-consent-' || g || '-' || e, 'scale-pat-' || g,
              (CASE WHEN e = ${CONSENT_EVENTS_PER_PATIENT - 1} AND g % 10 = 0 THEN 'WITHDRAWN'
                    WHEN (${CONSENT_EVENTS_PER_PATIENT - 1} - e) % 2 = 0 THEN 'GIVEN'
                    ELSE 'WITHDRAWN' END)::"ConsentEventKind",
              now() - ((${CONSENT_EVENTS_PER_PATIENT} - e) * 60 || ' days')::interval - ((g % 1440) || ' minutes')::interval,
              'EHEALTH_CONSENT', 'scale-consent-' || g || '-' || e
         FROM ${patientIds}, generate_series(0, ${CONSENT_EVENTS_PER_PATIENT - 1}) e`,
    );
    const notesPerYear = NOTES_PER_WEEK * 52;
    await step(
      "nursing notes (a year, patients in care)",
      `INSERT INTO "NursingNote" ("id", "patientId", "authorId", "kind", "writtenAt", "text", "updatedAt")
       SELECT 'scale-note-' || g || '-' || n, 'scale-pat-' || g, 'scale-nurse-' || (1 + (g + (n % 2) * 7) % ${NN}),
              (CASE WHEN n % 9 = 0 THEN 'ASSESSMENT' ELSE 'OBSERVATION' END)::"NursingNoteKind",
              now() - ((n * 365.0 / ${notesPerYear}) || ' days')::interval - ((g % 600) || ' minutes')::interval,
              (${sqlArray(NOTE_TEXTS)})[1 + (g + n) % ${NOTE_TEXTS.length}],
              now()
         FROM ${patientIds}, generate_series(0, ${notesPerYear - 1}) n
        WHERE g % 10 = 1`,
    );
    const readingsPerYear = READINGS_PER_WEEK * 52;
    await step(
      "vital parameters (a year, patients in care)",
      `INSERT INTO "VitalSign" ("id", "patientId", "type", "value", "secondaryValue", "unit", "measuredAt", "recordedById")
       SELECT 'scale-vital-' || g || '-' || n, 'scale-pat-' || g, v.type::"VitalSignType",
              v.base + (g + n) % v.spread, CASE WHEN v.type = 'BLOOD_PRESSURE' THEN 70 + (g + n) % 20 END, v.unit,
              now() - ((n * 365.0 / ${readingsPerYear}) || ' days')::interval - ((g % 600) || ' minutes')::interval,
              'scale-nurse-' || (1 + g % ${NN})
         FROM ${patientIds}, generate_series(0, ${readingsPerYear - 1}) n,
              LATERAL (VALUES
                (0, 'BLOOD_PRESSURE', 115, 40, 'mm[Hg]'), (1, 'PULSE', 60, 35, '/min'), (2, 'GLUCOSE', 90, 80, 'mg/dL')
              ) AS v(slot, type, base, spread, unit)
        WHERE g % 10 = 1 AND v.slot = n % 3`,
    );
    await client.query("COMMIT");

    const at = performance.now();
    const accessLogEntries = await appendScaleAccessLog(client, shape, options.chainKey, log);
    steps.push({ step: "access log (chained)", seconds: (performance.now() - at) / 1000 });

    const analyzeAt = performance.now();
    await client.query("ANALYZE");
    steps.push({ step: "analyze", seconds: (performance.now() - analyzeAt) / 1000 });

    const count = async (table: string, column = "id") =>
      Number(
        (
          await client.query<{ count: string }>(
            `SELECT count(*) AS count FROM "${table}" WHERE "${column}" LIKE 'scale-%'`,
          )
        ).rows[0]!.count,
      );
    const counts: ScaleWorldCounts = {
      patients: await count("Patient"),
      nurses: NN,
      doctors: ND,
      otherCaregivers: NO,
      patientsInCare: Math.floor((N + 9) / 10),
      therapeuticRelations: await count("TherapeuticRelation"),
      consentEvents: await count("ConsentEvent"),
      careTeamAssignments: await count("CareTeamAssignment"),
      nursingNotes: await count("NursingNote"),
      vitalSigns: await count("VitalSign"),
      accessLogEntries,
    };
    return { counts, seconds: (performance.now() - started) / 1000, steps };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

type LogRow = ChainedFields & { prevHash: string; hash: string };

/** A year of access-log entries for each patient in care, chained per patient, in batches. */
async function appendScaleAccessLog(
  client: pg.Client,
  shape: ReturnType<typeof scaleShape>,
  key: Buffer,
  log: (line: string) => void,
): Promise<number> {
  const inCare: number[] = [];
  for (let g = 1; g <= shape.patients; g++) if (scalePatientInCare(g)) inCare.push(g);
  const now = Date.now();
  const yearMs = 365 * 24 * 3600 * 1000;
  const perPatient = ACCESS_LOG_ENTRIES_PER_PATIENT_IN_CARE;
  let written = 0;
  const started = performance.now();

  for (let from = 0; from < inCare.length; from += LOG_BATCH_PATIENTS) {
    const batch = inCare.slice(from, from + LOG_BATCH_PATIENTS);
    const ids = batch.map(scaleIds.patient);
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    // The same locks lib/audit/log.ts takes, in a fixed order (no deadlock with another seeder),
    // then the heads read after the locks are held.
    await client.query(
      `SELECT pg_advisory_xact_lock(${CHAIN_LOCK_NAMESPACE}, hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k`,
      [ids.map(chainKey)],
    );
    const heads = await client.query<{ patientId: string; hash: string }>(
      `SELECT DISTINCT ON ("patientId") "patientId", "hash" FROM "AccessLogEntry"
        WHERE "patientId" = ANY($1::text[]) ORDER BY "patientId", "id" DESC`,
      [ids],
    );
    const head = new Map(heads.rows.map((row) => [row.patientId, row.hash]));
    const rows: LogRow[] = [];
    for (const g of batch) {
      const patientId = scaleIds.patient(g);
      const [nurseA, nurseB] = scaleCareTeam(g, shape.nurses);
      const doctor = scaleIds.doctor(1 + ((g * 7) % shape.doctors));
      let prevHash = head.get(patientId) ?? GENESIS_HASH;
      for (let e = 0; e < perPatient; e++) {
        // Oldest first, so the chain order is the order in time.
        const occurredAt = new Date(
          now - yearMs + Math.floor(((e + 1) * yearMs) / (perPatient + 1)) - (g % 600) * 1000,
        );
        const kind = e % 10;
        const fields: ChainedFields =
          kind < 6
            ? {
                occurredAt,
                requestId: `scale-${g}-${e}`,
                actorId: scaleIds.nurse(kind % 2 === 0 ? nurseA : nurseB),
                actorRole: "NURSE",
                patientId,
                action: kind < 4 ? "READ_HEALTH" : "WRITE_NURSING_FILE",
                decision: "ALLOW",
                reason: "care_team",
                emergencyAccessId: null,
              }
            : kind < 9
              ? {
                  occurredAt,
                  requestId: `scale-${g}-${e}`,
                  actorId: doctor,
                  actorRole: "DOCTOR",
                  patientId,
                  action: "READ_HEALTH",
                  decision: "ALLOW",
                  reason: "therapeutic_relation",
                  emergencyAccessId: null,
                  grantSource: "EHEALTH_THERAPEUTIC_LINK",
                }
              : {
                  occurredAt,
                  requestId: `scale-${g}-${e}`,
                  actorId: scaleIds.doctor(1 + ((g * 13 + e) % shape.doctors)),
                  actorRole: "DOCTOR",
                  patientId,
                  action: "READ_HEALTH",
                  decision: "DENY",
                  reason: "no_relation",
                  emergencyAccessId: null,
                };
        const hash = hmacLink(key, prevHash, fields);
        rows.push({ ...fields, prevHash, hash });
        prevHash = hash;
      }
    }
    const column = <T>(pick: (row: LogRow) => T) => rows.map(pick);
    // unnest keeps the array order, so the ids (the chain order verify walks) follow it.
    await client.query(
      `INSERT INTO "AccessLogEntry" ("occurredAt", "requestId", "actorId", "actorRole", "patientId", "action",
                                     "decision", "reason", "emergencyAccessId", "grantSource", "prevHash", "hash", "linkVersion")
       SELECT t.occurred_at, t.request_id, t.actor_id, t.actor_role::"Role", t.patient_id, t.action,
              t.decision::"AccessDecision", t.reason, NULL, t.grant_source::"FactSource", t.prev_hash, t.hash, ${LINK_VERSION.hmac}
         FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[])
              WITH ORDINALITY AS t(occurred_at, request_id, actor_id, actor_role, patient_id, action, decision, reason,
                                   grant_source, prev_hash, hash, ord)
        ORDER BY t.ord`,
      [
        column((row) => row.occurredAt.toISOString()),
        column((row) => row.requestId),
        column((row) => row.actorId),
        column((row) => row.actorRole),
        column((row) => row.patientId),
        column((row) => row.action),
        column((row) => row.decision),
        column((row) => row.reason),
        column((row) => row.grantSource ?? null),
        column((row) => row.prevHash),
        column((row) => row.hash),
      ],
    );
    await client.query("COMMIT");
    written += rows.length;
    if ((from / LOG_BATCH_PATIENTS) % 4 === 3 || from + LOG_BATCH_PATIENTS >= inCare.length) {
      log(`  access log: ${written} entries (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  return written;
}
