import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

// Shown while a page's server work runs. The header without the actor keeps the page from
// jumping (the page itself renders the full header once it knows who is signed in). A status
// region, so a screen reader says the page is loading; the spinner is decorative and stops
// under prefers-reduced-motion (globals.css).
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto flex w-full max-w-5xl flex-1 px-4 py-10 sm:px-6">
        <div role="status" className="flex items-center gap-3 text-lg text-ink-muted">
          <span
            aria-hidden="true"
            className="size-6 animate-spin rounded-full border-4 border-brand-100 border-t-brand-700"
          />
          {t("loading")}
        </div>
      </main>
    </>
  );
}
