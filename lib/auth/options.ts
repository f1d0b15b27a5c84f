// next-auth configuration: the demo provider (development and the embedded setup only) and an
// OpenID Connect provider standing for eID/itsme. next-auth only proves who the person is; the
// portal's own server-side session (PortalSession) carries everything else (ADR 0008).
import { randomUUID } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { demoLoginEnabled, env, oidcEnabled } from "@/lib/env";
import { normalizeInsz } from "@/lib/insz";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { createPortalSession, endPortalSession } from "@/lib/auth/portal-session";
import { mayActAsOwnPatient } from "@/lib/access/minors";
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

async function authorizeDemoLogin(credentials: unknown): Promise<User | null> {
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
  session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_SECONDS },
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
            },
            authorize: authorizeDemoLogin,
          }),
        ]
      : []),
    ...(oidcEnabled ? [oidcProvider()] : []),
  ],
  callbacks: {
    async signIn({ user }) {
      if (user.id.startsWith("unknown:")) return "/login?error=unknown_person";
      if (await isChildWithoutOwnAccess(user.id)) return "/login?error=under_12";
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
