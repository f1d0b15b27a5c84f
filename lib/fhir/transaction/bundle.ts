// Reading a transaction Bundle (ADR 0018), before anything touches the database:
// - it is a Bundle of type `transaction`, every entry a resource of a type we accept;
// - the whole Bundle passes the FHIR R4 structure validation;
// - every entry is a conditional create (POST with ifNoneExist) or a conditional update (PUT
//   `Type?identifier=system|value`) on a business identifier the resource itself carries:
//   that is what makes posting the same Bundle twice change nothing the second time;
// - fullUrls are `urn:uuid:` and unique, so references between entries resolve unambiguously;
// - top-level elements are those the portal stores, or a few it can safely ignore: anything
//   else would be data the record system believes it delivered and the portal silently lost.
import type { Resource } from "@medplum/fhirtypes";
import { NIHDI_SYSTEM, SSIN_SYSTEM } from "../terminology";
import { FhirError, IssueList } from "../outcome";
import { structureIssues } from "../validation";
import { identifierToken } from "./read";

/** The resource types a transaction may carry, in the order their entries are applied. */
export const SUPPORTED_RESOURCE_TYPES = [
  "Patient",
  "Practitioner",
  "EpisodeOfCare",
  "CareTeam",
  "CarePlan",
  "Observation",
  "DocumentReference",
  "MedicationStatement",
  "Appointment",
  "Consent",
  "RelatedPerson",
] as const;
export type SupportedResourceType = (typeof SUPPORTED_RESOURCE_TYPES)[number];

/** Accepted on every resource and not stored: metadata and the human-readable narrative. */
const COMMON_IGNORED = ["id", "meta", "text", "language", "extension"];

/** Per type: the top-level elements read into the portal, and those accepted but not stored. */
export const resourceElements: Record<
  SupportedResourceType,
  { mapped: readonly string[]; ignored: readonly string[] }
> = {
  Patient: { mapped: ["identifier", "name", "birthDate", "telecom", "address", "active"], ignored: ["gender"] },
  Practitioner: {
    mapped: ["identifier", "name", "telecom", "address", "qualification", "active"],
    ignored: ["gender", "birthDate"],
  },
  EpisodeOfCare: { mapped: ["identifier", "status", "patient", "period"], ignored: ["type", "managingOrganization"] },
  CareTeam: { mapped: ["identifier", "status", "subject", "period", "participant"], ignored: ["category", "name"] },
  CarePlan: {
    mapped: ["identifier", "status", "intent", "subject", "title", "description", "period", "author", "activity"],
    ignored: ["category"],
  },
  Observation: {
    mapped: [
      "identifier",
      "status",
      "code",
      "subject",
      "effectiveDateTime",
      "effectiveInstant",
      "valueQuantity",
      "component",
      "note",
      "performer",
    ],
    ignored: ["category"],
  },
  DocumentReference: {
    mapped: ["identifier", "status", "docStatus", "type", "category", "subject", "date", "author", "content"],
    ignored: [],
  },
  MedicationStatement: {
    mapped: [
      "identifier",
      "status",
      "medicationCodeableConcept",
      "subject",
      "effectivePeriod",
      "effectiveDateTime",
      "dosage",
      "informationSource",
    ],
    ignored: ["category", "dateAsserted"],
  },
  Appointment: {
    mapped: ["identifier", "status", "description", "start", "end", "minutesDuration", "participant"],
    ignored: ["serviceCategory", "serviceType", "appointmentType"],
  },
  // The signed form stays in the record system: its identifier there is the proof (ADR 0020).
  Consent: {
    mapped: ["identifier", "status", "scope", "patient", "dateTime", "policyRule", "provision"],
    ignored: ["category", "performer", "organization"],
  },
  // The representative's contact data is not the portal's to keep: only who they are.
  RelatedPerson: {
    mapped: ["identifier", "active", "patient", "relationship", "name", "period"],
    ignored: ["gender", "birthDate"],
  },
};

export const MAX_ENTRIES = 1000;

export type BusinessIdentifier = { system: string; value: string };

export type TransactionEntry = {
  index: number;
  /** `Bundle.entry[i]`: where this entry's problems are reported. */
  at: string;
  fullUrl: string | null;
  resourceType: SupportedResourceType;
  resource: Resource;
  /** POST + ifNoneExist creates only when absent; PUT creates or updates. */
  interaction: "create" | "create-or-update";
  /** The business identifier the request is conditional on; the row keeps it. */
  identifier: BusinessIdentifier;
};

