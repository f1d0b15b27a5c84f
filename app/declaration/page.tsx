import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StateForm } from "@/components/forms/state-form";
import { LegalText } from "@/components/legal-text";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, PageHeading, SubmitButton } from "@/components/ui";
import { requireSignedInActor } from "@/lib/auth/guards";
import { getCurrentDeclaration } from "@/lib/declarations";
import type { Locale } from "@/lib/i18n/config";
import { acceptDeclarationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("declaration");
  return { title: t("title") };
}

export default async function DeclarationPage({ searchParams }: { searchParams: Promise<{ stale?: string }> }) {
  const actor = await requireSignedInActor();
  if (!actor.activeRole) redirect("/choose-role");
  const locale = (await getLocale()) as Locale;
  const [t, tRoles, tErrors, format, declaration, params] = await Promise.all([
    getTranslations("declaration"),
    getTranslations("roles"),
    getTranslations("errors"),
    getFormatter(),
    getCurrentDeclaration(actor.activeRole, locale),
    searchParams,
  ]);
  const header = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };

  if (!declaration) {
    // Fail closed: without a published declaration nobody in this role gets in.
    return (
      <PageShell width="narrow" actor={header}>
        <PageHeading title={t("title")} />
        <Alert tone="error" title={tErrors("generic.title")}>
          {tErrors("generic.body")}
        </Alert>
      </PageShell>
    );
  }

  const pending = !actor.declaration.accepted;
  return (
    <PageShell width="narrow" actor={header}>
      <PageHeading
        eyebrow={`${tRoles(actor.activeRole)} · ${t("version", { version: declaration.version })}`}
        title={t("title")}
        description={
          pending ? (actor.declaration.currentVersion && params.stale ? t("newVersion") : t("intro")) : t("accepted")
        }
      />
      <Card>
        <h2 className="mb-4 text-2xl font-bold">{declaration.title}</h2>
        <LegalText body={declaration.body} />
        <p className="mt-6 text-ink-muted">{format.dateTime(declaration.publishedAt, "date")}</p>
      </Card>
      <p className="no-print mt-4 text-ink-muted">{t("printHint")}</p>
      {pending ? (
        <StateForm action={acceptDeclarationAction} className="no-print mt-6">
          <input type="hidden" name="version" value={declaration.version} />
          <SubmitButton size="lg" fullWidth>
            {t("accept")}
          </SubmitButton>
        </StateForm>
      ) : null}
    </PageShell>
  );
}
