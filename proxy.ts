// Optimistic redirect only: a browser without a session cookie is sent to the login page before
// anything renders. The real checks run in every page and route (lib/auth/guards.ts,
// lib/http/route.ts), which re-read the session in the database; never rely on this file for
// access control.
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC_PATHS = ["/login", "/privacy"];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((cookie) => cookie.name.endsWith("next-auth.session-token"));
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  if (hasSessionCookie(request)) return NextResponse.next();
  return NextResponse.redirect(new URL("/login", request.url));
}

export const config = {
  // Pages only: API routes answer 401 themselves; static files need no session.
  matcher: ["/((?!api/|_next/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|css|js|woff2?)$).*)"],
};
