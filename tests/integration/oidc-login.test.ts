// The portal's OIDC configuration against a real OpenID provider (tests/support/local-oidc-provider.ts):
// the whole code flow, through next-auth's own handler with the portal's callbacks, a browser
// replaced by fetch and two cookie jars. Every setting of ADR 0015 is tried here: where the
// national number is read (ID token or userinfo), scopes and claim name, the ID token's
// signature algorithm, the client authentication, the level of assurance; and every refusal
// ends on the login page with its own code, its own login event and no session.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { NextAuthOptions } from "next-auth";
// next-auth's framework-free handler (the one its Next.js route handler calls with the request's
// cookies and headers); not in its package exports, hence the file path.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { EIDAS_LEVELS } from "@/lib/env";
import { authOptions, authProviders } from "@/lib/auth/options";
import { clientPrivateJwk, oidcCallbackErrorRedirect, type OidcSettings } from "@/lib/auth/oidc";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { demoPatients } from "@/lib/demo-world/people";
import { OUTSIDER, startLocalOidcProvider, type LocalOidcProvider } from "../support/local-oidc-provider";
import { resetDatabase, testPrisma } from "../support/database";

const db = testPrisma();
const [LOW, SUBSTANTIAL, HIGH] = EIDAS_LEVELS;
const PORTAL = "http://127.0.0.1:9";
const REDIRECT_URI = `${PORTAL}/api/auth/callback/oidc`;
const AN = demoPatients.an.insz;

const secret = randomBytes(16).toString("base64url");
const pem = (key: ReturnType<typeof generateKeyPairSync>["privateKey"]) =>
  key.export({ format: "pem", type: "pkcs8" }).toString();
const rsaClientKey = clientPrivateJwk(pem(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey));
const ecClientKey = clientPrivateJwk(pem(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey));
const strangerKey = clientPrivateJwk(pem(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey));
const publicPart = ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest }: Record<string, unknown>) => rest;

const clients = [
  { clientId: "rs256", idTokenSigningAlg: "RS256" as const },
  { clientId: "ps256", idTokenSigningAlg: "PS256" as const },
  { clientId: "es256", idTokenSigningAlg: "ES256" as const },
].map((client) => ({
  ...client,
  redirectUris: [REDIRECT_URI],
  auth: { method: "client_secret_basic" as const, clientSecret: secret },
}));
const keyClients = [
  { clientId: "jwt-rsa", key: rsaClientKey },
  { clientId: "jwt-ec", key: ecClientKey },
].map(({ clientId, key }) => ({
  clientId,
  redirectUris: [REDIRECT_URI],
  idTokenSigningAlg: "RS256" as const,
  auth: { method: "private_key_jwt" as const, publicJwk: publicPart(key) },
}));

let userinfoOnly: LocalOidcProvider;
let claimsInIdToken: LocalOidcProvider;

function portalSettings(provider: LocalOidcProvider, overrides: Partial<OidcSettings> = {}): OidcSettings {
  return {
    issuer: provider.issuer,
    clientId: "rs256",
    displayName: "eID",
    clientAuth: { method: "client_secret_basic", clientSecret: secret },
    scopes: ["openid", "national_number"],
    nationalNumberClaim: "national_number",
    idTokenSigningAlg: "RS256",
    acr: { levels: [...EIDAS_LEVELS], minimum: SUBSTANTIAL, requested: [SUBSTANTIAL, HIGH] },
    ...overrides,
  };
}

// --- A browser, by hand ---------------------------------------------------------------------

type Jar = Map<string, string>;

