// GET /api/patients/{id}/record: the nursing file as JSON. Every denial, for a known patient, an
// unknown id or a malformed one, is the same 403 forbidden, so nobody can probe who is a patient.
//
// The long lists are paged (ADR 0025): nursing notes, vital-sign readings and wound care come
// newest first, `limit` entries each (default 50, at most 100), and `links` holds the URL of each
// list's next (older) page, or null on its last page. Follow a link to page one list; the others
// then start again at their newest. The cursors (`notesBefore`, `readingsBefore`,
// `woundCareBefore`) are range-checked; an unknown parameter or a bad value is a 400 naming it.
import { z } from "zod";
import {
  API_PAGE_SIZE_DEFAULT,
  API_PAGE_SIZE_MAX,
  assertFileReadAllowed,
  firstPage,
  pagedLists,
  type PagedList,
  readPatientFile,
  ZCursor,
} from "@/lib/dossier";
import { parseSearchParams, withActor } from "@/lib/http/route";
import { patientIdParam } from "@/lib/http/params";

const ZRecordQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(API_PAGE_SIZE_MAX).default(API_PAGE_SIZE_DEFAULT),
  notesBefore: ZCursor.optional(),
  readingsBefore: ZCursor.optional(),
  woundCareBefore: ZCursor.optional(),
});

export const GET = withActor<{ id: string }>(
  async ({ actor, params, request, requestId }) => {
    const patientId = patientIdParam(params.id);
    const query = parseSearchParams(request, ZRecordQuery);
    const page = firstPage({ nursingNotes: query.limit, vitalSigns: query.limit, woundCare: query.limit });
    page.nursingNotes.before = query.notesBefore ?? null;
    page.vitalSigns.before = query.readingsBefore ?? null;
    page.woundCare.before = query.woundCareBefore ?? null;
    const outcome = await readPatientFile({ actor, patientId, requestId, page });
    assertFileReadAllowed(outcome.decision, actor, patientId);
    if (!outcome.allowed) return Response.json(null);
    const { file } = outcome;
    const base = `/api/patients/${encodeURIComponent(patientId)}/record`;
    const next = (list: PagedList) => {
      const before = file.health?.pages[list].nextBefore;
      return before ? `${base}?${pagedLists[list]}=${encodeURIComponent(before)}&limit=${query.limit}` : null;
    };
    const links = file.health
      ? { nursingNotes: next("nursingNotes"), vitalSigns: next("vitalSigns"), woundCare: next("woundCare") }
      : undefined;
    return Response.json({ ...file, links });
  },
  { gateInAccessDecision: true },
);
