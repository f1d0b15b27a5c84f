// Reading a patient's nursing file into DTOs. Unscoped on purpose: every caller must hold an
// allowed access decision for this patient first (lib/access withPatientAccess), which is why
// these functions take the transaction that decision was logged in and are named `unsafe...`.
import { LIST_LIMITS } from "@/lib/limits";
import type { Prisma } from "@/lib/generated/prisma/client";
import { displayName, type NamedPerson } from "@/lib/people/display-name";
import { type FilePage, firstPage, formatCursor, pageOf, type PagedList } from "./paging";

type Tx = Prisma.TransactionClient;

export type AdministrativeSections = {
  identification: { firstName: string; lastName: string; insz: string; birthDate: string | null };
  contact: {
    email: string | null;
    phone: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    country: string | null;
  };
  social: {
    livingSituation: string | null;
    informalCarers: string | null;
    homeAccess: string | null;
    languages: string[];
    notes: string | null;
  } | null;
  financialAdministrative: {
    insuranceFund: string | null;
    insuranceNumber: string | null;
    thirdPartyPayment: boolean;
    increasedAllowance: boolean;
    billingAddress: string | null;
  } | null;
};

/**
 * The patient's own comment beside a professional assessment (domain.md "Rights of the data
 * subject": the assessment is not rewritten, her words are shown beside it to every reader).
 */
export type PatientComment = { id: string; text: string; createdAt: Date };

export type HealthSection = {
  carePlan: Array<{
    id: string;
    title: string;
    description: string;
    frequency: string | null;
    status: string;
    startDate: string;
    endDate: string | null;
    version: number;
  }>;
  nursingNotes: Array<{
    id: string;
    kind: string;
    writtenAt: Date;
    text: string;
    author: string | null;
    version: number;
    patientComments: PatientComment[];
  }>;
  vitalSigns: Array<{
    id: string;
    type: string;
    value: number;
    secondaryValue: number | null;
    unit: string;
    measuredAt: Date;
    note: string | null;
    version: number;
  }>;
  woundCare: Array<{
    id: string;
    location: string;
    description: string;
    treatment: string;
    performedAt: Date;
    author: string | null;
  }>;
  medicationSchedule: Array<{
    id: string;
    medication: string;
    dose: string;
    route: string | null;
    times: string[];
    instructions: string | null;
    prescriber: string | null;
    startDate: string;
    endDate: string | null;
  }>;
  plannedVisits: Array<{
    id: string;
    startsAt: Date;
    durationMinutes: number;
    purpose: string;
    status: string;
    nurse: string | null;
  }>;
  /**
   * The paged lists (lib/dossier/paging.ts): each holds one page, newest first; `nextBefore` is
   * the cursor of the next (older) page, null on the last one.
   */
  pages: Record<PagedList, { nextBefore: string | null }>;
};

export type NursingFile = {
  patientId: string;
  care: { episodes: Array<{ startDate: string; endDate: string | null }> };
  administrative: AdministrativeSections;
  /** Absent when the reader may only see administrative data (the service center). */
  health?: HealthSection;
};

/** The planned visits a file view reads: the latest ones (the planned ones and the most recent past ones). */
const VISITS_READ = 30;

/** A person's name parts as the statement returns them (null when the link is gone). */
type NameRow = NamedPerson | null;
/** Instants come back as epoch milliseconds (exact for the columns' millisecond precision). */
type Millis = number;

