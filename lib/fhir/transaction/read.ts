// Small readers for the business rules the mappers apply after structure validation (ADR 0018).
// Each reports a problem to the request's IssueList under the element's full expression and
// returns a placeholder, so one pass over a Bundle finds every problem; nothing is written
// unless the list stays empty.
import type { CodeableConcept, Coding, HumanName, Reference } from "@medplum/fhirtypes";
import { belgianCalendarDay } from "@/lib/belgian-calendar";
import type { IssueList } from "../outcome";

/**
 * Where a mapper reports: the issue list and the expression of the element being read, with the
 * resource types of the Bundle's entries by fullUrl (so a reference to an entry is checked here).
 */
export type Reader = { issues: IssueList; at: string; entryTypes: ReadonlyMap<string, string> };

export function child(reader: Reader, element: string): Reader {
  return { ...reader, at: `${reader.at}.${element}` };
}

/** The same reader at another expression (an array item: `at(reader, `${reader.at}[0]`)`). */
export function readerAt(reader: Reader, expression: string): Reader {
  return { ...reader, at: expression };
}

/** A trimmed text of at most `max` characters; null when absent and not required. */
export function text(
  reader: Reader,
  value: string | undefined,
  options: { required?: boolean; max: number; label?: string },
): string | null {
  const trimmed = typeof value === "string" ? value.trim() : "";
  if (trimmed === "") {
    if (options.required) reader.issues.add(reader.at, `${options.label ?? "This element"} is required.`, "required");
    return null;
  }
  if (trimmed.length > options.max) {
    reader.issues.add(reader.at, `At most ${options.max} characters.`, "too-long");
    return null;
  }
  return trimmed;
}

export function required<T>(reader: Reader, value: T | undefined | null, what: string): value is T {
  if (value === undefined || value === null) {
    reader.issues.add(reader.at, `${what} is required.`, "required");
    return false;
  }
  return true;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A calendar date (UTC midnight, as `@db.Date` columns store it) from a FHIR date or dateTime:
 * a full date as written, or a moment with its time zone, taken as its day in Belgium.
 * Partial dates ("2024", "2024-05") are refused: care starts and ends on a day.
 */
export function calendarDate(
  reader: Reader,
  value: string | undefined,
  options: { required?: boolean } = {},
): Date | null {
  if (value === undefined) {
    if (options.required) reader.issues.add(reader.at, "A date is required.", "required");
    return null;
  }
  if (DATE.test(value)) return new Date(`${value}T00:00:00.000Z`);
  if (DATE_TIME_WITH_ZONE.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return belgianCalendarDay(instant);
  }
  reader.issues.add(reader.at, "Give a full date (YYYY-MM-DD) or a date and time with its time zone.", "value");
  return null;
}

/** A moment from a FHIR dateTime or instant: date, time and time zone are all required. */
export function instant(reader: Reader, value: string | undefined, options: { required?: boolean } = {}): Date | null {
  if (value === undefined) {
    if (options.required) reader.issues.add(reader.at, "A date and time is required.", "required");
    return null;
  }
  const parsed = DATE_TIME_WITH_ZONE.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    reader.issues.add(reader.at, "Give a date and time with its time zone, e.g. 2026-05-04T08:30:00+02:00.", "value");
    return null;
  }
  return parsed;
}

/** The first coding of `system` in a CodeableConcept, if any. */
export function codingOf(concept: CodeableConcept | undefined, system: string): Coding | undefined {
  return concept?.coding?.find((coding) => coding.system === system && typeof coding.code === "string");
}

/** Every code of `system` in a CodeableConcept. */
export function codesOf(concept: CodeableConcept | undefined, system: string): string[] {
  return (concept?.coding ?? [])
    .filter((coding) => coding.system === system && typeof coding.code === "string")
    .map((coding) => coding.code as string);
}

/** The name a person goes by: the official (or usual, or first) HumanName. */
export function preferredName(names: HumanName[] | undefined): HumanName | undefined {
  if (!names?.length) return undefined;
  return names.find((name) => name.use === "official") ?? names.find((name) => name.use === "usual") ?? names[0];
}

/**
 * A reference to another resource of the Bundle or of the portal, as the writer resolves it:
 * a `urn:uuid:` fullUrl of an entry, a business identifier (`Type?identifier=system|value` or
 * Reference.identifier), or the portal's own id (`Type/id`).
 */
export type ResourceReference =
  | { kind: "entry"; fullUrl: string; type: string; at: string }
  | { kind: "identifier"; type: string; system: string; value: string; at: string }
  | { kind: "id"; type: string; id: string; at: string };

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Parses `system|value` (the token search syntax); null when either part is missing. */
export function identifierToken(token: string): { system: string; value: string } | null {
  const bar = token.indexOf("|");
  if (bar <= 0 || bar === token.length - 1) return null;
  return { system: token.slice(0, bar), value: token.slice(bar + 1) };
}

/** Reads a reference that must point at a resource of `type`. */
export function reference(
  reader: Reader,
  value: Reference | undefined,
  type: string,
  options: { required?: boolean } = {},
): ResourceReference | null {
  if (!value) {
    if (options.required) reader.issues.add(reader.at, `A reference to a ${type} is required.`, "required");
    return null;
  }
  if (value.type !== undefined && value.type !== type) {
    reader.issues.add(`${reader.at}.type`, `Must refer to a ${type}.`, "value");
    return null;
  }
  const literal = value.reference;
  if (literal === undefined) {
    const identifier = value.identifier;
    if (identifier?.system && identifier.value) {
      return { kind: "identifier", type, system: identifier.system, value: identifier.value, at: reader.at };
    }
    reader.issues.add(reader.at, `Refer to the ${type} by reference or by identifier (system and value).`, "required");
    return null;
  }
  const at = `${reader.at}.reference`;
  // Another entry of the Bundle, by its fullUrl (a urn:uuid, or an absolute URL sent as fullUrl).
  const fullUrl = literal.startsWith("urn:uuid:") ? literal.toLowerCase() : literal;
  if (literal.startsWith("urn:uuid:") || reader.entryTypes.has(fullUrl)) {
    const entryType = reader.entryTypes.get(fullUrl);
    if (entryType === undefined) {
      reader.issues.add(at, "No entry of this Bundle has this fullUrl.", "not-found");
      return null;
    }
    if (entryType !== type) {
      reader.issues.add(at, `Refers to a ${entryType}; must refer to a ${type}.`, "value");
      return null;
    }
    return { kind: "entry", fullUrl, type, at };
  }
  if (literal.startsWith(`${type}?`)) {
    const query = new URLSearchParams(literal.slice(type.length + 1));
    const keys = [...query.keys()];
    const token = identifierToken(query.get("identifier") ?? "");
    if (keys.length === 1 && keys[0] === "identifier" && token) return { kind: "identifier", type, ...token, at };
  } else if (literal.startsWith(`${type}/`)) {
    const id = literal.slice(type.length + 1);
    if (ID.test(id)) return { kind: "id", type, id, at };
  }
  reader.issues.add(
    at,
    `Refer to a ${type} as urn:uuid:<fullUrl of an entry>, ${type}?identifier=<system>|<value> or ${type}/<id>.`,
    "value",
  );
  return null;
}
