// Checks on the shape of a request, made before anything reads a session, decides, logs or
// reads a body (ADR 0012). Pure functions over method, URL and headers: withActor applies them
// in every route handler, proxy.ts the cross-site rule to every page, and unit tests read them
// on their own.
//
// - Cross-site request forgery. A route handler that changes something requires an Origin
//   whose host is the request's own host or the public URL's (AUTH_URL): the rule Next applies
//   to server actions, without its exception for a missing Origin. It also requires the exact
//   media type application/json: a form or a "simple" fetch from another site can send
//   `text/plain; application/json` without a CORS preflight, but never `application/json`.
// - Cross-site reads. A signed-in person's browser can be navigated by any page they visit
//   (`Sec-Fetch-Site: cross-site`), cookies included. Such a request to a personal read is
//   refused before the access decision, so it writes no access-log entry and counts for no
//   misuse detection: a hostile page cannot get a nurse suspended by walking her browser
//   through twenty patient ids. A request without Sec-Fetch-Site (curl, older browsers) is
//   judged as before.
import { PortalError } from "@/lib/errors";
import { MAX_JSON_BODY_BYTES } from "@/lib/limits";

/** Methods that must not change anything; every other method is guarded. */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** `host[:port]` as URL.host writes it (lower case, default port left out); null if not a URL. */
function hostOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.host;
  } catch {
    return null;
  }
}

/** A Host or X-Forwarded-Host value, normalised like URL.host (the first one of a list). */
function normaliseHostHeader(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  if (!first) return null;
  return hostOfUrl(`http://${first}`) ?? null;
}

/**
 * The hosts an Origin may name: the request's own (X-Forwarded-Host behind a reverse proxy,
 * else Host, as Next does for server actions) and the public URL's. A browser on another site
 * can set neither header on a cross-site request.
 */
export function allowedOriginHosts(headers: Headers, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const own = normaliseHostHeader(headers.get("x-forwarded-host")) ?? normaliseHostHeader(headers.get("host"));
  if (own) hosts.add(own);
  const publicHost = publicUrl ? hostOfUrl(publicUrl) : null;
  if (publicHost) hosts.add(publicHost);
  // URL.host drops the scheme's default port, a Host header may spell it out: compare both ways.
  for (const host of [...hosts]) hosts.add(host.replace(/:(80|443)$/, ""));
  return hosts;
}

/** 403 unless the Origin header names this portal. A missing or `null` Origin is refused too. */
export function originRefusal(headers: Headers, publicUrl: string | undefined): PortalError | null {
  const origin = headers.get("origin");
  if (!origin || origin === "null") {
    return new PortalError("forbidden", { userMessage: "Cross-origin request refused: the Origin header is missing." });
  }
  const host = hostOfUrl(origin);
  if (!host || !allowedOriginHosts(headers, publicUrl).has(host)) {
    return new PortalError("forbidden", {
      userMessage: "Cross-origin request refused: the Origin is not this portal.",
    });
  }
  return null;
}

/** The media type of a Content-Type value, lower case, without parameters; null when absent. */
export function mediaTypeOf(contentType: string | null): string | null {
  if (contentType === null) return null;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type === "" ? null : type;
}

/** 415 unless the body is declared as exactly application/json (parameters such as charset allowed). */
export function jsonMediaTypeRefusal(headers: Headers): PortalError | null {
  if (mediaTypeOf(headers.get("content-type")) === "application/json") return null;
  return new PortalError("unsupported_media_type", { userMessage: "Send the request body as application/json." });
}

/**
 * 413 when Content-Length announces more than `maxBytes`, 400 when it is not a length at all.
 * Checked before a byte of the body is read; a body without Content-Length is capped while it
 * is read (parseJsonBody).
 */
export function contentLengthRefusal(headers: Headers, maxBytes: number = MAX_JSON_BODY_BYTES): PortalError | null {
  const declared = headers.get("content-length");
  if (declared === null) return null;
  if (!/^\d{1,16}$/.test(declared.trim())) {
    return new PortalError("invalid_input", {
      userMessage: "Invalid Content-Length header.",
      issues: [{ path: "content-length", message: "must be a number of bytes" }],
    });
  }
  if (Number(declared) > maxBytes) {
    return new PortalError("payload_too_large", { userMessage: `The request body is larger than ${maxBytes} bytes.` });
  }
  return null;
}

/** True when the browser says another site started this request (Fetch Metadata). */
export function isCrossSite(headers: Headers): boolean {
  return headers.get("sec-fetch-site")?.trim().toLowerCase() === "cross-site";
}

export function crossSiteRefusal(headers: Headers): PortalError | null {
  if (!isCrossSite(headers)) return null;
  return new PortalError("forbidden", {
    userMessage: "Cross-site request refused: open this from the portal itself.",
  });
}

export type ApiRequestShape = { method: string; headers: Headers };

export type ApiGuardOptions = {
  /** The public URL (AUTH_URL), whose host an Origin may name besides the request's own. */
  publicUrl: string | undefined;
  /** Let a safe (GET/HEAD) request from another site through: public, non-personal endpoints only. */
  allowCrossSiteReads?: boolean;
  /** Largest body accepted; MAX_JSON_BODY_BYTES unless a route says otherwise. */
  maxBodyBytes?: number;
};

/**
 * Every rule of this file for one API request, in the order a caller sees them: a foreign or
 * missing Origin (403) before a wrong media type (415) before an oversized body (413); a
 * cross-site read (403). Null when the request may go on.
 */
export function apiRequestRefusal(request: ApiRequestShape, options: ApiGuardOptions): PortalError | null {
  if (isSafeMethod(request.method)) {
    return options.allowCrossSiteReads ? null : crossSiteRefusal(request.headers);
  }
  return (
    originRefusal(request.headers, options.publicUrl) ??
    jsonMediaTypeRefusal(request.headers) ??
    contentLengthRefusal(request.headers, options.maxBodyBytes)
  );
}

/**
 * Pages a cross-site navigation may open: where a person lands from a bookmark, a link in an
 * e-mail or the identity provider's redirect after an eID/itsme login (which is cross-site, and
 * stays so through the redirects that follow it). None takes a patient id from the URL, so a
 * hostile page gains nothing by opening them. Every other page, including every page added
 * later, answers a cross-site navigation with the calm "open this from the portal" page and no
 * data (deny by default).
 */
export const CROSS_SITE_ENTRY_PAGES: ReadonlySet<string> = new Set([
  "/",
  "/login",
  "/privacy",
  "/suspended",
  "/choose-role",
  "/declaration",
  // The role homes ("/" redirects there).
  "/patient",
  "/trusted-person",
  "/caregiver",
  "/nurse",
  "/service-center",
]);

/** The page that a refused cross-site navigation is shown instead (a rewrite: the URL stays). */
export const CROSS_SITE_NOTICE_PATH = "/open-from-portal";

export function pageRefusesCrossSite(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return !CROSS_SITE_ENTRY_PAGES.has(path) && path !== CROSS_SITE_NOTICE_PATH;
}

/**
 * A same-origin path to offer as "continue" on the notice page, or null. Only a path on this
 * portal: never `//host` or `/\host`, which a browser would read as another site.
 */
export function sameOriginPath(candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 2000) return null;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return null;
  return candidate;
}
