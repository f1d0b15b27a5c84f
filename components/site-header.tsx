// The top of every page: who runs the portal, the language, and who is signed in. It is given
// the actor by the page (which already resolved the session); it never looks the session up
// itself, so a page cannot show a name that its own access check did not see.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { organisation } from "@/lib/env";

export type HeaderActor = {
  displayName: string;
  /** Already translated, e.g. t("roles.NURSE"). */
  roleLabel: string;
};

export type PageWidth = "narrow" | "default" | "wide";

/** Shared with PageShell so the header lines up with the content below it. */
export const pageWidthClasses = {
  narrow: "max-w-2xl",
  default: "max-w-5xl",
  wide: "max-w-7xl",
} as const satisfies Record<PageWidth, string>;

export async function SiteHeader({ actor, width = "default" }: { actor?: HeaderActor; width?: PageWidth }) {
  const [t, tSecurity] = await Promise.all([getTranslations("common"), getTranslations("security")]);
  return (
    <header className="no-print border-t-8 border-brand-700 border-b border-b-line bg-white">
      <div
        className={`mx-auto flex ${pageWidthClasses[width]} flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6`}
      >
        <Link href="/" className="flex min-h-11 flex-col justify-center leading-tight text-ink no-underline">
          <span className="text-xl font-bold text-brand-800">{t("appName")}</span>
          <span className="text-ink-muted">{organisation.name}</span>
        </Link>
        {/* Narrow screens: the language buttons stay on one line under the name, the
            signed-in person and the sign-out button share the last line. */}
        <div className="flex w-full flex-wrap items-center justify-between gap-x-6 gap-y-2 sm:w-auto sm:justify-end">
          <LanguageSwitcher className="sm:order-last" />
          {actor ? (
            <div className="flex w-full flex-wrap items-center justify-between gap-x-4 gap-y-2 sm:w-auto">
              <p className="leading-snug">
                <span className="block">{t("signedInAs", { name: actor.displayName })}</span>
                <span className="block text-ink-muted">{t("role", { role: actor.roleLabel })}</span>
              </p>
              <Link href="/account/second-factor" className="text-brand-800 underline underline-offset-4">
                {tSecurity("headerLink")}
              </Link>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
