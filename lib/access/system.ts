// The access decision for a system client: the organisation's record system writing to the
// portal over FHIR (ADR 0017). It is a decision path of its own, beside the one for people
// (policy.ts), not an exception inside it: a system client holds no role, accepts no
// declaration and has no relation with a patient. What it may do is what its access token's
// SMART scopes say, and those were granted from the client's configuration (lib/fhir/auth).
//
// The record system is the system of record for patients, care episodes, care teams and the
// nursing file (domain.md "Where the facts come from"), so a granted write scope is enough for
// any patient: it is how a new patient, a new episode or the end of care reaches the portal at
// all. The availability window and exclusions govern who READS a file; they do not stop the
// source of the file from keeping it right.
//
// Every change a system client makes is logged in the patient's access log with the client as
// actor (`actorSystem`, covered by the hash chain); a refused write is logged too.
import { appendAccessLogEntry } from "@/lib/audit/log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessAction } from "./policy";

/** The reason of every entry a system client's write leaves in the access log. */
export const SYSTEM_WRITE_REASON = "record_system";
/** The reason of a refused system write (a scope the token does not carry). */
export const SYSTEM_SCOPE_DENIED_REASON = "scope_not_granted";

/**
 * SMART scope permissions, in SMART v2 letters: create, read, update, delete, search. SMART v1's
 * `write` is c+u+d and `read` is r+s; `*` is all of them.
 */
type Permission = "c" | "r" | "u" | "d" | "s";
const V2_PERMISSIONS = /^c?r?u?d?s?$/;

export type SystemScope = {
  /** A FHIR resource type, or "*" for every type. */
  resourceType: string;
  permissions: ReadonlySet<Permission>;
};

/** Resource types are FHIR names: a letter then letters; "*" is any type. */
const RESOURCE_TYPE = /^(\*|[A-Z][A-Za-z]{1,63})$/;

/**
 * Parses a `system/...` scope (SMART v1 `.read`/`.write`/`.*` or v2 `.cruds`). Anything else,
 * patient/ and user/ scopes and v2 scopes with query parameters included, is null: this portal
 * never grants what it cannot enforce.
 */
export function parseSystemScope(scope: string): SystemScope | null {
  const match = /^system\/([^.]+)\.([a-z*]+)$/.exec(scope);
  if (!match) return null;
  const [, resourceType, access] = match as unknown as [string, string, string];
  if (!RESOURCE_TYPE.test(resourceType)) return null;
  let permissions: Permission[];
  if (access === "write") permissions = ["c", "u", "d"];
  else if (access === "read") permissions = ["r", "s"];
  else if (access === "*") permissions = ["c", "r", "u", "d", "s"];
  else if (access.length > 0 && V2_PERMISSIONS.test(access)) permissions = [...access] as Permission[];
  else return null;
  return { resourceType, permissions: new Set(permissions) };
}

function covers(granting: SystemScope, requested: SystemScope): boolean {
  if (granting.resourceType !== "*" && granting.resourceType !== requested.resourceType) return false;
  return [...requested.permissions].every((permission) => granting.permissions.has(permission));
}

/**
 * The scopes a token gets: each requested scope that one of the client's configured scopes
 * covers, as the client wrote it (so `system/Patient.write` asked by a client configured with
 * `system/*.write` is granted as `system/Patient.write`, the narrower one). Unknown or
 * uncovered scopes are left out, as OAuth allows; the caller refuses an empty result.
 */
export function grantSystemScopes(requested: readonly string[], configured: readonly string[]): string[] {
  const allowed = configured.map(parseSystemScope).filter((scope): scope is SystemScope => scope !== null);
  const granted: string[] = [];
  for (const scope of requested) {
    const parsed = parseSystemScope(scope);
    if (!parsed || granted.includes(scope)) continue;
    if (allowed.some((allowedScope) => covers(allowedScope, parsed))) granted.push(scope);
  }
  return granted;
}

/** How a system client writes: a conditional create needs `c`, a conditional update `c` and `u`. */
export type SystemWriteInteraction = "create" | "create-or-update";

export type SystemWriteDecision =
  { allowed: true; reason: typeof SYSTEM_WRITE_REASON } | { allowed: false; reason: typeof SYSTEM_SCOPE_DENIED_REASON };

/**
 * May a caller holding `scopes` write a resource of `resourceType` this way? Pure, deny by
 * default: only a parsed `system/` scope for this type (or `*`) with every needed permission
 * allows.
 */
export function decideSystemWrite(
  scopes: readonly string[],
  resourceType: string,
  interaction: SystemWriteInteraction,
): SystemWriteDecision {
  const needed: Permission[] = interaction === "create" ? ["c"] : ["c", "u"];
  const request: SystemScope = { resourceType, permissions: new Set(needed) };
  const allowed = scopes
    .map(parseSystemScope)
    .some((scope) => scope !== null && RESOURCE_TYPE.test(resourceType) && covers(scope, request));
  return allowed
    ? { allowed: true, reason: SYSTEM_WRITE_REASON }
    : { allowed: false, reason: SYSTEM_SCOPE_DENIED_REASON };
}

type SystemLogInput = {
  clientId: string;
  requestId: string;
  now: Date;
};

/** The actions a system client's change is logged under (lib/fhir/transaction/write.ts). */
export type SystemChangeAction = Extract<
  AccessAction,
  "WRITE_NURSING_FILE" | "CORRECT_ADMINISTRATIVE" | "MANAGE_PATIENT_SETTINGS" | "RECORD_LEGAL_REPRESENTATIVE"
>;

/**
 * Logs a change a system client made to one patient's data (or, with `patientId: null`, to a
 * practitioner's own record), inside the transaction of the change: both commit or neither.
 */
export async function logSystemChange(
  tx: Prisma.TransactionClient,
  input: SystemLogInput & {
    patientId: string | null;
    action: SystemChangeAction;
  },
): Promise<void> {
  await appendAccessLogEntry(tx, {
    requestId: input.requestId,
    actorId: null,
    actorRole: null,
    actorSystem: input.clientId,
    patientId: input.patientId,
    action: input.action,
    decision: "ALLOW",
    reason: SYSTEM_WRITE_REASON,
    occurredAt: input.now,
  });
}

/**
 * Logs a refused system write. Nothing of the request was read into the database yet, so the
 * entry names no patient: it goes to the chain of entries without one, where a client that
 * writes beyond its scopes shows up for review.
 */
export async function logSystemDenial(tx: Prisma.TransactionClient, input: SystemLogInput): Promise<void> {
  await appendAccessLogEntry(tx, {
    requestId: input.requestId,
    actorId: null,
    actorRole: null,
    actorSystem: input.clientId,
    patientId: null,
    action: "WRITE_NURSING_FILE",
    decision: "DENY",
    reason: SYSTEM_SCOPE_DENIED_REASON,
    occurredAt: input.now,
  });
}
