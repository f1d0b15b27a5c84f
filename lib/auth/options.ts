// next-auth configuration: the demo provider (development and the embedded setup only) and an
// OpenID Connect provider standing for eID/itsme. next-auth only proves who the person is; the
// portal's own server-side session (PortalSession) carries everything else (ADR 0008).
import { headers } from "next/headers";
import type { NextAuthOptions, Session, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { demoLoginEnabled, env, oidcEnabled } from "@/lib/env";
import { normalizeInsz } from "@/lib/insz";
import { clientAddress } from "@/lib/auth/client-address";
import { appLoginThrottle } from "@/lib/auth/login-throttle";
import { attemptPasswordLogin, PASSWORD_LOGIN_METHOD } from "@/lib/auth/password-login";
import { authSecret } from "@/lib/auth/secret";
import { createPortalSession, endPortalSession, loadSessionState } from "@/lib/auth/portal-session";
import { recordLoginAttempt } from "@/lib/auth/security-log";
import { displayName } from "@/lib/people/display-name";

/** The cookie lives as long as the absolute session lifetime; the server ends sessions earlier. */
const ABSOLUTE_SESSION_SECONDS = Math.round(env.SESSION_ABSOLUTE_HOURS * 60 * 60);

export const useSecureCookies = (env.AUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

const ZPasswordCredentials = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The second step of the login form: a TOTP code or a recovery code. */
  code: z.string().trim().max(20).optional(),
});

type RequestHeaders = Record<string, string | string[] | undefined>;

async function authorizePasswordLogin(
  credentials: unknown,
  request?: { headers?: RequestHeaders },
): Promise<User | null> {
  const requestHeaders = request?.headers ?? {};
  const userAgent = requestHeaders["user-agent"];
  const parsed = ZPasswordCredentials.safeParse(credentials);
  if (!parsed.success) {
    // Still an attempt, and in the security log; it cannot succeed, so it is not counted.
    const typed = (credentials as { username?: unknown } | null | undefined)?.username;
    await recordLoginAttempt(prisma, {
      method: PASSWORD_LOGIN_METHOD,
      outcome: "FAILURE",
      reason: "invalid_input",
      username: typeof typed === "string" ? typed : null,
      clientAddress: clientAddress(requestHeaders),
      userAgent: typeof userAgent === "string" ? userAgent : null,
    });
    return null;
  }
  const result = await attemptPasswordLogin(
    {
      ...parsed.data,
      clientAddress: clientAddress(requestHeaders),
      userAgent: typeof userAgent === "string" ? userAgent : null,
    },
    { db: prisma, throttle: await appLoginThrottle() },
  );
  if (result.ok) return { id: result.personId, name: result.name };
  // A wrong password or unknown username: next-auth's own answer (CredentialsSignin), the same for both.
  if (result.error === "invalid_credentials") return null;
  // The failures the login page must tell apart: next-auth passes a thrown error's message on as
  // `?error=` (rate_limited, second_factor_required, second_factor_invalid), and
  // app/api/auth/[...nextauth]/route.ts answers rate_limited with HTTP 429 (ADR 0013).
  throw new Error(result.error);
}

type OidcProfile = { sub: string; [claim: string]: unknown };

/** eID/itsme through any OpenID Connect provider; the national-number claim maps to the person. */
function oidcProvider(): OAuthConfig<OidcProfile> {
  const issuer = env.OIDC_ISSUER!.replace(/\/$/, "");
  return {
    id: "oidc",
    name: env.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid profile" } },
    async profile(profile) {
      const insz = normalizeInsz(String(profile[env.OIDC_NATIONAL_NUMBER_CLAIM] ?? ""));
      const person = insz
        ? await prisma.person.findUnique({
            where: { insz },
            select: { id: true, honorific: true, firstName: true, lastName: true },
          })
        : null;
      // An unknown person gets an id that no Person has; the signIn callback refuses it.
      if (!person) return { id: `unknown:${profile.sub}` };
      return { id: person.id, name: displayName(person) };
    },
  };
}

