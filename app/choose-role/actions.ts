"use server";
import { redirect } from "next/navigation";
import { requireSignedInActor } from "@/lib/auth/guards";
import { chooseActiveRole } from "@/lib/auth/portal-session";
import { isRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";

/** A server action is a public endpoint: it re-checks the session and that the role is held. */
export async function chooseRoleAction(formData: FormData): Promise<void> {
  const actor = await requireSignedInActor();
  const role = formData.get("role");
  if (!isRole(role) || !actor.roles.includes(role)) redirect("/choose-role");
  await chooseActiveRole(prisma, actor, role);
  redirect("/");
}
