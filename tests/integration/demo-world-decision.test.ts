// No demo world in production (issue 10, item 5): the demo world and its demo login exist on the
// embedded database or when DEMO_WORLD=true asks for them, never by default with DATABASE_URL.
// Checked at the three places that decide: the decision itself (scripts/demo-world.ts), the
// seeding step of `npm start` on an empty database, and the sign-in methods next-auth is given.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { demoWorldWanted, prepareDatabaseContent } from "../../scripts/demo-world";
import { resetDatabase, testDatabaseUrl, testPrisma } from "../support/database";

const db = testPrisma();
const URL = "postgresql://portal@db.example/portal";

type ProviderLike = { id: string; options?: { id?: string } };
const providerIds = (providers: unknown[]) =>
  (providers as ProviderLike[]).map((provider) => provider.options?.id ?? provider.id);

describe("demoWorldWanted", () => {
  it("is on for the embedded database, off with DATABASE_URL, unless DEMO_WORLD says otherwise", () => {
    expect(demoWorldWanted({ databaseUrl: undefined, demoWorld: undefined })).toBe(true);
    expect(demoWorldWanted({ databaseUrl: URL, demoWorld: undefined })).toBe(false);
    expect(demoWorldWanted({ databaseUrl: URL, demoWorld: "" })).toBe(false);
    expect(demoWorldWanted({ databaseUrl: URL, demoWorld: "true" })).toBe(true);
    expect(demoWorldWanted({ databaseUrl: URL, demoWorld: "TRUE" })).toBe(true);
    expect(demoWorldWanted({ databaseUrl: undefined, demoWorld: "false" })).toBe(false);
  });

  it("refuses a value it does not understand instead of guessing", () => {
    expect(() => demoWorldWanted({ databaseUrl: URL, demoWorld: "on please" })).toThrow(
      /DEMO_WORLD must be true or false/,
    );
  });
});

describe("the seeding step of npm start", () => {
  beforeEach(() => resetDatabase());

  it("with DATABASE_URL, no DEMO_WORLD and an empty database: reference data only, no person, and how to create one", async () => {
    const demoWorld = demoWorldWanted({ databaseUrl: testDatabaseUrl(), demoWorld: undefined });
    const lines = await prepareDatabaseContent(testDatabaseUrl(), { demoWorld, poolMax: 2 });
    expect(await db.person.count()).toBe(0);
    expect(await db.declarationVersion.count()).toBeGreaterThan(0);
    expect(await db.privacyStatementVersion.count()).toBeGreaterThan(0);
    expect(lines.join("\n")).toContain("npm run admin:create");
  });

  it("seeds the demo world on an empty database when it is wanted, and keeps existing data after", async () => {
    expect(await prepareDatabaseContent(testDatabaseUrl(), { demoWorld: true, poolMax: 2 })).toEqual([
      "Empty database: demo world seeded.",
    ]);
    expect(await db.person.findUnique({ where: { id: "pat-an" } })).toMatchObject({ insz: "41031212410" });
    const people = await db.person.count();
    expect(await prepareDatabaseContent(testDatabaseUrl(), { demoWorld: false, poolMax: 2 })).toEqual([
      "Reference data checked; existing data kept.",
    ]);
    expect(await db.person.count()).toBe(people);
  });
});

describe("the sign-in methods", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.resetModules());

  async function providersWith(settings: Record<string, string>) {
    vi.resetModules();
    for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
    const { authOptions } = await import("@/lib/auth/options");
    return providerIds(authOptions.providers);
  }

  it("without DEMO_WORLD: no demo login, the password login for accounts made with admin:create", async () => {
    expect(await providersWith({ DEMO_WORLD: "" })).toEqual(["password"]);
    expect(await providersWith({ DEMO_WORLD: "false" })).toEqual(["password"]);
  });

  it("with DEMO_WORLD=true: the demo login (its id is part of the demo world's HTTP surface)", async () => {
    expect(await providersWith({ DEMO_WORLD: "true" })).toEqual(["demo"]);
  });

  it("can switch the password login off, and adds eID/itsme when configured", async () => {
    expect(await providersWith({ DEMO_WORLD: "", PASSWORD_LOGIN_ENABLED: "false" })).toEqual([]);
    expect(
      await providersWith({
        DEMO_WORLD: "",
        PASSWORD_LOGIN_ENABLED: "",
        OIDC_ISSUER: "https://idp.example",
        OIDC_CLIENT_ID: "portal",
        OIDC_CLIENT_SECRET: "secret",
      }),
    ).toEqual(["password", "oidc"]);
  });
});
