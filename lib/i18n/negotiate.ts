// Picks the portal language for a request. Pure, so the rules below are unit-tested rather than
// trusted: a wrong guess shows an 85-year-old patient a language she cannot read.
import { defaultLocale, isLocale, locales, type Locale } from "./config";

type Preference = { tag: string; quality: number; order: number };

/** Parses an Accept-Language header into tags by preference, dropping refusals (q=0) and junk. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const preferences: Preference[] = [];
  // Bounded: a header is client input, and nobody prefers more than a handful of languages.
  header
    .split(",")
    .slice(0, 32)
    .forEach((part, order) => {
      const [rawTag = "", ...params] = part.trim().split(";");
      const tag = rawTag.trim().toLowerCase();
      if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
      let quality = 1;
      for (const param of params) {
        const [name = "", value = ""] = param.split("=");
        // A quality we cannot read is treated as no preference at all rather than as q=1.
        if (name.trim().toLowerCase() === "q")
          quality = /^\s*[01](\.[0-9]{0,3})?\s*$/.test(value) ? Number(value) : Number.NaN;
      }
      if (!Number.isFinite(quality) || quality <= 0 || quality > 1) return;
      preferences.push({ tag, quality, order });
    });
  // Array.prototype.sort is stable, but ties are made explicit: equal quality keeps header order.
  preferences.sort((a, b) => b.quality - a.quality || a.order - b.order);
  return preferences.map((preference) => preference.tag);
}

function primaryLanguage(tag: string): string {
  return tag.split("-")[0] ?? tag;
}

/**
 * The best supported locale for an Accept-Language header. An exact tag wins; otherwise the
 * language decides the region ("nl-NL" and "nl" read nl-BE, "fr-FR" reads fr-BE, "en-US" reads
 * en), since Belgian Dutch or French is far closer to what such a reader expects than English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    if (tag === "*") return defaultLocale;
    const exact = locales.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const sameLanguage = locales.find((locale) => primaryLanguage(locale.toLowerCase()) === primaryLanguage(tag));
    if (sameLanguage) return sameLanguage;
  }
  return defaultLocale;
}

/** The user's explicit choice (the cookie) first, then the browser's preference, then Dutch. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage);
}
