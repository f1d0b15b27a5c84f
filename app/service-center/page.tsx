// The service center's home: one tile per task. The agent is often on the phone, so each tile
// says in one line what it is for.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { PageHeading, TileLinks } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCenter");
  return { title: t("home.title") };
}

const tiles = [
  { key: "corrections", href: "/service-center/corrections" },
  { key: "review", href: "/service-center/review" },
  { key: "patients", href: "/service-center/patients" },
  { key: "declarations", href: "/service-center/declarations" },
] as const;

export default async function ServiceCenterHomePage() {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const [t, tRoles, tSecurity] = await Promise.all([
    getTranslations("serviceCenter"),
    getTranslations("roles"),
    getTranslations("security.log"),
  ]);
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading
        eyebrow={roleLabel}
        title={t("home.title")}
        description={t("home.intro", { name: actor.displayName })}
      />
      <TileLinks
        tiles={[
          ...tiles.map((tile) => ({
            ...tile,
            title: t(`home.tiles.${tile.key}.title`),
            body: t(`home.tiles.${tile.key}.body`),
          })),
          {
            key: "security-log",
            href: "/service-center/security-log",
            title: tSecurity("tileTitle"),
            body: tSecurity("tileBody"),
          },
        ]}
      />
    </PageShell>
  );
}
