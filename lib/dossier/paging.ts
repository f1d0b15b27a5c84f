// Paging of the long lists of a nursing file (ADR 0025): nursing notes, vital-sign readings and
// wound care grow by the day, so a file view shows the newest entries first and each list has its
// own "older" link carrying a cursor. The cursor is the position of the last entry shown, never
// an offset: an entry written meanwhile does not shift the pages, and every entry is on exactly
// one page. Server-rendered links (no script needed) and the record API use the same cursors.
import { z } from "zod";

/** Where a page of one list ends: the newest entry NOT on it is older than this (time, then id). */
export type Cursor = { at: Date; id: string };

/** The lists that are paged, with the query parameter that carries each one's cursor. */
export const pagedLists = {
  nursingNotes: "notesBefore",
  vitalSigns: "readingsBefore",
  woundCare: "woundCareBefore",
} as const;
export type PagedList = keyof typeof pagedLists;

/**
 * Entries per page in the file pages: the newest weeks of a busy file (about ten days of notes and
 * of readings, the last five wound-care entries), every entry shown, none hidden behind a
 * disclosure, so a file page stays under 100 KB of HTML (issue 12). 10 notes: the assessments a
 * patient can comment on from her corrections page (lib/corrections lists the same newest notes)
 * are on her file's first page, where the comment shows.
 */
export const PAGE_SIZES: Record<PagedList, number> = { nursingNotes: 10, vitalSigns: 24, woundCare: 5 };
/** The record API's page size: `limit` between 1 and this, default PAGE_SIZE_DEFAULT. */
export const API_PAGE_SIZE_MAX = 100;
export const API_PAGE_SIZE_DEFAULT = 50;

export type FilePage = { [list in PagedList]: { before: Cursor | null; size: number } };

/** The newest page of every list. */
export function firstPage(sizes: Record<PagedList, number> = PAGE_SIZES): FilePage {
  return {
    nursingNotes: { before: null, size: sizes.nursingNotes },
    vitalSigns: { before: null, size: sizes.vitalSigns },
    woundCare: { before: null, size: sizes.woundCare },
  };
}

const EARLIEST = Date.UTC(2000, 0, 1);
/** Clock skew allowed for an entry stamped a little ahead of the server. */
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function formatCursor(cursor: Cursor): string {
  return `${cursor.at.getTime()}-${cursor.id}`;
}

/**
 * `<epoch milliseconds>-<entry id>`, range-checked: a time between 2000 and two days from now,
 * an id of at most 64 letters, digits, `_` or `-`. Anything else is an error naming the rule.
 */
export const ZCursor = z
  .string()
  .max(90)
  .transform((raw, context): Cursor => {
    const match = /^(\d{1,15})-(.+)$/.exec(raw);
    const at = match ? Number(match[1]) : Number.NaN;
    const id = match?.[2] ?? "";
    if (!Number.isSafeInteger(at) || at < EARLIEST || at > Date.now() + FUTURE_SLACK_MS || !ID.test(id)) {
      context.addIssue({
        code: "custom",
        message: "must be a cursor from a 'next' link: <epoch milliseconds between 2000 and now>-<entry id>",
      });
      return z.NEVER;
    }
    return { at: new Date(at), id };
  });

/** Prisma's keyset condition for "older than the cursor" on (time field desc, id desc). */
export function olderThan<Field extends string>(field: Field, cursor: Cursor | null): Record<string, unknown> {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

/** Of `size + 1` rows read, the page and the cursor of the next one (null on the last page). */
export function pageOf<Row extends { id: string }>(
  rows: Row[],
  size: number,
  timeOf: (row: Row) => Date,
): { rows: Row[]; next: Cursor | null } {
  if (rows.length <= size) return { rows, next: null };
  const page = rows.slice(0, size);
  const last = page.at(-1)!;
  return { rows: page, next: { at: timeOf(last), id: last.id } };
}

/** A page's query parameters (Next's searchParams). */
export type FileSearchParams = Record<string, string | string[] | undefined>;

/**
 * The page of each list a file page's URL asks for. A cursor that fails the range check is
 * ignored and the newest page shown: a mistyped or stale link still opens the file (the record
 * API, by contrast, answers such a cursor with 400).
 */
export function filePageFromSearch(params: FileSearchParams, sizes: Record<PagedList, number> = PAGE_SIZES): FilePage {
  const page = firstPage(sizes);
  for (const list of Object.keys(pagedLists) as PagedList[]) {
    const raw = params[pagedLists[list]];
    if (typeof raw !== "string") continue;
    const parsed = ZCursor.safeParse(raw);
    if (parsed.success) page[list].before = parsed.data;
  }
  return page;
}

/**
 * An entry id from a page's query (the nurse's `?correct=<entry id>`): the same shape as a
 * cursor's id, or null. It only ever selects among the entries the page already read.
 */
export function entryIdFromSearch(value: string | string[] | undefined): string | null {
  return typeof value === "string" && ID.test(value) ? value : null;
}

/** The query that shows the same page of every list again, with extra parameters after it. */
export function filePageQuery(current: FilePage, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const list of Object.keys(pagedLists) as PagedList[]) {
    const before = current[list].before;
    if (before) query.set(pagedLists[list], formatCursor(before));
  }
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  const search = query.toString();
  return search ? `?${search}` : "";
}

/** The link to another page of one list: only that list's cursor, the others at their newest. */
export function pageHref(basePath: string, list: PagedList, before: string | null, anchor: string): string {
  const query = before ? `?${pagedLists[list]}=${encodeURIComponent(before)}` : "";
  return `${basePath}${query}#${anchor}`;
}
