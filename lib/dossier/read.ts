// Reading a patient's nursing file into DTOs. Unscoped on purpose: every caller must hold an
// allowed access decision for this patient first (lib/access withPatientAccess), which is why
// these functions take the transaction that decision was logged in and are named `unsafe...`.
import { listPatientComments } from "@/lib/corrections";
import { isoDateOfColumn } from "@/lib/belgian-calendar";
import { LIST_LIMITS } from "@/lib/limits";
import type { Prisma } from "@/lib/generated/prisma/client";
import { displayName, type NamedPerson } from "@/lib/people/display-name";
import { type FilePage, firstPage, formatCursor, olderThan, pageOf, type PagedList } from "./paging";

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

const personName = (person: NamedPerson | null) => (person ? displayName(person) : null);
const day = isoDateOfColumn;
const optionalDay = (date: Date | null) => (date ? day(date) : null);

export async function unsafeReadAdministrativeSections(
  tx: Tx,
  patientId: string,
): Promise<AdministrativeSections & { episodes: NursingFile["care"]["episodes"] }> {
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: {
      person: {
        select: {
          firstName: true,
          lastName: true,
          insz: true,
          birthDate: true,
          email: true,
          phone: true,
          street: true,
          postalCode: true,
          city: true,
          country: true,
        },
      },
      socialData: {
        select: { livingSituation: true, informalCarers: true, homeAccess: true, languages: true, notes: true },
      },
      financialData: {
        select: {
          insuranceFund: true,
          insuranceNumber: true,
          thirdPartyPayment: true,
          increasedAllowance: true,
          billingAddress: true,
        },
      },
      // The latest episodes, put back in time order below.
      careEpisodes: {
        select: { startDate: true, endDate: true },
        orderBy: { startDate: "desc" },
        take: LIST_LIMITS.careEpisodes,
      },
    },
  });
  const { person } = patient;
  return {
    identification: {
      firstName: person.firstName,
      lastName: person.lastName,
      insz: person.insz,
      birthDate: optionalDay(person.birthDate),
    },
    contact: {
      email: person.email,
      phone: person.phone,
      street: person.street,
      postalCode: person.postalCode,
      city: person.city,
      country: person.country,
    },
    social: patient.socialData,
    financialAdministrative: patient.financialData,
    episodes: patient.careEpisodes.toReversed().map((episode) => ({
      startDate: day(episode.startDate),
      endDate: optionalDay(episode.endDate),
    })),
  };
}

/** The planned visits a file view reads: the latest ones (the planned ones and the most recent past ones). */
const VISITS_READ = 30;

