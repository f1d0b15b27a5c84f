// The next-auth wiring: the demo provider accepts exactly the right credentials, an eID/itsme
// login of an unknown person is refused with a clear reason, and a sign-in starts a server-side
// session whose id is all the cookie carries.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Account, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { loadSessionState } from "@/lib/auth/portal-session";
import { seedDemoWorld } from "@/lib/demo-world/seed";
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
