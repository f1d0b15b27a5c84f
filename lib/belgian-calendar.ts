// The Belgian calendar: the one module that says which day it is and what a Belgian wall-clock
// time means. "Today" is the date in Europe/Brussels, never the UTC date: between midnight and
// 01:00 (02:00 in summer) Belgian time the UTC date is still yesterday, and a list that used it
// would disagree with the access decision about whether a relation, an assignment or the
// availability window still runs.
//
// Two representations of a calendar date meet here:
// - an ISO string `YYYY-MM-DD` (what the decision compares and what DTOs show);
// - a `Date` at UTC midnight of that day, which is how Prisma reads and writes a Postgres `date`
//   column (`@db.Date`). Compare such columns only with `belgianCalendarDay(now)`.

export const BELGIAN_TIME_ZONE = "Europe/Brussels";

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;

const belgianDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: BELGIAN_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The date in Belgium at `instant`, as `YYYY-MM-DD`. */
export function belgianCalendarDate(instant: Date): IsoDate {
  return belgianDateFormat.format(instant);
}

/** The date in Belgium at `instant`, as the value of a `date` column (UTC midnight of that day). */
export function belgianCalendarDay(instant: Date): Date {
  return dateColumnValue(belgianCalendarDate(instant));
}

/** The `date`-column value (UTC midnight) of `YYYY-MM-DD`. */
export function dateColumnValue(isoDate: IsoDate): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** `YYYY-MM-DD` of a `date`-column value. Never use it on an instant: that gives the UTC date. */
export function isoDateOfColumn(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The calendar date `days` days after `isoDate` (negative: before). */
export function addCalendarDays(isoDate: IsoDate, days: number): IsoDate {
  return isoDateOfColumn(new Date(dateColumnValue(isoDate).getTime() + days * DAY_MS));
}

/** Adds calendar months; the day is clamped to the month's last day (30 Nov + 3 months = 28 Feb). */
export function addCalendarMonths(isoDate: IsoDate, months: number): IsoDate {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return isoDateOfColumn(new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))));
}

const belgianWallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: BELGIAN_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** How far Belgian wall-clock time is ahead of UTC at `instant`, in milliseconds (1 or 2 hours). */
function belgianOffsetMs(instant: Date): number {
  const parts = Object.fromEntries(belgianWallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return wall - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant a Belgian wall-clock time `YYYY-MM-DDTHH:mm` stands for. The offset is that of
 * Brussels at (about) that moment, found by formatting a first guess: right on both sides of a
 * DST change except inside the skipped or repeated hour, where either reading is acceptable for
 * a planned visit.
 */
export function brusselsLocalToInstant(local: string): Date {
  const [datePart, timePart] = local.split("T");
  const [year, month, day] = datePart!.split("-").map(Number);
  const [hour, minute] = timePart!.split(":").map(Number);
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  const first = asUtc - belgianOffsetMs(new Date(asUtc));
  return new Date(asUtc - belgianOffsetMs(new Date(first)));
}