const URN_UUID = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ABSOLUTE_URL = /^https?:\/\/[^\s]{1,2000}$/;

/** The key an entry is found by: a urn:uuid in lower case, an absolute URL exactly as sent. */
export function fullUrlKey(fullUrl: string): string | null {
  if (URN_UUID.test(fullUrl)) return fullUrl.toLowerCase();
  return ABSOLUTE_URL.test(fullUrl) ? fullUrl : null;
}
const ABSOLUTE_URI = /^(https?:\/\/[^\s|]+|urn:[a-z0-9][a-z0-9-]{0,31}:[^\s|]+)$/i;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isSupported(type: string): type is SupportedResourceType {
  return (SUPPORTED_RESOURCE_TYPES as readonly string[]).includes(type);
}

/**
 * Checks the Bundle and returns its entries; throws one FhirError (422, or 413 for too many
 * entries) with every problem found.
 */
export function readTransactionBundle(body: unknown): TransactionEntry[] {
  const issues = new IssueList();
  if (!isObject(body) || body.resourceType !== "Bundle") {
    throw new FhirError(422, { code: "invalid", diagnostics: "The body must be a FHIR Bundle.", expression: "Bundle" });
  }
  if (body.type !== "transaction") {
    throw new FhirError(422, {
      code: "not-supported",
      diagnostics: "Only Bundles of type transaction are accepted.",
      expression: "Bundle.type",
    });
  }
  const rawEntries = body.entry ?? [];
  if (!Array.isArray(rawEntries)) {
    throw new FhirError(422, {
      code: "structure",
      diagnostics: "Bundle.entry must be an array.",
      expression: "Bundle.entry",
    });
  }
  if (rawEntries.length > MAX_ENTRIES) {
    throw new FhirError(413, {
      code: "too-costly",
      diagnostics: `At most ${MAX_ENTRIES} entries per Bundle.`,
      expression: "Bundle.entry",
    });
  }

  // 1. Resource types: only known, supported ones reach the validator.
  rawEntries.forEach((entry, index) => {
    const at = `Bundle.entry[${index}].resource`;
    const resource = isObject(entry) ? entry.resource : undefined;
    const type = isObject(resource) ? resource.resourceType : undefined;
    if (typeof type !== "string") {
      issues.add(at, "Every entry carries a resource with its resourceType.", "required");
    } else if (!isSupported(type)) {
      issues.add(
        `${at}.resourceType`,
        `${type.slice(0, 64)} is not accepted: send ${SUPPORTED_RESOURCE_TYPES.join(", ")}.`,
        "not-supported",
      );
    }
  });
  issues.throwIfAny();

  // 2. The FHIR structure of the whole Bundle (unknown elements, types, cardinality, formats).
  for (const issue of structureIssues(body as unknown as Resource, "Bundle"))
    issues.add(issue.expression, issue.diagnostics, issue.code);
  issues.throwIfAny();

  // 3. Our rules for a transaction: conditional interactions on business identifiers.
  const entries: TransactionEntry[] = [];
  const fullUrls = new Set<string>();
  const identifiers = new Set<string>();
  rawEntries.forEach((raw, index) => {
    const entry = raw as { fullUrl?: string; resource: Resource; request?: Record<string, unknown> };
    const at = `Bundle.entry[${index}]`;
    const resource = entry.resource;
    const resourceType = resource.resourceType as SupportedResourceType;

    const allowed = new Set([
      ...COMMON_IGNORED,
      ...resourceElements[resourceType].mapped,
      ...resourceElements[resourceType].ignored,
      "resourceType",
    ]);
    for (const key of Object.keys(resource)) {
      if (!allowed.has(key)) {
        issues.add(
          `${at}.resource.${key}`,
          `The portal does not store ${resourceType}.${key}; it cannot accept data it would lose.`,
          "not-supported",
        );
      }
    }

    let fullUrl: string | null = null;
    if (entry.fullUrl !== undefined) {
      const key = fullUrlKey(entry.fullUrl);
      if (key === null) {
        issues.add(`${at}.fullUrl`, "A fullUrl is urn:uuid:<uuid> or an absolute http(s) URL.", "value");
      } else if (fullUrls.has(key)) {
        issues.add(`${at}.fullUrl`, "Two entries have the same fullUrl.", "duplicate");
      } else {
        fullUrl = key;
        fullUrls.add(key);
      }
    }

    const request = entry.request;
    if (!request) {
      issues.add(`${at}.request`, "Every entry of a transaction has a request.", "required");
      return;
    }
    const conditional = readConditionalRequest(request, resourceType, `${at}.request`, issues);
    if (!conditional) return;
    const { interaction, identifier } = conditional;

    const carried = (resource as { identifier?: { system?: string; value?: string }[] }).identifier ?? [];
    if (!carried.some((candidate) => candidate.system === identifier.system && candidate.value === identifier.value)) {
      issues.add(
        `${at}.resource.identifier`,
        "The resource must carry the identifier its request is conditional on.",
        "required",
      );
      return;
    }
    checkBusinessIdentifier(resourceType, identifier, `${at}.request`, issues);
    const key = `${resourceType}|${identifier.system}|${identifier.value}`;
    if (identifiers.has(key)) {
      issues.add(`${at}.request`, "Another entry of this Bundle has the same type and identifier.", "duplicate");
      return;
    }
    identifiers.add(key);
    entries.push({ index, at, fullUrl, resourceType, resource, interaction, identifier });
  });
  issues.throwIfAny();
  return entries;
}

