// The root layout: document, language, translations, skip link and footer. Nothing here knows
// who is signed in (house style: no auth checks in layouts); pages render <PageShell actor>
// with the header and the <main id="main"> the skip link points at.
import type { Metadata, Viewport } from "next";
import { Link } from "@/components/ui/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { organisation } from "@/lib/env";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: `${t("appName")} · ${organisation.name}`, template: `%s · ${t("appName")}` },
    description: t("metaDescription"),
    // A care record is not for search engines, not even its login page.
    robots: { index: false, follow: false },
    // public/: the favicon for every browser, the SVG for those that take it, the touch icon
    // for a phone's home screen. The manifest link comes from app/manifest.ts.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
    },
  };
}

// No maximum-scale or user-scalable=no: pinch-zoom must stay available.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0b5e75",
};

/** "078 00 00 00" -> "tel:078000000": a tap on a phone or tablet dials the service center. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, "")}`;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, tFooter, messages] = await Promise.all([
    getLocale(),
    getTranslations("common"),
    getTranslations("footer"),
    getMessages(),
  ]);
  return (
    <html lang={locale}>
      <body className="antialiased">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        {/* Only what client components translate (lib/i18n/client-messages.ts), not the whole catalogue. */}
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <div className="flex min-h-dvh flex-col">
            {children}
            <footer className="no-print mt-auto border-t border-line bg-white">
              <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-6 text-ink-muted sm:flex-row sm:flex-wrap sm:items-center sm:justify-between sm:gap-x-8 sm:px-6">
                <p>
                  {tFooter.rich("serviceCenter", {
                    phone: organisation.serviceCenterPhone,
                    tel: (chunks) => (
                      <a href={telHref(organisation.serviceCenterPhone)} className="font-semibold whitespace-nowrap">
                        {chunks}
                      </a>
                    ),
                  })}
                </p>
                <nav aria-label={t("footerLabel")}>
                  <Link href="/privacy">{t("privacyLink")}</Link>
                </nav>
              </div>
            </footer>
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
