import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeading } from "@/components/ui/page-heading";

export async function generateMetadata() {
  const t = await getTranslations("errors.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const [t, tCommon] = await Promise.all([getTranslations("errors.notFound"), getTranslations("common")]);
  return (
    <PageShell width="narrow">
      <PageHeading title={t("title")} description={<p>{t("body")}</p>} />
      <LinkButton href="/">{tCommon("backHome")}</LinkButton>
    </PageShell>
  );
}
