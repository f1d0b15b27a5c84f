// Server-side sessions (model PortalSession). The next-auth cookie only carries the session id;
// everything that decides access (person, active role, suspension, declaration) is read from
// the database on every request, so a sign-out, an idle timeout, a suspension or a new
// declaration version takes effect on the very next request.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { idleTimeoutMinutes, isRole } from "@/lib/auth/roles";
import { PortalError } from "@/lib/errors";
import { displayName } from "@/lib/people/display-name";

export type SessionState = { status: "none" } | { status: "expired" } | { status: "active"; actor: Actor };

type SessionRow = {
  sessionId: string;
  personId: string;
  activeRole: string | null;
  idleSeconds: number;
  ended: boolean;
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
export async function loadSessionState(db: PrismaClient, sessionId: string | undefined): Promise<SessionState> {
  if (!sessionId) return { status: "none" };
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s.id AS "sessionId",
           s."personId",
           s."activeRole"::text AS "activeRole",
           EXTRACT(EPOCH FROM (now() - s."lastSeenAt"))::float8 AS "idleSeconds",
           (s."endedAt" IS NOT NULL) AS ended,
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
  if (!row || row.ended) return { status: "none" };

  const roles = (row.roles ?? []).filter(isRole);
  // A role taken away since it was chosen is no longer acted in: back to the role choice.
  const activeRole = isRole(row.activeRole) && roles.includes(row.activeRole) ? row.activeRole : null;
  if (row.idleSeconds > idleTimeoutMinutes(activeRole) * 60) {
    await endPortalSession(db, row.sessionId, "idle");
    return { status: "expired" };
  }
  if (row.idleSeconds > TOUCH_AFTER_SECONDS) {
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
    },
  };
}

export async function endPortalSession(db: PrismaClient, sessionId: string, reason: "signout" | "idle"): Promise<void> {
  await db.portalSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
}

/** Sets the role a person acts in; only a role the person really holds. */
export async function chooseActiveRole(db: PrismaClient, actor: Actor, role: Role): Promise<void> {
  if (!actor.roles.includes(role)) {
    throw new PortalError("forbidden", { userMessage: "You do not hold this role." });
  }
  await db.portalSession.update({ where: { id: actor.sessionId }, data: { activeRole: role } });
}
