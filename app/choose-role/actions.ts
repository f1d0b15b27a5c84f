"use server";
// Choosing the role a session acts in. A public endpoint made by formAction (lib/http/action.ts):
// signed in and not suspended is enough here (the role is what is being chosen), and lib/auth
// checks that the role is really held.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { chooseSessionRole } from "@/lib/auth/session";
import { Role } from "@/lib/enums";
import { formAction } from "@/lib/http/action";

const ZChooseRoleForm = z.object({ role: z.enum(Role) });

export const chooseRoleAction = formAction({
  gate: "signed-in",
  schema: ZChooseRoleForm,
  translations: () => getTranslations("errors"),
  messages: (t) => ({
    forbidden: { title: t("forbidden.title"), text: t("forbidden.body") },
    generic: { title: t("generic.title"), text: t("generic.body") },
  }),
  run: async ({ actor, input }) => {
    await chooseSessionRole(actor, input.role);
    redirect("/");
  },
});