function keepCookies(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const name = pair!.slice(0, pair!.indexOf("=")).trim();
    const value = pair!.slice(pair!.indexOf("=") + 1).trim();
    const expired = attributes.some((a) => /max-age=0\b/i.test(a) || /expires=.*1970/i.test(a));
    if (expired || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

type Citizen = { nationalNumber: string; acr?: string } | "cancel";

/** At the provider: follows redirects, signs in on its login page, until it sends the browser back to the portal. */
async function atProvider(authorizeUrl: string, citizen: Citizen): Promise<URL> {
  const jar: Jar = new Map();
  let url = authorizeUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: cookieHeader(jar), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    keepCookies(jar, response);
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)\/login">/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`unexpected page at the provider (${response.status}): ${html}`);
    if (citizen === "cancel") {
      url = new URL(`${action}/abort`, url).href;
      body = new URLSearchParams();
    } else {
      url = new URL(`${action}/login`, url).href;
      body = new URLSearchParams({ national_number: citizen.nationalNumber, acr: citizen.acr ?? SUBSTANTIAL });
    }
  }
  throw new Error("too many redirects at the provider");
}

type PortalResponse = Awaited<ReturnType<typeof AuthHandler>>;

async function portal(options: NextAuthOptions, jar: Jar, request: Record<string, unknown>): Promise<PortalResponse> {
  const response = await AuthHandler({
    options,
    req: { headers: { host: "127.0.0.1:9" }, cookies: Object.fromEntries(jar), query: {}, ...request } as never,
  });
  for (const cookie of response.cookies ?? []) {
    if (cookie.value === "" || cookie.options?.maxAge === 0) jar.delete(cookie.name);
    else jar.set(cookie.name, cookie.value);
  }
  return response;
}

/** The whole sign-in: where the portal sends the browser at the end, and the portal session made, if any. */
async function signIn(settings: OidcSettings, citizen: Citizen) {
  const options: NextAuthOptions = {
    ...authOptions,
    providers: authProviders({ demoWorld: false, passwordLogin: false, oidc: settings }),
  };
  const jar: Jar = new Map();
  const csrf = await portal(options, jar, { action: "csrf", method: "GET" });
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const start = await portal(options, jar, {
    action: "signin",
    providerId: "oidc",
    method: "POST",
    body: { csrfToken, callbackUrl: `${PORTAL}/` },
  });
  if (!start.redirect?.startsWith(settings.issuer))
    throw new Error(`sign-in did not go to the provider: ${start.redirect}`);
  const authorize = new URL(start.redirect);

  const back = await atProvider(start.redirect, citizen);
  const sessionsBefore = await db.portalSession.count();
  // What the route handler does first (app/api/auth/[...nextauth]/route.ts).
  const early = await oidcCallbackErrorRedirect(back.href);
  const redirect = early
    ? early.headers.get("location")
    : (
        await portal(options, jar, {
          action: "callback",
          providerId: "oidc",
          method: "GET",
          query: Object.fromEntries(back.searchParams),
        })
      ).redirect;
  const sessions = await db.portalSession.findMany({ orderBy: { createdAt: "desc" }, take: 1 });
  const newSession = (await db.portalSession.count()) > sessionsBefore ? sessions[0] : undefined;
  return { authorize, redirect, session: newSession, sessionCookie: jar.get("next-auth.session-token") };
}

/** The login events written while `work` ran. */
async function loginEvents<T>(work: () => Promise<T>): Promise<{ result: T; events: Record<string, unknown>[] }> {
  const info = vi.spyOn(console, "info").mockImplementation(() => {});
  try {
    const result = await work();
    const events = info.mock.calls
      .map((args) => String(args[0]))
      .filter((line) => line.startsWith("login-event "))
      .map((line) => JSON.parse(line.slice("login-event ".length)) as Record<string, unknown>);
    return { result, events };
  } finally {
    info.mockRestore();
  }
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  const allClients = [...clients, ...keyClients];
  userinfoOnly = await startLocalOidcProvider({ clients: allClients });
  claimsInIdToken = await startLocalOidcProvider({ clients: allClients, claimsInIdToken: true });
});

afterAll(async () => {
  await userinfoOnly?.close();
  await claimsInIdToken?.close();
});

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_URL", PORTAL);
});

