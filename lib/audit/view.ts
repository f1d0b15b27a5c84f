// "Who looked at my file": the patient's view of the access log of their own file.
import type { GatedActor } from "@/lib/auth/actor";
import { type AccessDecision as Decision, withPatientAccess } from "@/lib/access";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AccessDecision, FactSource, Role } from "@/lib/generated/prisma/enums";
import { displayName } from "@/lib/people/display-name";

export type AccessLogView = {
  id: string;
  occurredAt: Date;
  actor: { name: string; role: Role | null } | null;
  /**
   * Set when a system client acted instead of a person: the organisation's record system feeding
   * the file over FHIR (ADR 0017), by its client id. The patient reads it as that system.
   */
  actorSystem: string | null;
  action: string;
  decision: AccessDecision;
  reason: string;
  /** Set when the access was a nurse's emergency access: the reason they gave. */
  emergencyAccess: { reason: string; expiresAt: Date } | null;
  /** Where the relation that granted this access came from, e.g. the eHealth therapeutic-link service. */
  grantSource: FactSource | null;
};

export type AccessLogPage = { entries: AccessLogView[]; nextBefore: string | null };

export type AccessLogOutcome =
  { allowed: true; decision: Decision; page: AccessLogPage } | { allowed: false; decision: Decision };

/**
 * Narrows the entries shown; applied in the query, so a page of `limit` entries is a page of
 * matching entries and `nextBefore` pages through matching entries only. The READ_ACCESS_LOG
 * decision itself is logged whatever the filter.
 */
export type AccessLogFilter = {
  /** Only these decisions; absent or empty: every decision. */
  decisions?: readonly AccessDecision[];
  /** Only entries of actors acting in this role (system entries, without a role, never match). */
  actorRole?: Role;
  /** Only entries at or after this moment. */
  since?: Date;
};

export async function readAccessLog(
  input: {
    actor: GatedActor;
    patientId: string;
    requestId: string;
    limit: number;
    /** Entries strictly older than this entry id (paging, newest first). */
    before?: bigint;
    /** Defaults to the app's client; integration tests pass their own. */
    db?: PrismaClient;
  } & AccessLogFilter,
): Promise<AccessLogOutcome> {
  const outcome = await withPatientAccess(
    {
      actor: input.actor,
      patientId: input.patientId,
      requestId: input.requestId,
      action: "READ_ACCESS_LOG",
      db: input.db,
    },
    async (tx) => {
      const rows = await tx.accessLogEntry.findMany({
        where: {
          // The patient comes from the access decision's input: the filter can only narrow it.
          patientId: input.patientId,
          ...(input.before ? { id: { lt: input.before } } : {}),
          ...(input.decisions?.length ? { decision: { in: [...input.decisions] } } : {}),
          ...(input.actorRole ? { actorRole: input.actorRole } : {}),
          ...(input.since ? { occurredAt: { gte: input.since } } : {}),
        },
        orderBy: { id: "desc" },
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const actorIds = [...new Set(page.map((row) => row.actorId).filter((id): id is string => id !== null))];
      const emergencyIds = [
        ...new Set(page.map((row) => row.emergencyAccessId).filter((id): id is string => id !== null)),
      ];
      const people = await tx.person.findMany({
        where: { id: { in: actorIds } },
        select: { id: true, honorific: true, firstName: true, lastName: true },
      });
      const emergencies = await tx.emergencyAccess.findMany({
        where: { id: { in: emergencyIds } },
        select: { id: true, reason: true, expiresAt: true },
      });
      const nameOf = new Map(people.map((person) => [person.id, displayName(person)]));
      const emergencyOf = new Map(
        emergencies.map((access) => [access.id, { reason: access.reason, expiresAt: access.expiresAt }]),
      );
      return {
        entries: page.map((row) => ({
          id: row.id.toString(),
          occurredAt: row.occurredAt,
          actor: row.actorId ? { name: nameOf.get(row.actorId) ?? "?", role: row.actorRole } : null,
          actorSystem: row.actorSystem,
          action: row.action,
          decision: row.decision,
          reason: row.reason,
          emergencyAccess: row.emergencyAccessId ? (emergencyOf.get(row.emergencyAccessId) ?? null) : null,
          grantSource: row.grantSource,
        })),
        nextBefore: rows.length > input.limit ? page[page.length - 1]!.id.toString() : null,
      };
    },
  );
  return outcome.allowed ? { allowed: true, decision: outcome.decision, page: outcome.result } : outcome;
}
