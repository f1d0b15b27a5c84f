// next-auth configuration: username + password (the demo world's "demo" login, or outside it the
// password login of accounts made with `npm run admin:create`), throttled and with a second
// factor (ADR 0013, 0014), and an OpenID Connect provider standing for eID/itsme
// (lib/auth/oidc.ts, ADR 0015). next-auth only proves who the person is; the
// portal's own server-side session (PortalSession) carries everything else (ADR 0008).
import { headers } from "next/headers";
import type { Account, NextAuthOptions, Session, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { demoWorldEnabled, env } from "@/lib/env";
import { unknownInszPatientKey } from "@/lib/audit/unknown-patient";
import { clientAddress } from "@/lib/auth/client-address";
import { recordLoginEvent, type LoginMethod } from "@/lib/auth/login-events";
import {
  LOGIN_ERROR_FOR_REFUSAL,
  OIDC_PROVIDER_ID,
  oidcProvider,
  oidcSettingsFromEnv,
  type OidcPerson,
  type OidcSettings,
} from "@/lib/auth/oidc";
import { appLoginThrottle } from "@/lib/auth/login-throttle";
import { attemptPasswordLogin, PASSWORD_LOGIN_METHOD } from "@/lib/auth/password-login";
import { authSecret } from "@/lib/auth/secret";
import { createPortalSession, endPortalSession, loadSessionState } from "@/lib/auth/portal-session";
import { recordLoginAttempt } from "@/lib/auth/security-log";
import { mayActAsOwnPatient } from "@/lib/access/minors";
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

/** The OIDC login's lookup: a national number to the person it belongs to. */
async function findPersonByInsz(insz: string): Promise<OidcPerson | null> {
  const person = await prisma.person.findUnique({
    where: { insz },
    select: { id: true, honorific: true, firstName: true, lastName: true },
  });
  return person ? { id: person.id, name: displayName(person) } : null;
}

export type AuthProviderSettings = {
  demoWorld: boolean;
  passwordLogin: boolean;
  oidc: OidcSettings | null;
};

/** The sign-in methods offered for these settings (exported for the tests of each combination). */
export function authProviders(settings: AuthProviderSettings): NextAuthOptions["providers"] {
  // The demo world's accounts sign in through "demo" (its id is part of demo-world.md's HTTP
  // surface); outside the demo world the same check is the password login of accounts made
  // with `npm run admin:create`. Never both: the demo login must not exist without the demo world.
  const credentials = settings.demoWorld ? "demo" : settings.passwordLogin ? "password" : null;
  return [
    ...(credentials
      ? [
          CredentialsProvider({
            id: credentials,
            name: credentials === "demo" ? "Demo" : "Password",
            credentials: {
              username: { label: "Username", type: "text" },
              password: { label: "Password", type: "password" },
              code: { label: "Code", type: "text" },
            },
            authorize: authorizePasswordLogin,
          }),
        ]
      : []),
    ...(settings.oidc ? [oidcProvider(settings.oidc, findPersonByInsz)] : []),
  ];
}

function loginMethodOf(provider: string | undefined): LoginMethod {
  return provider === "demo" || provider === "password" ? provider : "oidc";
}

/** Password logins log their own attempts (lib/auth/password-login.ts). */
const PASSWORD_PROVIDERS = new Set(["demo", "password"]);

/** The one place a sign-in is let through or refused, with its entry in the security log. */
async function decideSignIn({
  user,
  account,
  profile,
}: {
  user: User;
  account: Account | null;
  profile?: { sub?: unknown };
}): Promise<true | string> {
  // A child under 12 has no portal access of its own, whatever the sign-in method (ADR 0019).
  if (await isChildWithoutOwnAccess(user.id)) {
    await recordLoginEvent(
      { method: loginMethodOf(account?.provider), outcome: "refused", reason: "under_12" },
      await requestOrigin(),
    );
    return "/login?error=under_12";
  }
  if (!account || PASSWORD_PROVIDERS.has(account.provider) || account.provider !== OIDC_PROVIDER_ID) return true;
  const origin = await requestOrigin();
  const refusal = user.oidcRefusal;
  if (refusal) {
    const { nationalNumber, ...logged } = refusal;
    await recordLoginEvent(
      {
        method: "oidc",
        outcome: "refused",
        ...logged,
        ...(nationalNumber ? { nationalNumberPseudonym: unknownInszPatientKey(nationalNumber) } : {}),
      },
      origin,
    );
    return `/login?error=${LOGIN_ERROR_FOR_REFUSAL[refusal.reason]}`;
  }
  // The provider's subject (next-auth's providerAccountId is the person id profile() returned).
  const subject = typeof profile?.sub === "string" ? profile.sub : undefined;
  await recordLoginEvent({ method: "oidc", outcome: "success", personId: user.id, subject, acr: user.acr }, origin);
  return true;
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

/**
 * A child under 12 has no portal access of its own (ADR 0019): its parents or representatives
 * act for it. Asked before a session starts, so the child gets a calm refusal instead of an
 * empty portal; the access policy refuses every action of such a patient all the same.
 */
async function isChildWithoutOwnAccess(personId: string): Promise<boolean> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: { birthDate: true, roles: { select: { role: true } } },
  });
  if (!person) return false;
  const onlyPatient = person.roles.length > 0 && person.roles.every((role) => role.role === "PATIENT");
  return onlyPatient && !mayActAsOwnPatient(person.birthDate, new Date());
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
  providers: authProviders({
    demoWorld: demoWorldEnabled,
    passwordLogin: env.PASSWORD_LOGIN_ENABLED,
    oidc: oidcSettingsFromEnv(env),
  }),
  callbacks: {
    signIn: decideSignIn,
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