function readConditionalRequest(
  request: Record<string, unknown>,
  resourceType: string,
  at: string,
  issues: IssueList,
): { interaction: TransactionEntry["interaction"]; identifier: BusinessIdentifier } | null {
  const method = request.method;
  const url = typeof request.url === "string" ? request.url : "";
  for (const key of ["ifMatch", "ifModifiedSince", "ifNoneMatch"]) {
    if (request[key] !== undefined) issues.add(`${at}.${key}`, `${key} is not supported.`, "not-supported");
  }
  if (method === "POST") {
    if (url !== resourceType) {
      issues.add(`${at}.url`, `A create's url is the resource type: ${resourceType}.`, "value");
      return null;
    }
    const identifier = identifierQuery(typeof request.ifNoneExist === "string" ? request.ifNoneExist : "");
    if (!identifier) {
      issues.add(
        `${at}.ifNoneExist`,
        "A create must be conditional on the resource's business identifier: ifNoneExist = identifier=<system>|<value>.",
        "required",
      );
      return null;
    }
    return { interaction: "create", identifier };
  }
  if (method === "PUT") {
    const prefix = `${resourceType}?`;
    const identifier = url.startsWith(prefix) ? identifierQuery(url.slice(prefix.length)) : null;
    if (!identifier) {
      issues.add(
        `${at}.url`,
        `An update must be conditional on the business identifier: ${resourceType}?identifier=<system>|<value>.`,
        "value",
      );
      return null;
    }
    return { interaction: "create-or-update", identifier };
  }
  issues.add(
    `${at}.method`,
    "Only conditional create (POST) and conditional update (PUT) are supported.",
    "not-supported",
  );
  return null;
}

/** `identifier=system|value` and nothing else, URL-decoded. */
function identifierQuery(query: string): BusinessIdentifier | null {
  const parameters = new URLSearchParams(query);
  const keys = [...parameters.keys()];
  if (keys.length !== 1 || keys[0] !== "identifier") return null;
  return identifierToken(parameters.get("identifier") ?? "");
}

/**
 * People are identified by their national number (the INSZ, mod-97 checked by the mapper);
 * every other resource by an identifier of the record system: an absolute URI of its own, not a
 * Belgian national naming system, and a value of bounded length.
 */
function checkBusinessIdentifier(
  resourceType: SupportedResourceType,
  identifier: BusinessIdentifier,
  at: string,
  issues: IssueList,
): void {
  if (resourceType === "Patient" || resourceType === "Practitioner") {
    if (identifier.system !== SSIN_SYSTEM) {
      issues.add(at, `A ${resourceType} is identified by its national number: system ${SSIN_SYSTEM}.`, "value");
    }
    return;
  }
  if (!ABSOLUTE_URI.test(identifier.system) || identifier.system.length > 255) {
    issues.add(
      at,
      "The identifier's system must be an absolute URI of the record system (at most 255 characters).",
      "value",
    );
  } else if (identifier.system === SSIN_SYSTEM || identifier.system === NIHDI_SYSTEM) {
    issues.add(
      at,
      "A national number identifies people, not this resource: use the record system's own identifier.",
      "value",
    );
  }
  if (identifier.value.length > 200) issues.add(at, "The identifier's value has at most 200 characters.", "too-long");
}
