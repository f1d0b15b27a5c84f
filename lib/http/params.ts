// Route and query parameters. A patient id is never rejected with a different answer than a denial: a
// malformed id goes through the same access decision (and the same log and misuse counting)
// as an unknown one. Only its length is capped so a giant path cannot bloat the log.
//
// Numbers in a query string are range-checked here, before they reach a query: a value the
// database cannot hold (an entry id past 2^63 - 1) is a 400 naming the parameter, not a 500.
import { z } from "zod";

const MAX_PATIENT_ID_LENGTH = 100;

export function patientIdParam(raw: string): string {
  return raw.slice(0, MAX_PATIENT_ID_LENGTH);
}

/** The largest value of a PostgreSQL bigint (the access log's entry ids). */
export const MAX_BIGINT_ID = 2n ** 63n - 1n;

/** An access-log entry id in a query string: a positive bigint the database can hold. */
export const ZEntryId = z
  .string()
  .regex(/^[1-9]\d{0,18}$/, `must be an entry id (a whole number from 1 to ${MAX_BIGINT_ID})`)
  .transform(BigInt)
  .refine((id) => id <= MAX_BIGINT_ID, `must be an entry id (a whole number from 1 to ${MAX_BIGINT_ID})`);

/** A whole number in a query string, from `min` to `max` (both included). */
export function ZQueryInt({ min, max }: { min: number; max: number }) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,15}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}