export async function unsafeReadHealthSection(
  tx: Tx,
  patientId: string,
  page: FilePage = firstPage(),
): Promise<HealthSection> {
  // Sequential on purpose: one transaction is one connection, and queries on it run one by one.
  const carePlan = await tx.carePlanItem.findMany({
    where: { patientId },
    orderBy: [{ status: "asc" }, { startDate: "desc" }],
    take: LIST_LIMITS.carePlanItems,
  });
  // One page of each growing list, read one row further to know whether an older page exists.
  const notesPage = pageOf(
    await tx.nursingNote.findMany({
      where: { patientId, ...olderThan("writtenAt", page.nursingNotes.before) },
      orderBy: [{ writtenAt: "desc" }, { id: "desc" }],
      take: Math.min(page.nursingNotes.size, LIST_LIMITS.nursingNotes) + 1,
      include: { author: { select: { honorific: true, firstName: true, lastName: true } } },
    }),
    Math.min(page.nursingNotes.size, LIST_LIMITS.nursingNotes),
    (note) => note.writtenAt,
  );
  const vitalsPage = pageOf(
    await tx.vitalSign.findMany({
      where: { patientId, ...olderThan("measuredAt", page.vitalSigns.before) },
      orderBy: [{ measuredAt: "desc" }, { id: "desc" }],
      take: Math.min(page.vitalSigns.size, LIST_LIMITS.vitalSigns) + 1,
    }),
    Math.min(page.vitalSigns.size, LIST_LIMITS.vitalSigns),
    (vital) => vital.measuredAt,
  );
  const woundPage = pageOf(
    await tx.woundCareEntry.findMany({
      where: { patientId, ...olderThan("performedAt", page.woundCare.before) },
      orderBy: [{ performedAt: "desc" }, { id: "desc" }],
      take: Math.min(page.woundCare.size, LIST_LIMITS.woundCare) + 1,
      include: { author: { select: { honorific: true, firstName: true, lastName: true } } },
    }),
    Math.min(page.woundCare.size, LIST_LIMITS.woundCare),
    (entry) => entry.performedAt,
  );
  const nursingNotes = notesPage.rows;
  const vitalSigns = vitalsPage.rows;
  const woundCare = woundPage.rows;
  const medicationSchedule = await tx.medicationScheduleItem.findMany({
    where: { patientId },
    orderBy: { startDate: "desc" },
    take: LIST_LIMITS.medicationScheduleItems,
  });
  // The latest visits (the planned ones and the most recent past ones), shown in time order.
  const plannedVisits = (
    await tx.plannedVisit.findMany({
      where: { patientId },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      take: Math.min(VISITS_READ, LIST_LIMITS.plannedVisits),
      include: { nurse: { select: { honorific: true, firstName: true, lastName: true } } },
    })
  ).reverse();
  // Read in the caller's READ_HEALTH transaction: whoever may read the note reads her comment
  // with it, and a reader without READ_HEALTH (the service center) never reaches this line.
  const commentsByNote = new Map<string, PatientComment[]>();
  const noteIds = nursingNotes.map((note) => note.id);
  for (const comment of await listPatientComments(tx, patientId, noteIds)) {
    if (comment.entityType !== "NursingNote") continue;
    const list = commentsByNote.get(comment.entityId) ?? [];
    list.push({ id: comment.id, text: comment.text, createdAt: comment.createdAt });
    commentsByNote.set(comment.entityId, list);
  }
  return {
    carePlan: carePlan.map((item) => ({
      id: item.id,
      title: item.title,
      description: item.description,
      frequency: item.frequency,
      status: item.status,
      startDate: day(item.startDate),
      endDate: optionalDay(item.endDate),
      version: item.version,
    })),
    nursingNotes: nursingNotes.map((note) => ({
      id: note.id,
      kind: note.kind,
      writtenAt: note.writtenAt,
      text: note.text,
      author: personName(note.author),
      version: note.version,
      patientComments: commentsByNote.get(note.id) ?? [],
    })),
    vitalSigns: vitalSigns.map((vital) => ({
      id: vital.id,
      type: vital.type,
      value: vital.value.toNumber(),
      secondaryValue: vital.secondaryValue?.toNumber() ?? null,
      unit: vital.unit,
      measuredAt: vital.measuredAt,
      note: vital.note,
      version: vital.version,
    })),
    woundCare: woundCare.map((entry) => ({
      id: entry.id,
      location: entry.location,
      description: entry.description,
      treatment: entry.treatment,
      performedAt: entry.performedAt,
      author: personName(entry.author),
    })),
    medicationSchedule: medicationSchedule.map((item) => ({
      id: item.id,
      medication: item.medication,
      dose: item.dose,
      route: item.route,
      times: item.times,
      instructions: item.instructions,
      prescriber: item.prescriber,
      startDate: day(item.startDate),
      endDate: optionalDay(item.endDate),
    })),
    plannedVisits: plannedVisits.map((visit) => ({
      id: visit.id,
      startsAt: visit.startsAt,
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

export async function unsafeReadNursingFile(
  tx: Tx,
  patientId: string,
  options: { includeHealth: boolean; page?: FilePage },
): Promise<NursingFile> {
  const { episodes, ...administrative } = await unsafeReadAdministrativeSections(tx, patientId);
  const file: NursingFile = { patientId, care: { episodes }, administrative };
  if (options.includeHealth) file.health = await unsafeReadHealthSection(tx, patientId, options.page);
  return file;
}
