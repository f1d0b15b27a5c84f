"use server";
// Accepting the user declaration of the active role. A public endpoint made by formAction
// (lib/http/action.ts): signed in, not suspended and a role chosen, with the declaration itself
// still pending (accepting it is what this is for).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { acceptDeclaration } from "@/lib/declarations";
import { isPortalError } from "@/lib/errors";
import { formAction } from "@/lib/http/action";

const ZAcceptForm = z.object({ version: z.coerce.number().int().positive() });

/** Accepts the shown version; a stale page (a newer version was published meanwhile) reloads. */
export const acceptDeclarationAction = formAction({
  gate: "role-chosen",
  schema: ZAcceptForm,
  translations: () => getTranslations("errors"),
  messages: (t) => ({
    forbidden: { title: t("forbidden.title"), text: t("forbidden.body") },
    generic: { title: t("generic.title"), text: t("generic.body") },
  }),
  run: async ({ actor, input }) => {
    try {
      await acceptDeclaration(actor, input.version);
    } catch (error) {
      if (isPortalError(error) && error.code === "invalid_input") redirect("/declaration?stale=1");
      throw error;
    }
    redirect("/");
  },
});
