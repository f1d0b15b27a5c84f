// Size limits of the request path and of every list the portal reads, in one place (ADR 0012).
// A list without a limit grows with the data until a page or an API answer times out; a body
// without a limit is memory anyone can ask the server to spend. Every limit is far above what a
// real file or request holds, so reaching one means something is wrong, not that data is hidden
// from a normal reader; lists that can legitimately grow (the access log) are paged instead.

/** Largest JSON body a route handler reads; checked on Content-Length and while reading. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The most rows each list reads. */
export const LIST_LIMITS = {
  /** One patient's file (lib/dossier/read.ts): the newest entries of each section. */
  nursingNotes: 500,
  vitalSigns: 2000,
  woundCare: 200,
  carePlanItems: 200,
  medicationScheduleItems: 200,
  /** The most recent (past and planned) visits. */
  plannedVisits: 300,
  careEpisodes: 100,
  /** Patient comments beside the entries of one file. */
  patientComments: 1000,
  /** Revisions of one file shown on the nurse's work screen, newest first. */
  revisions: 500,
  /** Revisions of a patient's administrative data (service center). */
  administrativeRevisions: 50,
  /** A patient's own correction requests, newest first. */
  patientCorrectionRequests: 200,
  /** The service center's correction queue, earliest deadline first. */
  correctionQueue: 200,
  /** Correction requests routed to one nurse, earliest deadline first. */
  routedCorrections: 200,
  /** Each of the two halves of the service center's review list, newest first. */
  reviewEmergencyAccesses: 200,
  reviewSuspensions: 200,
  /** A person's relations of one kind (care team, therapeutic relations, appointments). */
  relations: 500,
  /** A patient's settings: appointments, exclusions, relations, assignments, consent history. */
  patientSettingsRows: 500,
  /** Published versions of the declarations and privacy statement. */
  documentVersions: 100,
} as const satisfies Record<string, number>;
