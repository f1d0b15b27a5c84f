// next-intl request configuration, without locale routing: URLs carry no locale, so a link a
// son forwards to his mother opens in her language, not his. The locale comes from the
// NEXT_LOCALE cookie (set by the language switcher), else from Accept-Language, else nl-BE.
// See docs/decisions/0003-i18n-with-next-intl.md.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formats, localeCookieName, timeZone, type Locale } from "./config";
import { resolveLocale } from "./negotiate";

// A fixed table of loaders, not a template import path: only these three files can ever be
// loaded, whatever a cookie or header says.
const catalogs = {
  "nl-BE": () => import("@/messages/nl-BE.json"),
  "fr-BE": () => import("@/messages/fr-BE.json"),
  en: () => import("@/messages/en.json"),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(localeCookieName)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    messages: (await catalogs[locale]()).default,
    timeZone,
    formats,
  };
});
