// What a page answers when another site navigated a browser to it (Sec-Fetch-Site: cross-site):
// proxy.ts shows this page instead, under the requested URL (ADR 0012). It reads no session and
// no data, so a hostile page that walks a signed-in browser through patient ids gets this text
// every time, writes nothing in any access log and counts for no misuse detection. The links are
// plain anchors: a click on them is a same-origin navigation, which the page then answers.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Alert, buttonClasses, PageHeading } from "@/components/ui";
import { sameOriginPath } from "@/lib/http/request-guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("edges.crossSite");
  return { title: t("title") };
}

type SearchParams = Promise<{ to?: string | string[] }>;

export default async function OpenFromPortalPage({ searchParams }: { searchParams: SearchParams }) {
  const [t, params] = await Promise.all([getTranslations("edges.crossSite"), searchParams]);
  const requested = sameOriginPath(Array.isArray(params.to) ? params.to[0] : params.to);
  return (
    <PageShell width="narrow">
      <PageHeading title={t("title")} />
      <Alert tone="info">{t("body")}</Alert>
      <div className="mt-6 flex flex-wrap gap-3">
        {requested ? (
          <a href={requested} className={buttonClasses({})}>
            {t("continue")}
          </a>
        ) : null}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain same-origin navigation on purpose (header comment) */}
        <a href="/" className={buttonClasses({ variant: requested ? "secondary" : undefined })}>
          {t("home")}
        </a>
      </div>
    </PageShell>
  );
}
