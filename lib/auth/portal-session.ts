// Server-side sessions (model PortalSession). The next-auth cookie only carries the session id;
// everything that decides access (person, active role, suspension, declaration) is read from
// the database on every request, so a sign-out, an idle timeout, a suspension or a new
// declaration version takes effect on the very next request.
//
// A session ends (ADR 0014) on sign-out, after the idle timeout of its role, after its absolute
// lifetime (SESSION_ABSOLUTE_HOURS, however active it was), and at once when its person is
// suspended or loses a role (database triggers, migration 20261202005100, in the same
// transaction as that change). An ended session never comes back: a copied cookie is worthless.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { idleTimeoutMinutes, isRole } from "@/lib/auth/roles";
import { env, secondFactorRequiredRoles } from "@/lib/env";
import { PortalError } from "@/lib/errors";
import { displayName } from "@/lib/people/display-name";

export type SessionState =
  | { status: "none" }
  /** Ended just now by the idle timeout or the absolute lifetime: the login page says so. */
  | { status: "expired" }
  /**
   * Ended by a suspension that still holds: pages show the suspension, API routes answer 403
   * `suspended` (the HTTP contract of a suspended user), and nothing else is granted.
   */
  | { status: "suspended" }
  | { status: "active"; actor: Actor };

export type SessionEndReason = "signout" | "idle" | "absolute" | "role_removed";

/** Session methods that are a password login (the second factor applies to them, ADR 0014). */
const PASSWORD_METHODS = ["demo"];

type SessionRow = {
  sessionId: string;
  personId: string;
  activeRole: string | null;
  idleSeconds: number;
  ageSeconds: number;
  ended: boolean;
  endReason: string | null;
  method: string;
  hasSecondFactor: boolean;
  honorific: string | null;
  firstName: string;
  lastName: string;
  roles: string[] | null;
  suspended: boolean;
  currentVersion: number | null;
  accepted: boolean;
};

/** Only touch lastSeenAt when it is this old, so most requests stay one read. */
const TOUCH_AFTER_SECONDS = 30;

export async function createPortalSession(db: PrismaClient, personId: string, method: string): Promise<string> {
  const roles = await db.personRole.findMany({ where: { personId }, select: { role: true } });
  // A person with one role acts in it at once; with several, they choose after login.
  const activeRole = roles.length === 1 ? roles[0]!.role : null;
  const session = await db.portalSession.create({ data: { personId, method, activeRole }, select: { id: true } });
  return session.id;
}

/**
 * Resolves a session id to the actor, in one round trip on the common path: the session, the
 * person, their roles, an active suspension and the declaration state of the active role.
 */
export async function loadSessionState(
  db: PrismaClient,
  sessionId: string | undefined,
  options: {
    /** Whether this lookup counts as activity (false for /api/auth/session, which only asks). */
    touch?: boolean;
    absoluteHours?: number;
    secondFactorRoles?: readonly Role[];
  } = {},
): Promise<SessionState> {
  if (!sessionId) return { status: "none" };
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s.id AS "sessionId",
           s."personId",
           s."activeRole"::text AS "activeRole",
           EXTRACT(EPOCH FROM (now() - s."lastSeenAt"))::float8 AS "idleSeconds",
           EXTRACT(EPOCH FROM (now() - s."createdAt"))::float8 AS "ageSeconds",
           (s."endedAt" IS NOT NULL) AS ended,
           s."endReason",
           s.method,
           EXISTS (SELECT 1 FROM "SecondFactor" f WHERE f."personId" = p.id AND f."enabledAt" IS NOT NULL) AS "hasSecondFactor",
           p.honorific, p."firstName", p."lastName",
           (SELECT array_agg(r.role::text ORDER BY r.role) FROM "PersonRole" r WHERE r."personId" = p.id) AS roles,
           EXISTS (SELECT 1 FROM "Suspension" x WHERE x."personId" = p.id AND x."liftedAt" IS NULL) AS suspended,
           d.version AS "currentVersion",
           (d.version IS NOT NULL AND EXISTS (
              SELECT 1 FROM "DeclarationAcceptance" a
              WHERE a."personId" = p.id AND a.role = s."activeRole" AND a.version = d.version)) AS accepted
    FROM "PortalSession" s
    JOIN "Person" p ON p.id = s."personId"
    LEFT JOIN LATERAL (
      SELECT max(v.version) AS version FROM "DeclarationVersion" v WHERE v.role = s."activeRole"
    ) d ON true
    WHERE s.id = ${sessionId}`;
  const row = rows[0];
  if (!row) return { status: "none" };
  if (row.ended) return row.endReason === "suspended" && row.suspended ? { status: "suspended" } : { status: "none" };

  const roles = (row.roles ?? []).filter(isRole);
  const activeRole = isRole(row.activeRole) ? row.activeRole : null;
  // The triggers end these sessions already; this keeps the rule if a role changes another way.
  if (activeRole && !roles.includes(activeRole)) {
    await endPortalSession(db, row.sessionId, "role_removed");
    return { status: "none" };
  }
  if (row.ageSeconds > (options.absoluteHours ?? env.SESSION_ABSOLUTE_HOURS) * 60 * 60) {
    await endPortalSession(db, row.sessionId, "absolute");
    return { status: "expired" };
  }
  if (row.idleSeconds > idleTimeoutMinutes(activeRole) * 60) {
    await endPortalSession(db, row.sessionId, "idle");
    return { status: "expired" };
  }
  if (options.touch !== false && row.idleSeconds > TOUCH_AFTER_SECONDS) {
    await db.portalSession.updateMany({
      where: { id: row.sessionId, endedAt: null },
      data: { lastSeenAt: new Date() },
    });
  }

  return {
    status: "active",
    actor: {
      sessionId: row.sessionId,
      personId: row.personId,
      displayName: displayName(row),
      roles,
      activeRole,
      declaration: { currentVersion: row.currentVersion, accepted: row.accepted },
      suspended: row.suspended,
      secondFactor: {
        // A password login of a person holding any role that needs it (eID/itsme never does).
        required:
          PASSWORD_METHODS.includes(row.method) &&
          roles.some((role) => (options.secondFactorRoles ?? secondFactorRequiredRoles).includes(role)),
        enrolled: row.hasSecondFactor,
      },
    },
  };
}

export async function endPortalSession(db: PrismaClient, sessionId: string, reason: SessionEndReason): Promise<void> {
  await db.portalSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
}

/**
 * Sets the role a person acts in; only a role the person really holds, and only in a session that
 * still runs: one ended or removed since it was read (a sign-out in another tab) is an ended
 * session (unauthenticated, to the login page), not a failed update (found by the fuzz tests).
 */
export async function chooseActiveRole(db: PrismaClient, actor: Actor, role: Role): Promise<void> {
  if (!actor.roles.includes(role)) {
    throw new PortalError("forbidden", { userMessage: "You do not hold this role." });
  }
  const { count } = await db.portalSession.updateMany({
    where: { id: actor.sessionId, endedAt: null },
    data: { activeRole: role },
  });
  if (count === 0) throw new PortalError("unauthenticated");
}
