import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LegalText } from "@/components/legal-text";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, PageHeading } from "@/components/ui";
import { getActor } from "@/lib/auth/session";
import { getPrivacyStatement } from "@/lib/declarations";
import { organisation } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/** Public: anyone may read how their data is handled, signed in or not. */
export default async function PrivacyPage() {
  const locale = (await getLocale()) as Locale;
  const [t, tRoles, tErrors, format, statement, actor] = await Promise.all([
    getTranslations("privacy"),
    getTranslations("roles"),
    getTranslations("errors"),
    getFormatter(),
    getPrivacyStatement(locale),
    getActor(),
  ]);
  const header = actor?.activeRole
    ? { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }
    : undefined;
  return (
    <PageShell width="narrow" actor={header}>
      {statement ? (
        <>
          <PageHeading
            title={t("title")}
            eyebrow={t("version", { version: statement.version })}
            description={t("publishedOn", { date: format.dateTime(statement.publishedAt, "date") })}
          />
          <Card>
            <LegalText body={statement.body} />
          </Card>
          <p className="mt-6">{t("contact", { email: organisation.privacyEmail })}</p>
        </>
      ) : (
        <>
          <PageHeading title={t("title")} />
          <Alert tone="error" title={tErrors("generic.title")}>
            {tErrors("generic.body")}
          </Alert>
        </>
      )}
    </PageShell>
  );
}
