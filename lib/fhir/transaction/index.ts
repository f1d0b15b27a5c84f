// POST /api/fhir: one transaction Bundle from a system client (ADR 0018), in four steps, each of
// which can refuse the whole Bundle before the next runs:
//   1. read: safe JSON, a transaction Bundle of accepted types, FHIR structure, conditional
//      requests on business identifiers (bundle.ts);
//   2. decide: the token's scopes allow each entry (lib/access/system.ts); a refusal is logged;
//   3. map: every resource through the portal's business rules (map-*.ts), all problems at once;
//   4. write: one database transaction (write.ts), answered with a transaction-response Bundle.
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { decideSystemWrite, logSystemDenial } from "@/lib/access/system";
import { belgianCalendarDay } from "@/lib/belgian-calendar";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SystemCaller } from "../auth/bearer";
import { FhirError, IssueList } from "../outcome";
import { assertSafeJson } from "../validation";
import { readTransactionBundle, type TransactionEntry } from "./bundle";
import type { Draft, MappedEntry } from "./drafts";
import { mapCareTeam, mapEpisodeOfCare, type MapContext } from "./map-care";
import { mapAppointment, mapCarePlan, mapDocumentReference, mapMedicationStatement, mapObservation } from "./map-file";
import { mapConsent, mapRelatedPerson } from "./map-facts";
import { mapPatient, mapPractitioner } from "./map-people";
import type { Reader } from "./read";
import { writeTransaction } from "./write";

export { SUPPORTED_RESOURCE_TYPES, type SupportedResourceType } from "./bundle";

export type TransactionInput = {
  caller: SystemCaller;
  /** The parsed JSON body. */
  body: unknown;
  requestId: string;
  db?: PrismaClient;
  now?: Date;
};

function mapEntry(reader: Reader, entry: TransactionEntry, context: MapContext): Draft | null {
  const resource = entry.resource as Resource;
  switch (resource.resourceType) {
    case "Patient":
      return mapPatient(reader, resource);
    case "Practitioner":
      return mapPractitioner(reader, resource);
    case "EpisodeOfCare":
      return mapEpisodeOfCare(reader, resource, context);
    case "CareTeam":
      return mapCareTeam(reader, resource);
    case "CarePlan":
      return mapCarePlan(reader, resource);
    case "Observation":
      return mapObservation(reader, resource);
    case "DocumentReference":
      return mapDocumentReference(reader, resource);
    case "MedicationStatement":
      return mapMedicationStatement(reader, resource);
    case "Appointment":
      return mapAppointment(reader, resource);
    case "Consent":
      return mapConsent(reader, resource, context);
    case "RelatedPerson":
      return mapRelatedPerson(reader, resource, context);
    default:
      // bundle.ts lets only the types above through.
      throw new FhirError(422, {
        code: "not-supported",
        diagnostics: "Resource type not accepted.",
        expression: `${entry.at}.resource`,
      });
  }
}

/**
 * The mappers read a resource as its FHIR type says it is. The structure validator (@medplum/core)
 * lets some wrong JSON types through (an object where a list belongs, a number where text belongs:
 * found by the fuzz tests, ADR 0022), and a mapper then fails on them with a TypeError. The mappers
 * only read the input, so that failure is the entry's malformed structure: refused with 422 naming
 * the entry, before anything is written, never a 500. Any other error is still unexpected.
 */
function mapEntryOrRefuse(reader: Reader, entry: TransactionEntry, context: MapContext): Draft | null {
  try {
    return mapEntry(reader, entry, context);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    reader.issues.add(reader.at, "An element of this resource does not have the JSON type FHIR gives it.", "structure");
    return null;
  }
}

/**
 * Reading the Bundle's own rules (conditional requests on business identifiers) after the
 * structure check meets the same gap: an empty object where a list belongs fails there too. The
 * entry is not known at that point, so the Bundle is named.
 */
function readOrRefuse(body: unknown): TransactionEntry[] {
  try {
    return readTransactionBundle(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new FhirError(422, {
      code: "structure",
      diagnostics: "An element of the Bundle does not have the JSON type FHIR gives it.",
      expression: "Bundle",
    });
  }
}

export async function processTransaction(input: TransactionInput): Promise<Bundle> {
  const now = input.now ?? new Date();
  assertSafeJson(input.body, "Bundle");
  const entries = readOrRefuse(input.body);
  const db = input.db ?? (await import("@/lib/db")).prisma;

  const refused = entries.filter(
    (entry) => !decideSystemWrite(input.caller.scopes, entry.resourceType, entry.interaction).allowed,
  );
  if (refused.length > 0) {
    await db.$transaction((tx) =>
      logSystemDenial(tx, { clientId: input.caller.clientId, requestId: input.requestId, now }),
    );
    throw new FhirError(
      403,
      refused.map((entry) => ({
        code: "forbidden" as const,
        diagnostics: `The access token's scopes do not allow ${entry.interaction === "create" ? "creating" : "creating or updating"} ${entry.resourceType}.`,
        expression: `${entry.at}.resource`,
      })),
    );
  }

  const issues = new IssueList();
  const context: MapContext = { today: belgianCalendarDay(now), now };
  const entryTypes = new Map(
    entries.flatMap((entry) => (entry.fullUrl ? [[entry.fullUrl, entry.resourceType] as const] : [])),
  );
  const mapped: MappedEntry[] = [];
  for (const entry of entries) {
    const draft = mapEntryOrRefuse({ issues, at: `${entry.at}.resource`, entryTypes }, entry, context);
    if (draft) mapped.push({ entry, draft });
  }
  issues.throwIfAny();
  if (mapped.length !== entries.length) {
    // Every mapper that returns nothing reports why; this only guards against one that forgot.
    throw new FhirError(422, {
      code: "invalid",
      diagnostics: "An entry could not be read.",
      expression: "Bundle.entry",
    });
  }

  const outcomes = await db.$transaction(
    (tx) =>
      writeTransaction(
        { tx, clientId: input.caller.clientId, requestId: input.requestId, now, today: context.today },
        mapped,
      ),
    // A large Bundle is many statements: more than Prisma's 5-second default, far less than this.
    { maxWait: 10_000, timeout: 120_000 },
  );

  return {
    resourceType: "Bundle",
    type: "transaction-response",
    entry: entries.map((entry) => {
      const outcome = outcomes.get(entry.index)!;
      return { response: { status: outcome.status, location: outcome.location } };
    }),
  };
}
