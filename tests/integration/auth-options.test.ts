// The next-auth wiring: the demo provider accepts exactly the right credentials, an eID/itsme
// login of an unknown person is refused with a clear reason, and a sign-in starts a server-side
// session whose id is all the cookie carries.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Account, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions, sessionCookieName, useSecureCookies } from "@/lib/auth/options";
import { loadSessionState } from "@/lib/auth/portal-session";
import { seedDemoWorld } from "@/tests/support/demo-world";
import { resetDatabase, testPrisma } from "../support/database";

const db = testPrisma();

// next-auth 4 keeps a provider's own options (its id "demo", our authorize) under `options`
// and merges them when it parses the providers.
type DemoProvider = { options: { id?: string; authorize: (credentials: unknown) => Promise<User | null> } };
const demoProvider = (authOptions.providers as unknown as DemoProvider[]).find(
  (provider) => provider.options?.id === "demo",
);
const authorize = (credentials: unknown) => demoProvider!.options.authorize(credentials);

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("demo login", () => {
  it("is offered outside production", () => {
    expect(demoProvider).toBeDefined();
  });

  it("accepts a demo account with password demo and names the person", async () => {
    expect(await authorize({ username: "d.eva", password: "demo" })).toEqual({ id: "usr-eva", name: "Dr. Eva Jacobs" });
    expect(await authorize({ username: "  p.an ", password: "demo" })).toEqual({ id: "pat-an", name: "An Peeters" });
  });

  it("refuses a wrong password, an unknown username and malformed input alike", async () => {
    expect(await authorize({ username: "p.an", password: "Demo" })).toBeNull();
    expect(await authorize({ username: "p.nobody", password: "demo" })).toBeNull();
    expect(await authorize({ username: "", password: "demo" })).toBeNull();
    expect(await authorize({ username: "p.an" })).toBeNull();
    expect(await authorize(undefined)).toBeNull();
    // Every one of them is in the security log, the malformed ones included; no password is.
    const reasons = (await db.loginAttempt.findMany({ orderBy: { id: "asc" } })).map((attempt) => attempt.reason);
    expect(reasons.slice(-5)).toEqual([
      "wrong_password",
      "unknown_username",
      "invalid_input",
      "invalid_input",
      "invalid_input",
    ]);
  });
});

describe("password login failures the login page tells apart", () => {
  it("answers a locked account with the error rate_limited, even for the right password", async () => {
    await db.loginThrottle.create({
      data: { key: "account:p.bart", points: 31, expire: BigInt(Date.now() + 60_000) },
    });
    await expect(authorize({ username: "p.bart", password: "demo" })).rejects.toThrow("rate_limited");
    await db.loginThrottle.deleteMany();
    expect(await authorize({ username: "p.bart", password: "demo" })).toEqual({ id: "pat-bart", name: "Bart Claes" });
  });

  it("asks for the second-factor code of an enrolled account", async () => {
    await db.secondFactor.create({
      data: { personId: "usr-noah", secretEncrypted: "v1.a.b.c", enabledAt: new Date() },
    });
    try {
      await expect(authorize({ username: "n.noah", password: "demo" })).rejects.toThrow("second_factor_required");
    } finally {
      await db.secondFactor.deleteMany();
    }
  });
});

