// The one guard line every page and server action opens with. It redirects to the step that
// is missing (login, role choice, declaration) and returns the actor that passed the gate.
import "server-only";
import { redirect } from "next/navigation";
import type { Actor, GatedActor } from "@/lib/auth/actor";
import { roleHomePath } from "@/lib/auth/roles";
import { getSessionState } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";

/** Where a person sets up (and turns off) their second factor. */
export const SECOND_FACTOR_PATH = "/account/second-factor";

/** Signed in and not suspended: enough for the pages that complete the gate themselves. */
export async function requireSignedInActor(): Promise<Actor> {
  const state = await getSessionState();
  if (state.status === "expired") redirect("/login?reason=expired");
  if (state.status === "suspended") redirect("/suspended");
  if (state.status !== "active") redirect("/login");
  if (state.actor.suspended) redirect("/suspended");
  return state.actor;
}

/**
 * Signed in, not suspended, a second factor where one is required, a role chosen; its
 * declaration may be pending (accepting it needs this).
 */
export async function requireRoleChosenActor(): Promise<GatedActor> {
  const actor = await requireSignedInActor();
  if (actor.secondFactor.required && !actor.secondFactor.enrolled) redirect(SECOND_FACTOR_PATH);
  if (!actor.activeRole) redirect("/choose-role");
  return actor as GatedActor;
}

/**
 * The full gate: signed in, not suspended, a second factor where one is required, a role chosen,
 * its current declaration accepted.
 */
export async function requirePageActor(allowedRoles?: readonly Role[]): Promise<GatedActor> {
  const actor = await requireRoleChosenActor();
  if (!actor.declaration.accepted) redirect("/declaration");
  if (allowedRoles && !allowedRoles.includes(actor.activeRole)) redirect(roleHomePath[actor.activeRole]);
  return actor as GatedActor;
}
