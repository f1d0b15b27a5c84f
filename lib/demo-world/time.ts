// Date arithmetic for the demo world. Calendar dates (@db.Date columns) are UTC midnight of the
// day, counted from the Belgian "today" (lib/belgian-calendar.ts); moments of care (visits, notes) are placed at Belgian morning and evening hours, written
// as UTC (Belgium is UTC+1 in winter, UTC+2 in summer; an hour off does not matter for a demo).

import { belgianCalendarDay } from "@/lib/belgian-calendar";

const DAY_MS = 24 * 60 * 60 * 1000;

/** UTC midnight of the UTC day of `moment`: for values that already are calendar dates. */
export function startOfUtcDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
}

/** The calendar date `days` days before the Belgian date of the moment `today` (negative: after). */
export function dateDaysAgo(today: Date, days: number): Date {
  return new Date(belgianCalendarDay(today).getTime() - days * DAY_MS);
}

/** Exactly `days` x 24 hours before `today`, keeping its time of day. */
export function momentDaysAgo(today: Date, days: number): Date {
  return new Date(today.getTime() - days * DAY_MS);
}

/** `hour`:`minute` (UTC) on the calendar day `day`. */
export function atTime(day: Date, hour: number, minute = 0): Date {
  return new Date(startOfUtcDay(day).getTime() + (hour * 60 + minute) * 60 * 1000);
}

/** The calendar date `months` calendar months before the day of `today` (clamped to the month's end). */
export function dateMonthsAgo(today: Date, months: number): Date {
  const start = startOfUtcDay(today);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(start.getUTCDate(), lastDay)));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}
