// The terms of therapeutic links (ADR 0020): how long a link of each kind runs before it ends by
// itself, as the Belgian hubs use them. A link runs from its start date for that many calendar
// months; its last day (included) is the day before the same date that many months later.
import { addCalendarDays, addCalendarMonths } from "@/lib/belgian-calendar";
import type { TherapeuticLinkTerm } from "@/lib/generated/prisma/enums";

export const LINK_TERM_MONTHS = {
  /** A GP's long-term relation (global medical file): up to 15 months. */
  GP_LONG_TERM: 15,
  /** An occasional contact (a replacing doctor, a specialist, a pharmacist): 3 months. */
  OCCASIONAL_CONTACT: 3,
  /** An emergency department: 1 month. */
  EMERGENCY_DEPARTMENT: 1,
} as const satisfies Record<TherapeuticLinkTerm, number>;

export const linkTerms = Object.keys(LINK_TERM_MONTHS) as TherapeuticLinkTerm[];

/** The last day (YYYY-MM-DD, included) of a link of `term` that starts on `startDay` (YYYY-MM-DD). */
export function linkLastDay(startDay: string, term: TherapeuticLinkTerm): string {
  return addCalendarDays(addCalendarMonths(startDay, LINK_TERM_MONTHS[term]), -1);
}

/**
 * The end to record for a link: the end its source gives, but never later than its term allows.
 * A source that reports a longer link (a bug, a forged answer) gets the term, not more: the
 * portal fails closed on the facts it does not control.
 */
export function boundedLinkEnd(startDay: string, term: TherapeuticLinkTerm, reportedLastDay: string | null): string {
  const limit = linkLastDay(startDay, term);
  return reportedLastDay !== null && reportedLastDay < limit ? reportedLastDay : limit;
}
