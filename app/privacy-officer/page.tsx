// The data protection officer's home (role PRIVACY_OFFICER, ADR 0019). The officer's tools (the
// access-log search with a stated reason, reports and rights requests, detection cases and
// samples, suspensions) come with a later issue; this page says what they will be. The officer
// reads no section of any file: the role holds no action in the access core (policy.ts).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Card, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { organisation } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacyOfficer");
  return { title: t("metaTitle") };
}

const TASKS = ["searchLog", "reports", "reviews", "suspensions"] as const;

export default async function PrivacyOfficerHomePage() {
  const actor = await requirePageActor(["PRIVACY_OFFICER"]);
  const [t, tRoles] = await Promise.all([getTranslations("privacyOfficer"), getTranslations("roles")]);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }}>
      <PageHeading
        eyebrow={tRoles(actor.activeRole)}
        title={t("title", { name: actor.displayName })}
        description={<p>{t("intro")}</p>}
      />
      <div className="flex flex-col gap-6">
        <Card title={t("tasks.title")}>
          <p className="mb-4 max-w-prose">{t("tasks.intro")}</p>
          <ul className="list-disc pl-6">
            {TASKS.map((task) => (
              <li key={task} className="mb-2">
                {t(`tasks.${task}`)}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("healthData.title")}>
          <p className="max-w-prose">{t("healthData.body")}</p>
        </Card>
        <Card title={t("meanwhile.title")}>
          <p className="max-w-prose">
            {t("meanwhile.body", { phone: organisation.serviceCenterPhone, email: organisation.privacyEmail })}
          </p>
        </Card>
      </div>
    </PageShell>
  );
}