/** The whole file as the one statement of unsafeReadNursingFile returns it (jsonb). */
type FileRow = {
  identification: AdministrativeSections["identification"];
  contact: AdministrativeSections["contact"];
  social: NonNullable<AdministrativeSections["social"]> | null;
  financial: NonNullable<AdministrativeSections["financialAdministrative"]> | null;
  episodes: Array<{ startDate: string; endDate: string | null }>;
  health: {
    carePlan: HealthSection["carePlan"];
    notes: Array<{
      id: string;
      kind: string;
      writtenAt: Millis;
      text: string;
      author: NameRow;
      version: number;
      comments: Array<{ id: string; text: string; createdAt: Millis }>;
    }>;
    vitals: Array<{
      id: string;
      type: string;
      value: number;
      secondaryValue: number | null;
      unit: string;
      measuredAt: Millis;
      note: string | null;
      version: number;
    }>;
    wounds: Array<{
      id: string;
      location: string;
      description: string;
      treatment: string;
      performedAt: Millis;
      author: NameRow;
    }>;
    medications: HealthSection["medicationSchedule"];
    visits: Array<{
      id: string;
      startsAt: Millis;
      durationMinutes: number;
      purpose: string;
      status: string;
      nurse: NameRow;
    }>;
  } | null;
};

const personName = (person: NameRow) => (person ? displayName(person) : null);
const at = (millis: Millis) => new Date(millis);

/** A page's bounds as parameters: rows to read (one more than shown) and the cursor, or nulls. */
function bounds(list: FilePage[PagedList], limit: number) {
  const size = Math.min(list.size, limit);
  return { size, take: size + 1, beforeAt: list.before?.at ?? null, beforeId: list.before?.id ?? null };
}

/**
 * The file in ONE statement (issue 12: a record view costs a fixed, small number of round trips,
 * whatever the file's size): the administrative sections, and with `includeHealth` one page of
 * each growing list, newest first, read one row further to know whether an older page exists
 * (lib/dossier/paging.ts), with the authors' names and the patient's comments beside the notes
 * of that page, all as one jsonb value. Sections without health data never read a health table.
 */
