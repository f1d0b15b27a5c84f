// Route parameters. A patient id is never rejected with a different answer than a denial: a
// malformed id goes through the same access decision (and the same log and misuse counting)
// as an unknown one. Only its length is capped so a giant path cannot bloat the log.
const MAX_PATIENT_ID_LENGTH = 100;

export function patientIdParam(raw: string): string {
  return raw.slice(0, MAX_PATIENT_ID_LENGTH);
}