describe("sign-in callbacks", () => {
  it("refuses an eID/itsme login that profile() refused, with the refusal's own code, and logs it", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const account = { provider: "oidc", type: "oauth", providerAccountId: "subject-1" };
    const refused = (reason: string) =>
      authOptions.callbacks!.signIn!({
        user: { id: "refused:subject-1", oidcRefusal: { reason, subject: "subject-1" } },
        account,
      } as never);
    expect(await refused("unknown_person")).toBe("/login?error=unknown_person");
    expect(await refused("missing_national_number")).toBe("/login?error=oidc_missing_claim");
    expect(await refused("invalid_national_number")).toBe("/login?error=oidc_missing_claim");
    expect(await refused("insufficient_assurance")).toBe("/login?error=oidc_insufficient_assurance");
    expect(info).toHaveBeenCalledTimes(4);
    expect(info).toHaveBeenLastCalledWith(expect.stringMatching(/^login-event .*"reason":"insufficient_assurance"/));
    expect(await authOptions.callbacks!.signIn!({ user: { id: "pat-an" }, account } as never)).toBe(true);
    expect(await authOptions.callbacks!.signIn!({ user: { id: "pat-an" }, account: null } as never)).toBe(true);
  });

  it("writes eID/itsme logins to the security log, refused and accepted", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const account = { provider: "oidc", type: "oauth", providerAccountId: "subject-2" };
    const before = await db.loginAttempt.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    await authOptions.callbacks!.signIn!({
      user: { id: "refused:subject-2", oidcRefusal: { reason: "unknown_person", subject: "subject-2" } },
      account,
    } as never);
    await authOptions.callbacks!.signIn!({ user: { id: "pat-an" }, account } as never);
    const attempts = await db.loginAttempt.findMany({
      where: { method: "oidc", id: { gt: before?.id ?? 0n } },
      orderBy: { id: "asc" },
    });
    expect(attempts.map(({ outcome, reason, personId }) => ({ outcome, reason, personId }))).toEqual([
      { outcome: "FAILURE", reason: "unknown_person", personId: null },
      { outcome: "SUCCESS", reason: "success", personId: "pat-an" },
    ]);
  });

  it("starts a server-side session and puts only its id in the token", async () => {
    const token = (await authOptions.callbacks!.jwt!({
      token: {} as JWT,
      user: { id: "usr-dirk", name: "Dr. Dirk Smets" },
      account: { provider: "demo", type: "credentials", providerAccountId: "usr-dirk" } as Account,
      trigger: "signIn",
    } as never)) as JWT;
    expect(Object.keys(token).sort()).toEqual(["name", "sid"]);
    const state = await loadSessionState(db, token.sid as string);
    expect(state.status === "active" && state.actor).toMatchObject({ personId: "usr-dirk", activeRole: "DOCTOR" });
  });

  it("keeps redirects on the portal's own origin", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "/patient", baseUrl })).toBe("http://localhost:3000/patient");
    expect(await redirect({ url: "http://localhost:3000/nurse", baseUrl })).toBe("http://localhost:3000/nurse");
    expect(await redirect({ url: "https://evil.example/phish", baseUrl })).toBe(baseUrl);
    expect(await redirect({ url: "//evil.example", baseUrl })).toBe(baseUrl);
  });
});

describe("security options", () => {
  // next-auth reads authOptions.cookies, .jwt, .session and .adapter as properties and merges
  // them over its defaults: one left out would come from a polluted Object.prototype (ADR 0011).
  it("spells out every cookie, with next-auth's own default names and attributes, and no domain", () => {
    // next-auth 4's defaultCookies(useSecureCookies) (core/lib/cookie.js), which it does not export.
    const prefix = useSecureCookies ? "__Secure-" : "";
    const expected: Record<string, { name: string; maxAge?: number }> = {
      sessionToken: { name: `${prefix}next-auth.session-token` },
      callbackUrl: { name: `${prefix}next-auth.callback-url` },
      csrfToken: { name: `${useSecureCookies ? "__Host-" : ""}next-auth.csrf-token` },
      pkceCodeVerifier: { name: `${prefix}next-auth.pkce.code_verifier`, maxAge: 900 },
      state: { name: `${prefix}next-auth.state`, maxAge: 900 },
      nonce: { name: `${prefix}next-auth.nonce` },
    };
    const cookies = authOptions.cookies ?? {};
    expect(Object.keys(cookies).sort()).toEqual(Object.keys(expected).sort());
    for (const [cookie, { name, maxAge }] of Object.entries(expected)) {
      const configured = cookies[cookie as keyof typeof cookies]!;
      expect(configured.name, cookie).toBe(name);
      expect(configured.options, cookie).toEqual({
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: useSecureCookies,
        domain: undefined,
        maxAge,
      });
      // Own properties, also where undefined: nothing is left to be looked up elsewhere.
      for (const option of ["httpOnly", "sameSite", "path", "secure", "domain", "maxAge"]) {
        expect(Object.hasOwn(configured.options, option), `${cookie}.${option}`).toBe(true);
      }
    }
    expect(cookies.sessionToken!.name).toBe(sessionCookieName);
  });

  it("names the session, the token and the absence of an adapter itself", () => {
    for (const key of ["secret", "useSecureCookies", "debug", "adapter", "cookies", "jwt", "session"] as const) {
      expect(Object.hasOwn(authOptions, key), key).toBe(true);
    }
    expect(authOptions.session).toEqual({ strategy: "jwt", maxAge: 12 * 60 * 60, updateAge: 24 * 60 * 60 });
    expect(authOptions.jwt).toEqual({ maxAge: 12 * 60 * 60 });
    expect(authOptions.adapter).toBeUndefined();
    expect(authOptions.debug).toBe(false);
  });
});
