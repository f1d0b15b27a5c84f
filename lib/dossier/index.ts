// The public entry for reading a nursing file: the access decision and its log entry first, in
// the same transaction as the read, so no data leaves without its committed log entry.
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision, assertAllowed, withPatientAccess } from "@/lib/access";
import { organisation } from "@/lib/env";
import { PortalError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FilePage } from "./paging";
import { unsafeReadNursingFile, type NursingFile } from "./read";

export type { NursingFile, PatientComment } from "./read";

export type FileReadOutcome =
  { allowed: true; decision: AccessDecision; file: NursingFile } | { allowed: false; decision: AccessDecision };

/**
 * The service center reads the administrative sections only (it never reads health data);
 * every other role reads the whole file under READ_HEALTH, which every role that holds it also
 * holds READ_ADMINISTRATIVE with (lib/access/policy.ts actionsByRole).
 */
export async function readPatientFile(input: {
  actor: GatedActor;
  patientId: string;
  requestId: string;
  /** Defaults to the app's client; tests pass their own. */
  db?: PrismaClient;
  now?: Date;
  /** Which page of each long list; the newest by default (lib/dossier/paging.ts). */
  page?: FilePage;
}): Promise<FileReadOutcome> {
  const includeHealth = input.actor.activeRole !== "SERVICE_CENTER";
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      requestId: input.requestId,
      action: includeHealth ? "READ_HEALTH" : "READ_ADMINISTRATIVE",
      db: input.db,
      now: input.now,
    },
    (tx) => unsafeReadNursingFile(tx, input.patientId, { includeHealth, page: input.page }),
  );
  return outcome.allowed ? { allowed: true, decision: outcome.decision, file: outcome.result } : outcome;
}

/**
 * Maps a denial of a file read to the error the caller gets. Only the patient, asking for their
 * own file after the availability window, is told why and how to ask a copy: it is their file,
 * so this reveals nothing. Everyone else gets the one undistinguishable `forbidden`.
 */
export function assertFileReadAllowed(decision: AccessDecision, actor: GatedActor, patientId: string): void {
  if (
    !decision.allowed &&
    decision.reason === "outside_availability_window" &&
    actor.activeRole === "PATIENT" &&
    actor.personId === patientId
  ) {
    throw new PortalError("forbidden", {
      userMessage: `Your file is no longer available online: care ended more than the availability window ago. Ask a copy from the service center (${organisation.serviceCenterPhone}, ${organisation.privacyEmail}).`,
    });
  }
  assertAllowed(decision);
}

export { listAppointingPatients, listMyPatients, type RelatedPatient } from "./relations";
export { lookupPatientByInsz, CARE_QUESTION_LOG_ACTION, type LookupResult } from "./lookup";
export { refusalKind, type RefusalKind } from "./refusal";
export { fileAvailability, type FileAvailability } from "./availability";
export {
  API_PAGE_SIZE_DEFAULT,
  API_PAGE_SIZE_MAX,
  entryIdFromSearch,
  filePageFromSearch,
  filePageQuery,
  firstPage,
  PAGE_SIZES,
  pageHref,
  pagedLists,
  ZCursor,
  type Cursor,
  type FilePage,
  type FileSearchParams,
  type PagedList,
} from "./paging";
