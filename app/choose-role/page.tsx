import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StateForm } from "@/components/forms/state-form";
import { PageShell } from "@/components/page-shell";
import { Card, PageHeading, SubmitButton } from "@/components/ui";
import { requireSignedInActor } from "@/lib/auth/guards";
import { chooseRoleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("chooseRole");
  return { title: t("title") };
}

export default async function ChooseRolePage() {
  const actor = await requireSignedInActor();
  // With one role there is nothing to choose.
  if (actor.roles.length <= 1) redirect("/");
  const [t, tRoles] = await Promise.all([getTranslations("chooseRole"), getTranslations("roles")]);
  return (
    <PageShell
      width="narrow"
      actor={{ displayName: actor.displayName, roleLabel: actor.activeRole ? tRoles(actor.activeRole) : "—" }}
    >
      <PageHeading title={t("title")} description={t("intro")} />
      <ul className="flex flex-col gap-4">
        {actor.roles.map((role) => (
          <li key={role}>
            <Card>
              <StateForm action={chooseRoleAction}>
                <input type="hidden" name="role" value={role} />
                <SubmitButton size="lg" fullWidth variant={role === actor.activeRole ? "secondary" : "primary"}>
                  {t("choose", { role: tRoles(role) })}
                </SubmitButton>
              </StateForm>
            </Card>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