/**
 * next-auth's own cookies, every one spelled out although these are its defaults: next-auth merges
 * `authOptions.cookies` (and `jwt`, `session`, `adapter`) over its defaults by reading the
 * property, so an option left out would be taken from a polluted Object.prototype (ADR 0011).
 */
function authCookie(name: string, maxAge?: number) {
  return {
    name,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: useSecureCookies, domain: undefined, maxAge },
  } as const;
}
const cookiePrefix = useSecureCookies ? "__Secure-" : "";

/** The client address and user agent of the request being handled, when there is one. */
async function requestOrigin(): Promise<{ clientAddress: string | null; userAgent: string | null }> {
  try {
    const requestHeaders = await headers();
    return { clientAddress: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") };
  } catch {
    // Called outside a request (a test, a script): nothing to record.
    return { clientAddress: null, userAgent: null };
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  useSecureCookies,
  debug: false,
  adapter: undefined,
  cookies: {
    sessionToken: authCookie(sessionCookieName),
    callbackUrl: authCookie(`${cookiePrefix}next-auth.callback-url`),
    csrfToken: authCookie(`${useSecureCookies ? "__Host-" : ""}next-auth.csrf-token`),
    pkceCodeVerifier: authCookie(`${cookiePrefix}next-auth.pkce.code_verifier`, 15 * 60),
    state: authCookie(`${cookiePrefix}next-auth.state`, 15 * 60),
    nonce: authCookie(`${cookiePrefix}next-auth.nonce`),
  },
  jwt: { maxAge: ABSOLUTE_SESSION_SECONDS },
  session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_SECONDS, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    ...(demoLoginEnabled
      ? [
          CredentialsProvider({
            id: "demo",
            name: "Demo",
            credentials: {
              username: { label: "Username", type: "text" },
              password: { label: "Password", type: "password" },
              code: { label: "Code", type: "text" },
            },
            authorize: authorizePasswordLogin,
          }),
        ]
      : []),
    ...(oidcEnabled ? [oidcProvider()] : []),
  ],
  callbacks: {
    async signIn({ user, account }) {
      const unknown = user.id.startsWith("unknown:");
      // The password login logs its own attempts (lib/auth/password-login.ts); the others here.
      if (account && account.provider !== "demo") {
        await recordLoginAttempt(prisma, {
          method: account.provider,
          outcome: unknown ? "FAILURE" : "SUCCESS",
          reason: unknown ? "unknown_person" : account.provider,
          personId: unknown ? null : user.id,
          ...(await requestOrigin()),
        });
      }
      if (unknown) return "/login?error=unknown_person";
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        // A new sign-in: start a server-side session; the cookie carries only its id.
        const sessionId = await createPortalSession(prisma, user.id, account?.provider ?? "unknown");
        return { sid: sessionId, name: user.name ?? undefined };
      }
      return token;
    },
    async session({ session, token }) {
      // A session that ended on the server (sign-out, idle, absolute lifetime, suspension, role
      // removed) is no session, whatever the cookie says: answered as next-auth answers a
      // signed-out browser, `{}` (ADR 0014).
      const state = await loadSessionState(prisma, typeof token.sid === "string" ? token.sid : undefined, {
        touch: false,
      });
      if (state.status !== "active") return {} as Session;
      // What /api/auth/session shows the browser: a name, nothing that grants access.
      return { expires: session.expires, user: { name: typeof token.name === "string" ? token.name : undefined } };
    },
    async redirect({ url, baseUrl }) {
      // Only same-origin redirects: an open redirect after login is a phishing aid.
      // "//host" is protocol-relative: another origin, not a path.
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {
        // fall through to the home page
      }
      return baseUrl;
    },
  },
  events: {
    async signOut({ token }) {
      const sid = (token as { sid?: unknown } | null)?.sid;
      if (typeof sid === "string") await endPortalSession(prisma, sid, "signout");
    },
  },
};