describe("where the national number is read", () => {
  it("from userinfo when the ID token does not carry it (the provider's default)", async () => {
    const before = userinfoOnly.userinfoRequests();
    const { result, events } = await loginEvents(() =>
      signIn(portalSettings(userinfoOnly), { nationalNumber: AN, acr: HIGH }),
    );
    expect(result.redirect).toBe(`${PORTAL}/`);
    expect(result.session).toMatchObject({ personId: demoIds.patients.an, method: "oidc" });
    expect(result.sessionCookie).toBeDefined();
    expect(userinfoOnly.userinfoRequests()).toBe(before + 1);
    expect(events).toEqual([
      // subject: the provider's own (24 characters there), not the portal's person id.
      expect.objectContaining({
        method: "oidc",
        outcome: "success",
        personId: "pat-an",
        acr: HIGH,
        subject: expect.stringMatching(/^[\w-]{24}$/),
      }),
    ]);
    // What was asked: the configured scopes and levels of assurance.
    expect(result.authorize.searchParams.get("scope")).toBe("openid national_number");
    expect(result.authorize.searchParams.get("acr_values")).toBe(`${SUBSTANTIAL} ${HIGH}`);
  });

  it("from the ID token when it carries it, without asking userinfo", async () => {
    const before = claimsInIdToken.userinfoRequests();
    const { result } = await loginEvents(() => signIn(portalSettings(claimsInIdToken), { nationalNumber: AN }));
    expect(result.session).toMatchObject({ personId: demoIds.patients.an });
    expect(claimsInIdToken.userinfoRequests()).toBe(before);
  });
});

describe("scopes and claim name are configuration", () => {
  it("signs in with another scope and claim name", async () => {
    const settings = portalSettings(userinfoOnly, { scopes: ["openid", "eid"], nationalNumberClaim: "rrn" });
    const { result } = await loginEvents(() => signIn(settings, { nationalNumber: AN }));
    expect(result.session).toMatchObject({ personId: demoIds.patients.an });
  });

  it("refuses a login without the claim as its own case, logged, with no session", async () => {
    // The provider releases `rrn` for this scope; the portal looks for `national_number`.
    for (const provider of [userinfoOnly, claimsInIdToken]) {
      const settings = portalSettings(provider, { scopes: ["openid", "eid"] });
      const { result, events } = await loginEvents(() => signIn(settings, { nationalNumber: AN }));
      expect(result.redirect).toBe("/login?error=oidc_missing_claim");
      expect(result.session).toBeUndefined();
      expect(result.sessionCookie).toBeUndefined();
      expect(events).toEqual([
        expect.objectContaining({ outcome: "refused", reason: "missing_national_number", subject: expect.any(String) }),
      ]);
    }
  });
});

