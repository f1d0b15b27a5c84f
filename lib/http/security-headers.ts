// The browser-side defences of every response, built here and set by proxy.ts on pages and by
// withActor on API answers (ADR 0012).
// Pure functions of their inputs, so the policy can be read and unit-tested on its own; no Next
// or Node imports (proxy.ts runs before the app).
//
// The Content-Security-Policy follows Next.js's guidance for nonces: the proxy makes a fresh
// nonce per request, puts the policy on the request (Next reads the nonce from it and stamps its
// own scripts) and on the response. 'strict-dynamic' lets the scripts so trusted load Next's
// chunks; nothing else runs. The price: every page renders per request (no static pages), which
// this portal pays anyway, since every page depends on who is signed in.

/** A fresh, unguessable nonce (128 bits, base64). Web Crypto: available in the proxy and in Node. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type CspOptions = {
  nonce: string;
  /** Next's development server needs eval for React's error overlays; production never does. */
  development: boolean;
  /** Upgrade http subresources only when the portal itself is served over https. */
  https: boolean;
};

/**
 * The Content-Security-Policy of a page.
 * - script-src: only scripts carrying this response's nonce, and what they load ('strict-dynamic').
 *   'self' is a fallback for browsers without 'strict-dynamic', which ignore it otherwise.
 * - style-src: our stylesheets and nonce-stamped <style> elements; style attributes stay allowed
 *   (style-src-attr) because React renders `style={…}` (the charts) as attributes, and an
 *   attribute can neither run script nor read the page.
 * - frame-ancestors 'none': no other site can frame a page (clickjacking).
 * - base-uri 'none', object-src 'none': no <base> hijacking of relative URLs, no plugins.
 * - form-action 'self': a form can only post back to the portal.
 */
export function contentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // The development server's hot reload talks over a WebSocket to the same host.
    ["connect-src", "'self'", ...(development ? ["ws:", "wss:"] : [])],
    ["manifest-src", "'self'"],
    ["worker-src", "'self'"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The nonce a policy built by `contentSecurityPolicy` carries (what Next itself extracts). */
export function nonceOf(policy: string): string | null {
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}

/** Two years, subdomains included: the value the HSTS preload list asks for. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** True when the public URL of the portal (AUTH_URL) is https. */
export function isHttpsUrl(publicUrl: string | undefined): boolean {
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Strict-Transport-Security, only when the portal is published over https: sent over plain http
 * (a local or test run) it would be ignored at best, and would pin a developer's localhost to
 * https at worst.
 */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return isHttpsUrl(publicUrl) ? STRICT_TRANSPORT_SECURITY : null;
}

/** Personal data is never stored by the browser or a proxy on the way. */
export const NO_STORE = "no-store";
