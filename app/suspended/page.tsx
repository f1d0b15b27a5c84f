import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Alert, PageHeading } from "@/components/ui";
import { getActor } from "@/lib/auth/session";
import { organisation } from "@/lib/env";

export default async function SuspendedPage() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!actor.suspended) redirect("/");
  const [t, tRoles] = await Promise.all([getTranslations("errors"), getTranslations("roles")]);
  return (
    <PageShell
      width="narrow"
      actor={{ displayName: actor.displayName, roleLabel: actor.activeRole ? tRoles(actor.activeRole) : "—" }}
    >
      <PageHeading title={t("suspended.title")} />
      <Alert tone="error">{t("suspended.body", { phone: organisation.serviceCenterPhone })}</Alert>
    </PageShell>
  );
}