describe("the person behind the number", () => {
  it("refuses a national number the portal does not know, logging a pseudonym and never the number", async () => {
    const { result, events } = await loginEvents(() =>
      signIn(portalSettings(userinfoOnly), { nationalNumber: OUTSIDER.nationalNumber }),
    );
    expect(result.redirect).toBe("/login?error=unknown_person");
    expect(result.session).toBeUndefined();
    expect(events).toEqual([
      expect.objectContaining({
        outcome: "refused",
        reason: "unknown_person",
        nationalNumberPseudonym: expect.stringMatching(/^unknown-insz:/),
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(OUTSIDER.nationalNumber);
  });
});

describe("level of assurance", () => {
  it("refuses a login below the configured minimum with its own code", async () => {
    const { result, events } = await loginEvents(() =>
      signIn(portalSettings(userinfoOnly), { nationalNumber: AN, acr: LOW }),
    );
    expect(result.redirect).toBe("/login?error=oidc_insufficient_assurance");
    expect(result.session).toBeUndefined();
    expect(events).toEqual([expect.objectContaining({ reason: "insufficient_assurance", acr: LOW })]);
  });

  it("follows the configured minimum", async () => {
    const strict = portalSettings(userinfoOnly, {
      acr: { levels: [...EIDAS_LEVELS], minimum: HIGH, requested: [HIGH] },
    });
    const refused = await loginEvents(() => signIn(strict, { nationalNumber: AN, acr: SUBSTANTIAL }));
    expect(refused.result.redirect).toBe("/login?error=oidc_insufficient_assurance");
    const lenient = portalSettings(userinfoOnly, {
      acr: { levels: [...EIDAS_LEVELS], minimum: LOW, requested: [...EIDAS_LEVELS] },
    });
    const accepted = await loginEvents(() => signIn(lenient, { nationalNumber: AN, acr: LOW }));
    expect(accepted.result.session).toMatchObject({ personId: demoIds.patients.an });
    expect(accepted.result.authorize.searchParams.get("acr_values")).toBe(EIDAS_LEVELS.join(" "));
  });
});

describe("ID token signature algorithms", () => {
  for (const alg of ["RS256", "PS256", "ES256"] as const) {
    it(`accepts ${alg} when configured`, async () => {
      const settings = portalSettings(userinfoOnly, { clientId: alg.toLowerCase(), idTokenSigningAlg: alg });
      const { result } = await loginEvents(() => signIn(settings, { nationalNumber: AN }));
      expect(result.session).toMatchObject({ personId: demoIds.patients.an });
    });
  }

  it("refuses an ID token signed with another algorithm than the configured one", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const settings = portalSettings(userinfoOnly, { clientId: "es256", idTokenSigningAlg: "RS256" });
    const { result } = await loginEvents(() => signIn(settings, { nationalNumber: AN }));
    expect(result.redirect).toMatch(/\/api\/auth\/error\?error=OAuthCallback$/);
    expect(result.session).toBeUndefined();
    expect(
      String(error.mock.calls.flat().map((value) => JSON.stringify(value, Object.getOwnPropertyNames(value)))),
    ).toMatch(/unexpected JWT alg received, expected RS256, got: ES256/);
  });
});

describe("client authentication", () => {
  it("signs in with private_key_jwt, with an RSA key and with a P-256 key", async () => {
    for (const [clientId, privateJwk] of [
      ["jwt-rsa", rsaClientKey],
      ["jwt-ec", ecClientKey],
    ] as const) {
      const settings = portalSettings(userinfoOnly, {
        clientId,
        clientAuth: { method: "private_key_jwt", privateJwk },
      });
      const { result } = await loginEvents(() => signIn(settings, { nationalNumber: AN }));
      expect(result.session).toMatchObject({ personId: demoIds.patients.an });
    }
  });

  it("is refused by the provider with a key or a secret it does not know", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const wrongKey = portalSettings(userinfoOnly, {
      clientId: "jwt-ec",
      clientAuth: { method: "private_key_jwt", privateJwk: strangerKey },
    });
    const wrongSecret = portalSettings(userinfoOnly, {
      clientAuth: { method: "client_secret_basic", clientSecret: "not-the-secret" },
    });
    for (const settings of [wrongKey, wrongSecret]) {
      const { result } = await loginEvents(() => signIn(settings, { nationalNumber: AN }));
      expect(result.redirect).toMatch(/error=OAuthCallback$/);
      expect(result.session).toBeUndefined();
    }
    expect(error).toHaveBeenCalled();
  });
});

describe("cancel at the provider", () => {
  it("returns to the login page with the cancel message, logged, with no session", async () => {
    const { result, events } = await loginEvents(() => signIn(portalSettings(userinfoOnly), "cancel"));
    expect(result.redirect).toBe("/login?error=oidc_cancelled");
    expect(result.session).toBeUndefined();
    expect(events).toEqual([expect.objectContaining({ method: "oidc", outcome: "cancelled" })]);
  });
});