export async function unsafeReadNursingFile(
  tx: Tx,
  patientId: string,
  options: { includeHealth: boolean; page?: FilePage },
): Promise<NursingFile> {
  const page = options.page ?? firstPage();
  const notes = bounds(page.nursingNotes, LIST_LIMITS.nursingNotes);
  const vitals = bounds(page.vitalSigns, LIST_LIMITS.vitalSigns);
  const wounds = bounds(page.woundCare, LIST_LIMITS.woundCare);
  const rows = await tx.$queryRaw<{ file: FileRow }[]>`
    SELECT jsonb_build_object(
      'identification', jsonb_build_object('firstName', person."firstName", 'lastName', person."lastName",
        'insz', person.insz, 'birthDate', to_char(person."birthDate", 'YYYY-MM-DD')),
      'contact', jsonb_build_object('email', person.email, 'phone', person.phone, 'street', person.street,
        'postalCode', person."postalCode", 'city', person.city, 'country', person.country),
      'social', (SELECT jsonb_build_object('livingSituation', s."livingSituation", 'informalCarers', s."informalCarers",
          'homeAccess', s."homeAccess", 'languages', to_jsonb(s.languages), 'notes', s.notes)
        FROM "SocialData" s WHERE s."patientId" = patient.id),
      'financial', (SELECT jsonb_build_object('insuranceFund', f."insuranceFund", 'insuranceNumber', f."insuranceNumber",
          'thirdPartyPayment', f."thirdPartyPayment", 'increasedAllowance', f."increasedAllowance",
          'billingAddress', f."billingAddress")
        FROM "FinancialAdministrativeData" f WHERE f."patientId" = patient.id),
      -- The latest episodes, in time order.
      'episodes', (SELECT coalesce(jsonb_agg(jsonb_build_object('startDate', to_char(e."startDate", 'YYYY-MM-DD'),
            'endDate', to_char(e."endDate", 'YYYY-MM-DD')) ORDER BY e."startDate", e.id), '[]'::jsonb)
        FROM (SELECT * FROM "CareEpisode" WHERE "patientId" = patient.id
              ORDER BY "startDate" DESC, id DESC LIMIT ${LIST_LIMITS.careEpisodes}) e),
      'health', CASE WHEN ${options.includeHealth}::boolean THEN jsonb_build_object(
        'carePlan', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'title', c.title,
              'description', c.description, 'frequency', c.frequency, 'status', c.status,
              'startDate', to_char(c."startDate", 'YYYY-MM-DD'), 'endDate', to_char(c."endDate", 'YYYY-MM-DD'),
              'version', c.version) ORDER BY c.status, c."startDate" DESC, c.id), '[]'::jsonb)
          FROM (SELECT * FROM "CarePlanItem" WHERE "patientId" = patient.id
                ORDER BY status, "startDate" DESC, id LIMIT ${LIST_LIMITS.carePlanItems}) c),
        'notes', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'kind', n.kind, 'text', n.text,
              'writtenAt', floor(extract(epoch FROM n."writtenAt") * 1000), 'version', n.version,
              'author', (SELECT jsonb_build_object('honorific', a.honorific, 'firstName', a."firstName", 'lastName', a."lastName")
                         FROM "Person" a WHERE a.id = n."authorId"),
              -- The patient's own comments beside the note, in the order she wrote them.
              'comments', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', pc.id, 'text', pc.text,
                    'createdAt', floor(extract(epoch FROM pc."createdAt") * 1000)) ORDER BY pc."createdAt", pc.id), '[]'::jsonb)
                FROM (SELECT * FROM "PatientComment" WHERE "patientId" = patient.id AND "entityType" = 'NursingNote'
                      AND "entityId" = n.id ORDER BY "createdAt" DESC, id DESC LIMIT ${LIST_LIMITS.patientComments}) pc)
            ) ORDER BY n."writtenAt" DESC, n.id DESC), '[]'::jsonb)
          FROM (SELECT * FROM "NursingNote" WHERE "patientId" = patient.id
                AND (${notes.beforeAt}::timestamptz IS NULL OR "writtenAt" < ${notes.beforeAt}::timestamptz
                     OR ("writtenAt" = ${notes.beforeAt}::timestamptz AND id < ${notes.beforeId}::text))
                ORDER BY "writtenAt" DESC, id DESC LIMIT ${notes.take}) n),
        'vitals', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', v.id, 'type', v.type, 'value', v.value,
              'secondaryValue', v."secondaryValue", 'unit', v.unit, 'note', v.note, 'version', v.version,
              'measuredAt', floor(extract(epoch FROM v."measuredAt") * 1000)) ORDER BY v."measuredAt" DESC, v.id DESC), '[]'::jsonb)
          FROM (SELECT * FROM "VitalSign" WHERE "patientId" = patient.id
                AND (${vitals.beforeAt}::timestamptz IS NULL OR "measuredAt" < ${vitals.beforeAt}::timestamptz
                     OR ("measuredAt" = ${vitals.beforeAt}::timestamptz AND id < ${vitals.beforeId}::text))
                ORDER BY "measuredAt" DESC, id DESC LIMIT ${vitals.take}) v),
        'wounds', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'location', w.location,
              'description', w.description, 'treatment', w.treatment,
              'performedAt', floor(extract(epoch FROM w."performedAt") * 1000),
              'author', (SELECT jsonb_build_object('honorific', a.honorific, 'firstName', a."firstName", 'lastName', a."lastName")
                         FROM "Person" a WHERE a.id = w."authorId")
            ) ORDER BY w."performedAt" DESC, w.id DESC), '[]'::jsonb)
          FROM (SELECT * FROM "WoundCareEntry" WHERE "patientId" = patient.id
                AND (${wounds.beforeAt}::timestamptz IS NULL OR "performedAt" < ${wounds.beforeAt}::timestamptz
                     OR ("performedAt" = ${wounds.beforeAt}::timestamptz AND id < ${wounds.beforeId}::text))
                ORDER BY "performedAt" DESC, id DESC LIMIT ${wounds.take}) w),
        'medications', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'medication', m.medication,
              'dose', m.dose, 'route', m.route, 'times', to_jsonb(m.times), 'instructions', m.instructions,
              'prescriber', m.prescriber, 'startDate', to_char(m."startDate", 'YYYY-MM-DD'),
              'endDate', to_char(m."endDate", 'YYYY-MM-DD')) ORDER BY m."startDate" DESC, m.id), '[]'::jsonb)
          FROM (SELECT * FROM "MedicationScheduleItem" WHERE "patientId" = patient.id
                ORDER BY "startDate" DESC, id LIMIT ${LIST_LIMITS.medicationScheduleItems}) m),
        -- The latest visits (the planned ones and the most recent past ones), in time order.
        'visits', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', pv.id,
              'startsAt', floor(extract(epoch FROM pv."startsAt") * 1000), 'durationMinutes', pv."durationMinutes",
              'purpose', pv.purpose, 'status', pv.status,
              'nurse', (SELECT jsonb_build_object('honorific', a.honorific, 'firstName', a."firstName", 'lastName', a."lastName")
                        FROM "Person" a WHERE a.id = pv."nurseId")
            ) ORDER BY pv."startsAt", pv.id), '[]'::jsonb)
          FROM (SELECT * FROM "PlannedVisit" WHERE "patientId" = patient.id
                ORDER BY "startsAt" DESC, id DESC LIMIT ${Math.min(VISITS_READ, LIST_LIMITS.plannedVisits)}) pv)
      ) END
    ) AS file
    FROM "Patient" patient JOIN "Person" person ON person.id = patient.id
    WHERE patient.id = ${patientId}`;
  const row = rows[0]?.file;
  // Only ever called under an allowed decision, which needs the patient: a missing one is a bug.
  if (!row) throw new Error(`no patient ${patientId} to read`);
  const file: NursingFile = {
    patientId,
    care: { episodes: row.episodes },
    administrative: {
      identification: row.identification,
      contact: row.contact,
      social: row.social,
      financialAdministrative: row.financial,
    },
  };
  if (options.includeHealth && row.health) file.health = healthSection(row.health, { notes, vitals, wounds });
  return file;
}

