// next-auth configuration: username + password (the demo world's "demo" login, or outside it the
// password login of accounts made with `npm run admin:create`) and an OpenID Connect provider
// standing for eID/itsme (lib/auth/oidc.ts, ADR 0015). next-auth only proves who the person is; the
// portal's own server-side session (PortalSession) carries everything else (ADR 0008).
import { randomUUID } from "node:crypto";
import type { Account, NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { demoWorldEnabled, env } from "@/lib/env";
import { unknownInszPatientKey } from "@/lib/audit/unknown-patient";
import { recordLoginEvent } from "@/lib/auth/login-events";
import {
  LOGIN_ERROR_FOR_REFUSAL,
  OIDC_PROVIDER_ID,
  oidcProvider,
  oidcSettingsFromEnv,
  type OidcPerson,
  type OidcSettings,
} from "@/lib/auth/oidc";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { createPortalSession, endPortalSession } from "@/lib/auth/portal-session";
import { displayName } from "@/lib/people/display-name";

/** The longest a signed-in browser keeps its cookie; idleness ends sessions much earlier. */
const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;

export const useSecureCookies = (env.AUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

const ZDemoCredentials = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

// Unknown usernames are checked against a throw-away hash, so they cost the same time as known
// ones and the login cannot be used to find out which usernames exist.
let timingDecoyHash: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  timingDecoyHash ??= hashPassword(randomUUID());
  return timingDecoyHash;
}

async function authorizePasswordLogin(credentials: unknown): Promise<User | null> {
  const parsed = ZDemoCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const person = await prisma.person.findUnique({
    where: { username: parsed.data.username },
    select: { id: true, passwordHash: true, honorific: true, firstName: true, lastName: true },
  });
  const valid = await verifyPassword(parsed.data.password, person?.passwordHash ?? (await decoyHash()));
  if (!person?.passwordHash || !valid) return null;
  return { id: person.id, name: displayName(person) };
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
            },
            authorize: authorizePasswordLogin,
          }),
        ]
      : []),
    ...(settings.oidc ? [oidcProvider(settings.oidc, findPersonByInsz)] : []),
  ];
}

/** The one place a sign-in is let through or refused, with its login event. */
async function decideSignIn({
  user,
  account,
  profile,
}: {
  user: User;
  account: Account | null;
  profile?: { sub?: unknown };
}): Promise<true | string> {
  if (account?.provider !== OIDC_PROVIDER_ID) return true;
  const refusal = user.oidcRefusal;
  if (refusal) {
    const { nationalNumber, ...logged } = refusal;
    recordLoginEvent({
      method: "oidc",
      outcome: "refused",
      ...logged,
      ...(nationalNumber ? { nationalNumberPseudonym: unknownInszPatientKey(nationalNumber) } : {}),
    });
    return `/login?error=${LOGIN_ERROR_FOR_REFUSAL[refusal.reason]}`;
  }
  // The provider's subject (next-auth's providerAccountId is the person id profile() returned).
  const subject = typeof profile?.sub === "string" ? profile.sub : undefined;
  recordLoginEvent({ method: "oidc", outcome: "success", personId: user.id, subject, acr: user.acr });
  return true;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  useSecureCookies,
  session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_SECONDS },
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
