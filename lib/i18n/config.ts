// Locale settings shared by the server (request config, server action) and the client (language
// switcher). No server-only imports here: the switcher's client bundle reads `locales`.
// See docs/decisions/0003-i18n-with-next-intl.md.
import { BELGIAN_TIME_ZONE } from "@/lib/belgian-calendar";
import type { Formats } from "next-intl";

export const locales = ["nl-BE", "fr-BE", "en"] as const;
export type Locale = (typeof locales)[number];

/** Most of the organisation's patients read Dutch; every negotiation that finds nothing ends here. */
export const defaultLocale: Locale = "nl-BE";

/** The cookie the language switcher writes; without it the browser's Accept-Language decides. */
export const localeCookieName = "NEXT_LOCALE";
export const localeCookieMaxAgeSeconds = 60 * 60 * 24 * 365;

/**
 * Every date and time is shown in Belgian time, whatever the device or server clock says: a
 * nurse's note written at 23:30 must not show up as the next day on a server running in UTC.
 */
export const timeZone = BELGIAN_TIME_ZONE;

/**
 * Each language named in itself (an autonym), never translated: someone who cannot read the
 * current language must still recognise their own in the switcher.
 */
export const localeNames = {
  "nl-BE": "Nederlands",
  "fr-BE": "Français",
  en: "English",
} as const satisfies Record<Locale, string>;

/** The language part alone, for the `lang` attribute of a language name. */
export const localeLanguage = {
  "nl-BE": "nl",
  "fr-BE": "fr",
  en: "en",
} as const satisfies Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Named formats for `format.dateTime(value, "date")`, `format.number(value, "decimal1")` and
 * `{value, date, date}` in messages, so every page writes a date the same way.
 */
export const formats = {
  dateTime: {
    /** 23 november 2026 */
    date: { day: "numeric", month: "long", year: "numeric" },
    /** 23/11/2026: compact, for tables */
    dateShort: { day: "2-digit", month: "2-digit", year: "numeric" },
    /** 23 november 2026 om 14:05 */
    dateTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
    /** 23/11/2026 14:05: compact, for logs and tables */
    dateTimeShort: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" },
    /** 14:05 */
    time: { hour: "2-digit", minute: "2-digit" },
    /** maandag 23 november */
    weekday: { weekday: "long", day: "numeric", month: "long" },
  },
  number: {
    /** 37,2 (temperature, weight) */
    decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    /** 120 (blood pressure, pulse) */
    integer: { maximumFractionDigits: 0 },
  },
  list: {
    and: { type: "conjunction", style: "long" },
  },
} as const satisfies Formats;
