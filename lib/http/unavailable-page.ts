// The page proxy.ts answers while the database cannot be reached (ADR 0025): 503 with
// Retry-After, in the reader's language, small and self-contained (no script, no stylesheet
// of the build: the page must not depend on anything but this response). It says what an
// 85-year-old needs to know: the file is briefly unavailable, nothing is lost, try again.
import en from "@/messages/en.json";
import frBE from "@/messages/fr-BE.json";
import nlBE from "@/messages/nl-BE.json";
import type { Locale } from "@/lib/i18n/config";
import { RETRY_AFTER_SECONDS } from "@/lib/availability/health";

const texts = { "nl-BE": nlBE.unavailable, "fr-BE": frBE.unavailable, en: en.unavailable } satisfies Record<
  Locale,
  { title: string; body: string; retry: string; serviceCenter: string }
>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The HTML of the page; `nonce` stamps its one <style> for the Content-Security-Policy. */
export function unavailablePageHtml(input: {
  locale: Locale;
  nonce: string;
  serviceCenterPhone: string;
  retryHref: string;
}): string {
  const text = texts[input.locale];
  const serviceCenter = text.serviceCenter.replace("{phone}", input.serviceCenterPhone);
  return `<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(text.title)}</title>
<style nonce="${escapeHtml(input.nonce)}">
body{font-family:system-ui,sans-serif;font-size:1.25rem;line-height:1.6;color:#18181b;background:#fafafa;margin:0}
main{max-width:40rem;margin:0 auto;padding:2.5rem 1.25rem}
h1{font-size:1.75rem;line-height:1.3}
a{display:inline-block;min-height:44px;padding:.6rem 1.25rem;background:#0b5e75;color:#fff;border-radius:.5rem;font-weight:600;text-decoration:none}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}
</style>
</head>
<body>
<main id="main">
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.body)}</p>
<p><a href="${escapeHtml(input.retryHref)}">${escapeHtml(text.retry)}</a></p>
<p>${escapeHtml(serviceCenter)}</p>
</main>
</body>
</html>
`;
}

export function unavailableHeaders(): Record<string, string> {
  return { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS) };
}
