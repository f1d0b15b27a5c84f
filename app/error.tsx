"use client";
// Shown when a page throws. It cannot render the server-side header (a client component cannot
// call getTranslations), so it brings its own <main id="main"> for the skip link. The error
// itself is never shown: its message may carry internals, and the digest is in the server log.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeading } from "@/components/ui/page-heading";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors.generic");
  const tCommon = useTranslations("common");

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-2xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
      <PageHeading title={t("title")} description={<p>{t("body")}</p>} />
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <LinkButton href="/" variant="secondary">
          {tCommon("backHome")}
        </LinkButton>
      </div>
    </main>
  );
}
