// The security log (ADR 0013): every login attempt, whatever its outcome, with the method, the
// client address and the account, never a password or a second-factor code. Append-only at the
// database level (migration 20261202005100), preserved by `npm run db:seed`. The service center
// reads it page by page, filtered by account, to answer "someone tried to get into my account".
import type { GatedActor } from "@/lib/auth/actor";
import { requireServiceCenter } from "@/lib/access/misuse";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LoginOutcome } from "@/lib/generated/prisma/enums";

type Db = Pick<PrismaClient, "loginAttempt">;

export type LoginAttemptRecord = {
  method: string;
  outcome: LoginOutcome;
  reason: string;
  username?: string | null;
  personId?: string | null;
  clientAddress?: string | null;
  userAgent?: string | null;
  occurredAt?: Date;
};

const USERNAME_LOG_LENGTH = 100;
const USER_AGENT_LOG_LENGTH = 200;

export async function recordLoginAttempt(db: Db, attempt: LoginAttemptRecord): Promise<void> {
  await db.loginAttempt.create({
    data: {
      method: attempt.method,
      outcome: attempt.outcome,
      reason: attempt.reason,
      // Bounded: the field is typed by anyone, and a log must not grow by what an attacker sends.
      username: attempt.username ? attempt.username.trim().slice(0, USERNAME_LOG_LENGTH) : null,
      personId: attempt.personId ?? null,
      clientAddress: attempt.clientAddress ?? null,
      userAgent: attempt.userAgent ? attempt.userAgent.slice(0, USER_AGENT_LOG_LENGTH) : null,
      occurredAt: attempt.occurredAt,
    },
  });
}

export const SECURITY_LOG_PAGE_SIZE = 50;
/** Pages beyond this are not offered: older attempts are for a database query, not a screen. */
export const SECURITY_LOG_MAX_PAGE = 200;

export type LoginAttemptView = {
  id: string;
  occurredAt: Date;
  method: string;
  outcome: LoginOutcome;
  reason: string;
  username: string | null;
  personId: string | null;
  clientAddress: string | null;
};

export type LoginAttemptPage = { attempts: LoginAttemptView[]; page: number; hasNextPage: boolean };

/**
 * Recent attempts, newest first. `account` matches the username as typed (any case) or the
 * person's id, so that a person's attempts are found whether or not the username existed.
 */
export async function listLoginAttempts(input: {
  actor: Pick<GatedActor, "activeRole" | "suspended" | "declaration">;
  account?: string;
  page?: number;
  db?: Db;
}): Promise<LoginAttemptPage> {
  requireServiceCenter(input.actor);
  const db = input.db ?? (await import("@/lib/db")).prisma;
  const page = Math.min(Math.max(1, Math.trunc(input.page ?? 1)), SECURITY_LOG_MAX_PAGE);
  const account = input.account?.trim().slice(0, USERNAME_LOG_LENGTH);
  const rows = await db.loginAttempt.findMany({
    where: account
      ? { OR: [{ username: { equals: account, mode: "insensitive" } }, { personId: account }] }
      : undefined,
    orderBy: { id: "desc" },
    skip: (page - 1) * SECURITY_LOG_PAGE_SIZE,
    // One more than a page: whether there is a next page, without counting the whole log.
    take: SECURITY_LOG_PAGE_SIZE + 1,
    select: {
      id: true,
      occurredAt: true,
      method: true,
      outcome: true,
      reason: true,
      username: true,
      personId: true,
      clientAddress: true,
    },
  });
  return {
    attempts: rows.slice(0, SECURITY_LOG_PAGE_SIZE).map((row) => ({ ...row, id: row.id.toString() })),
    page,
    hasNextPage: rows.length > SECURITY_LOG_PAGE_SIZE && page < SECURITY_LOG_MAX_PAGE,
  };
}
