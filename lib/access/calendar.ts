// Calendar helpers of the access core: care dates are calendar dates (no time zone) stored as UTC
// midnight, and "today" is the Belgian date of the request's instant.

const belgianDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** YYYY-MM-DD of an instant in Belgium. */
export function belgianCalendarDate(instant: Date): string {
  return belgianDateFormat.format(instant);
}

/** YYYY-MM-DD of a calendar date stored as UTC midnight (Postgres `date`). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds calendar months; the day is clamped to the month's last day (30 Nov + 3 months = 28 Feb). */
export function addCalendarMonths(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Adds calendar days to YYYY-MM-DD (negative: back). */
export function addCalendarDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
