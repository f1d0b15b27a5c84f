// Minors and their representatives (domain.md "Minors and representatives", ADR 0019): the age
// of a patient on the Belgian calendar day of a request, and the age bands the access policy
// and the login use. Pure, like policy.ts, so every boundary is tested with the clock moved.
//
// Age is counted in full years by calendar date: one is N on the day the month and day of birth
// come round. Someone born on 29 February turns a year older on 1 March in a year without one.
// Without a known birth date a patient counts as an adult: self access, and only a representative
// appointed for an adult (a BIS number may have no birth date; the coordinator registers people
// with the birth date their national number encodes).
import { belgianCalendarDate } from "@/lib/belgian-calendar";

/** The child signs in and reads its own file from this age on. */
export const OWN_ACCESS_AGE = 12;
/** A representative's access of a minor ends on this birthday: only the young person decides. */
export const REPRESENTATION_ENDS_AGE = 16;
/** Adults may have a representative appointed for them. */
export const ADULT_AGE = 18;

export type AgeBand = "under_12" | "12_to_15" | "16_to_17" | "adult";

/** Full years from `birthDate` (a calendar date at UTC midnight) to the calendar day `isoDay` (YYYY-MM-DD). */
export function ageOnDay(birthDate: Date, isoDay: string): number {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const birthYear = birthDate.getUTCFullYear();
  const birthMonth = birthDate.getUTCMonth() + 1;
  const birthDay = birthDate.getUTCDate();
  const birthdayReached = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (birthdayReached ? 0 : 1);
}

/** The age band of a patient at the instant `now`, by the Belgian calendar day. */
export function ageBand(birthDate: Date | null, now: Date): AgeBand {
  if (birthDate === null) return "adult";
  const age = ageOnDay(birthDate, belgianCalendarDate(now));
  if (age < OWN_ACCESS_AGE) return "under_12";
  if (age < REPRESENTATION_ENDS_AGE) return "12_to_15";
  if (age < ADULT_AGE) return "16_to_17";
  return "adult";
}

/**
 * Whether a person may use the portal in their own name as a patient: not a child under 12.
 * The login asks this before it starts a session (a calm refusal instead of an empty portal);
 * the access policy asks the same question for every action a patient takes on their own file.
 */
export function mayActAsOwnPatient(birthDate: Date | null, now: Date): boolean {
  return ageBand(birthDate, now) !== "under_12";
}
