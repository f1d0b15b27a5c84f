import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Alert, PageHeading } from "@/components/ui";
import { getSessionState } from "@/lib/auth/session";
import { organisation } from "@/lib/env";

export default async function SuspendedPage() {
  const state = await getSessionState();
  // A session ended by the suspension has no actor any more: the notice is shown without a name.
  if (state.status !== "active" && state.status !== "suspended") redirect("/login");
  const actor = state.status === "active" ? state.actor : null;
  if (actor && !actor.suspended) redirect("/");
  const [t, tRoles] = await Promise.all([getTranslations("errors"), getTranslations("roles")]);
  return (
    <PageShell
      width="narrow"
      actor={
        actor
          ? { displayName: actor.displayName, roleLabel: actor.activeRole ? tRoles(actor.activeRole) : "—" }
          : undefined
      }
    >
      <PageHeading title={t("suspended.title")} />
      <Alert tone="error">{t("suspended.body", { phone: organisation.serviceCenterPhone })}</Alert>
    </PageShell>
  );
}
