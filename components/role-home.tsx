// The first page of each role: who is signed in, in which role, and what this role can do here.
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Card, LinkButton, PageHeading } from "@/components/ui";
import type { GatedActor } from "@/lib/auth/actor";

export type RoleHomeSection = "patient" | "trustedPerson" | "caregiver" | "nurse" | "serviceCenter";

export async function RoleHome({ actor, section }: { actor: GatedActor; section: RoleHomeSection }) {
  const [t, tRoles] = await Promise.all([getTranslations("home"), getTranslations("roles")]);
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading eyebrow={roleLabel} title={t(`${section}.title`, { name: actor.displayName })} />
      <Card>
        <p className="max-w-prose text-lg">{t(`${section}.intro`)}</p>
        {section === "patient" ? (
          <LinkButton href="/patient/access-log" className="mt-4">
            {(await getTranslations("accessLog"))("homeLink")}
          </LinkButton>
        ) : null}
        {section === "serviceCenter" ? (
          <div className="mt-4 flex flex-wrap gap-3">
            <LinkButton href="/service-center/corrections">{(await getTranslations("corrections"))("queue.homeLink")}</LinkButton>
            <LinkButton href="/service-center/review">{(await getTranslations("review"))("homeLink")}</LinkButton>
          </div>
        ) : null}
      </Card>
    </PageShell>
  );
}
