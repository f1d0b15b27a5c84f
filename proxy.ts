// Runs before every page request (ADR 0012). Three jobs, none of them access control:
// 1. Cross-site navigations. A page that another site navigated a browser to
//    (Sec-Fetch-Site: cross-site), other than the entry pages, shows the calm "open this from
//    the portal" page instead (a rewrite: no data, no access-log entry, no misuse count).
// 2. Browser headers: a Content-Security-Policy with a fresh nonce per request (Next reads it
//    from the request and stamps its own scripts), HSTS when the public URL is https, and
//    Cache-Control: no-store.
// 3. An optimistic redirect: a browser without a session cookie is sent to the login page
//    before anything renders. The real checks run in every page (lib/auth/guards.ts), which
//    re-reads the session in the database; never rely on this file for access control.
// 4. While the database is known to be unreachable (lib/availability/health.ts), every page answers 503
//    with Retry-After and a short page in the reader's language, instead of starting a page that
//    would fail after its 200 has been sent (ADR 0025). Costs nothing while the database answers.
//
// API routes are not matched: withActor (lib/http/route.ts) applies the request-shape rules in
// every route handler, and lib/http/api-routes.test.ts fails on a handler that is not wrapped
// in it. Running the proxy for them would make Next read every request body whole before the
// handler (it buffers bodies for a proxy), which is what the body limits must prevent.
import { NextResponse, type NextRequest } from "next/server";
import { databaseKnownDown, databaseReachable } from "@/lib/availability/health";
import { env, organisation } from "@/lib/env";
import { localeCookieName } from "@/lib/i18n/config";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { CROSS_SITE_NOTICE_PATH, isCrossSite, isSafeMethod, pageRefusesCrossSite } from "@/lib/http/request-guards";
import {
  contentSecurityPolicy,
  createNonce,
  isHttpsUrl,
  NO_STORE,
  strictTransportSecurity,
} from "@/lib/http/security-headers";
import { unavailableHeaders, unavailablePageHtml } from "@/lib/http/unavailable-page";

const PUBLIC_PATHS = ["/login", "/privacy", CROSS_SITE_NOTICE_PATH];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((cookie) => cookie.name.endsWith("next-auth.session-token"));
}

/** Headers every answer of the proxy carries, whatever else it does. */
function withCommonHeaders<T extends Response>(response: T): T {
  const hsts = strictTransportSecurity(env.AUTH_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  response.headers.set("Cache-Control", NO_STORE);
  return response;
}

export function proxy(request: NextRequest): NextResponse | Promise<NextResponse> {
  // The common case stays synchronous: no outage known, no probe, no await.
  if (!databaseKnownDown()) return pageProxy(request);
  return databaseReachable(env.DATABASE_URL).then((up) => (up ? pageProxy(request) : unavailablePage(request)));
}

function unavailablePage(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    https: isHttpsUrl(env.AUTH_URL),
  });
  const locale = resolveLocale({
    cookie: request.cookies.get(localeCookieName)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  const { pathname, search } = request.nextUrl;
  const html = unavailablePageHtml({
    locale,
    nonce,
    serviceCenterPhone: organisation.serviceCenterPhone,
    // Same page again, only a safe method: a form post is not repeated by a link.
    retryHref: `${pathname}${isSafeMethod(request.method) ? search : ""}`,
  });
  const response = new NextResponse(html, { status: 503, headers: unavailableHeaders() });
  response.headers.set("Content-Security-Policy", policy);
  return withCommonHeaders(response);
}

function pageProxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    https: isHttpsUrl(env.AUTH_URL),
  });
  // Next finds the nonce in the request's Content-Security-Policy; x-nonce is for our own code.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const finish = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", policy);
    return withCommonHeaders(response);
  };

  if (isSafeMethod(request.method) && isCrossSite(request.headers) && pageRefusesCrossSite(pathname)) {
    const notice = new URL(CROSS_SITE_NOTICE_PATH, request.url);
    notice.searchParams.set("to", `${pathname}${search}`);
    return finish(NextResponse.rewrite(notice, { request: { headers: requestHeaders } }));
  }
  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  if (!isPublic && !hasSessionCookie(request)) return finish(NextResponse.redirect(new URL("/login", request.url)));
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Every page: not the API (see above), not Next's build output (/_next/static/), not the files
  // of public/ (plus the manifest route), which carry no personal data and need no session.
  // The public files are named one by one, never by extension: a rule like "anything ending in
  // .png" would let `/nurse/patients/<id>.png` past the cross-site rule, and an unknown id is
  // still a decision that misuse detection counts. Next reads this value statically, so it is
  // one literal; proxy.test.ts checks it against the public/ folder.
  matcher: [
    "/((?!api/|_next/static/|(?:favicon\\.ico|icon\\.svg|icon-192\\.png|icon-512\\.png|apple-touch-icon\\.png|manifest\\.webmanifest|robots\\.txt)$).*)",
  ],
};