function healthSection(
  health: NonNullable<FileRow["health"]>,
  sizes: Record<"notes" | "vitals" | "wounds", { size: number }>,
): HealthSection {
  const notesPage = pageOf(health.notes, sizes.notes.size, (note) => at(note.writtenAt));
  const vitalsPage = pageOf(health.vitals, sizes.vitals.size, (vital) => at(vital.measuredAt));
  const woundPage = pageOf(health.wounds, sizes.wounds.size, (entry) => at(entry.performedAt));
  return {
    carePlan: health.carePlan,
    nursingNotes: notesPage.rows.map((note) => ({
      id: note.id,
      kind: note.kind,
      writtenAt: at(note.writtenAt),
      text: note.text,
      author: personName(note.author),
      version: note.version,
      patientComments: note.comments.map((comment) => ({
        id: comment.id,
        text: comment.text,
        createdAt: at(comment.createdAt),
      })),
    })),
    vitalSigns: vitalsPage.rows.map((vital) => ({
      id: vital.id,
      type: vital.type,
      value: Number(vital.value),
      secondaryValue: vital.secondaryValue === null ? null : Number(vital.secondaryValue),
      unit: vital.unit,
      measuredAt: at(vital.measuredAt),
      note: vital.note,
      version: vital.version,
    })),
    woundCare: woundPage.rows.map((entry) => ({
      id: entry.id,
      location: entry.location,
      description: entry.description,
      treatment: entry.treatment,
      performedAt: at(entry.performedAt),
      author: personName(entry.author),
    })),
    medicationSchedule: health.medications,
    plannedVisits: health.visits.map((visit) => ({
      id: visit.id,
      startsAt: at(visit.startsAt),
      durationMinutes: visit.durationMinutes,
      purpose: visit.purpose,
      status: visit.status,
      nurse: personName(visit.nurse),
    })),
    pages: {
      nursingNotes: { nextBefore: notesPage.next && formatCursor(notesPage.next) },
      vitalSigns: { nextBefore: vitalsPage.next && formatCursor(vitalsPage.next) },
      woundCare: { nextBefore: woundPage.next && formatCursor(woundPage.next) },
    },
  };
}
