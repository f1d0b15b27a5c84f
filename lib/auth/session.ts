// The only way application code learns who is calling. Request-cached, so a page and the
// components it renders share one lookup; re-checked in the database on every request.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { sessionCookieName } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";
import { chooseActiveRole, loadSessionState, type SessionState } from "@/lib/auth/portal-session";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

async function sessionIdFromCookie(): Promise<string | undefined> {
  const value = (await cookies()).get(sessionCookieName)?.value;
  if (!value) return undefined;
  try {
    const token = await decode({ token: value, secret: authSecret() });
    return typeof token?.sid === "string" ? token.sid : undefined;
  } catch {
    // A cookie we cannot decrypt is treated as no session.
    return undefined;
  }
}

export const getSessionState = cache(async (): Promise<SessionState> => {
  return loadSessionState(prisma, await sessionIdFromCookie());
});

export async function getActor(): Promise<Actor | null> {
  const state = await getSessionState();
  return state.status === "active" ? state.actor : null;
}

/** Sets the role the caller's session acts in; only a role the person really holds. */
export async function chooseSessionRole(actor: Actor, role: Role): Promise<void> {
  await chooseActiveRole(prisma, actor, role);
}
