// The Belgian national number (INSZ / NISS / rijksregisternummer): YYMMDD + 3-digit serial +
// 2-digit mod-97 check. The INSZ is how a person is identified at login (eID/itsme) and how the
// service center finds a patient, so a typo must be caught at the edge, never stored.
//
// Check: 97 - (first 9 digits mod 97). For people born in 2000 or later the 9 digits are
// prefixed with "2" before taking the modulus, so the same YYMMDD can be told apart by century.
// BIS numbers (for people not in the national register) add 20 or 40 to the month, and a
// month or day of 00 means "unknown"; both pass the same check.
import { z } from "zod";

const ELEVEN_DIGITS = /^\d{11}$/;
// What a person may type around the digits: "41.03.12-124.10", "41 03 12 124 10".
const SEPARATORS = /[\s.\-/]/g;

export type InszCentury = 1900 | 2000;

function checkFor(nineDigits: string, century: InszCentury): number {
  const base = BigInt(century === 2000 ? `2${nineDigits}` : nineDigits);
  return 97 - Number(base % 97n);
}

/** Which century the check digits point at, or null when neither matches. */
export function inszCentury(insz: string): InszCentury | null {
  if (!ELEVEN_DIGITS.test(insz)) return null;
  const nineDigits = insz.slice(0, 9);
  const check = Number(insz.slice(9));
  if (checkFor(nineDigits, 1900) === check) return 1900;
  if (checkFor(nineDigits, 2000) === check) return 2000;
  return null;
}

function plausibleDateParts(insz: string): boolean {
  const month = Number(insz.slice(2, 4));
  const day = Number(insz.slice(4, 6));
  // Month 0 = unknown; +20 / +40 = BIS number (sex known / unknown).
  const baseMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
  return baseMonth <= 12 && day <= 31;
}

/** True for exactly 11 digits whose check digits are right (either century). No separators. */
export function isValidInsz(value: string): boolean {
  return typeof value === "string" && plausibleDateParts(value) && inszCentury(value) !== null;
}

/**
 * Strips the separators people type ("41.03.12-124.10") and returns the 11 digits when they
 * form a valid INSZ, otherwise null. Anything else than digits and separators is rejected,
 * not silently dropped: "41O31212410" (letter O) is a typo to report, not to repair.
 */
export function normalizeInsz(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  if (!/^[\d\s.\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(SEPARATORS, "");
  return isValidInsz(digits) ? digits : null;
}

/** Display form "YY.MM.DD-SSS.CC"; input that is not a valid INSZ is returned unchanged. */
export function formatInsz(value: string): string {
  const digits = normalizeInsz(value);
  if (!digits) return value;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

/**
 * The birth date encoded in a valid INSZ (UTC midnight), or null when it is unknown (month or
 * day 00), a BIS number, or not a real calendar date.
 */
export function inszBirthDate(value: string): Date | null {
  const digits = normalizeInsz(value);
  if (!digits) return null;
  const century = inszCentury(digits);
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (century === null || month < 1 || month > 12 || day < 1) return null;
  const year = century + Number(digits.slice(0, 2));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : null;
}

/**
 * Builds the valid INSZ of someone born on `birthDate` (UTC date) with the given daily serial
 * (1-998; odd for men, even for women). For tests and demo data that need many valid numbers.
 */
export function buildInsz(birthDate: Date, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 998) throw new RangeError("INSZ serial must be 1-998");
  const year = birthDate.getUTCFullYear();
  if (year < 1900 || year > 2099) throw new RangeError("INSZ birth year must be 1900-2099");
  const two = (n: number) => n.toString().padStart(2, "0");
  const nine = `${two(year % 100)}${two(birthDate.getUTCMonth() + 1)}${two(birthDate.getUTCDate())}${serial.toString().padStart(3, "0")}`;
  return `${nine}${two(checkFor(nine, year >= 2000 ? 2000 : 1900))}`;
}

export const INSZ_INVALID_MESSAGE =
  "Ongeldig rijksregisternummer (INSZ): 11 cijfers met een geldig controlegetal, bv. 41.03.12-124.10";

/** Accepts the typed forms, yields the 11 digits. */
export const ZInsz = z.string({ error: INSZ_INVALID_MESSAGE }).transform((input, ctx) => {
  const digits = normalizeInsz(input);
  if (digits === null) {
    ctx.addIssue({ code: "custom", message: INSZ_INVALID_MESSAGE });
    return z.NEVER;
  }
  return digits;
});

export type Insz = z.output<typeof ZInsz>;
