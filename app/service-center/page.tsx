// The service center's home: one tile per task. The agent is often on the phone, so each tile
// says in one line what it is for.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { PageHeading } from "@/components/ui";
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
  const [t, tRoles] = await Promise.all([getTranslations("serviceCenter"), getTranslations("roles")]);
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading eyebrow={roleLabel} title={t("home.title")} description={t("home.intro", { name: actor.displayName })} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link
              href={tile.href}
              className="flex h-full flex-col gap-2 rounded-xl border-2 border-line bg-white p-5 shadow-sm hover:border-brand-700 focus-visible:border-brand-700"
            >
              <span className="text-xl font-bold text-brand-800 underline underline-offset-4">{t(`home.tiles.${tile.key}.title`)}</span>
              <span className="text-ink">{t(`home.tiles.${tile.key}.body`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
