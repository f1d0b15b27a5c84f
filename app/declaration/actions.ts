"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { GatedActor } from "@/lib/auth/actor";
import { requireSignedInActor } from "@/lib/auth/guards";
import { acceptDeclaration } from "@/lib/declarations";
import { isPortalError } from "@/lib/errors";

const ZAcceptForm = z.object({ version: z.coerce.number().int().positive() });

/** Accepts the shown version; a stale page (a newer version was published meanwhile) reloads. */
export async function acceptDeclarationAction(formData: FormData): Promise<void> {
  const actor = await requireSignedInActor();
  if (!actor.activeRole) redirect("/choose-role");
  const form = ZAcceptForm.safeParse({ version: formData.get("version") });
  if (!form.success) redirect("/declaration");
  try {
    await acceptDeclaration(actor as GatedActor, form.data.version);
  } catch (error) {
    if (isPortalError(error) && error.code === "invalid_input") redirect("/declaration?stale=1");
    throw error;
  }
  redirect("/");
}
