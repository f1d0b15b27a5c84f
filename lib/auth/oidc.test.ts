// The OIDC profile() mapping on its own: claims in, a person or a refusal with its reason out.
// No provider and no database: the person lookup is a table.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { EIDAS_LEVELS, parseEnv } from "@/lib/env";
import {
  clientPrivateJwk,
  identifyFromClaims,
  oidcCallbackErrorRedirect,
  oidcProfile,
  oidcProvider,
  oidcSettingsFromEnv,
  type FindPersonByInsz,
  type OidcSettings,
} from "./oidc";

const [LOW, SUBSTANTIAL, HIGH] = EIDAS_LEVELS;
const AN_INSZ = "41031212410";

const settings: Pick<OidcSettings, "acr" | "nationalNumberClaim"> = {
  nationalNumberClaim: "national_number",
  acr: { levels: [...EIDAS_LEVELS], minimum: SUBSTANTIAL, requested: [SUBSTANTIAL, HIGH] },
};

const people: FindPersonByInsz = async (insz) => (insz === AN_INSZ ? { id: "pat-an", name: "An Peeters" } : null);

describe("identifyFromClaims", () => {
  it("identifies by the configured claim, in any typed form of the number", () => {
    expect(identifyFromClaims({ sub: "s1", acr: SUBSTANTIAL, national_number: AN_INSZ }, settings)).toEqual({
      kind: "identified",
      insz: AN_INSZ,
      acr: SUBSTANTIAL,
    });
    expect(identifyFromClaims({ sub: "s1", acr: HIGH, national_number: "41.03.12-124.10" }, settings)).toMatchObject({
      kind: "identified",
      insz: AN_INSZ,
    });
    const rrn = { ...settings, nationalNumberClaim: "rrn" };
    expect(identifyFromClaims({ sub: "s1", acr: HIGH, rrn: AN_INSZ }, rrn)).toMatchObject({ insz: AN_INSZ });
    // The default claim name is not read when another one is configured.
    expect(identifyFromClaims({ sub: "s1", acr: HIGH, national_number: AN_INSZ }, rrn)).toMatchObject({
      refusal: { reason: "missing_national_number" },
    });
  });

  it("refuses an acr below the minimum, an unknown acr and a missing acr", () => {
    for (const acr of [LOW, "urn:example:password", undefined, 3]) {
      expect(identifyFromClaims({ sub: "s1", acr, national_number: AN_INSZ }, settings)).toEqual({
        kind: "refused",
        refusal: { reason: "insufficient_assurance", subject: "s1", acr: typeof acr === "string" ? acr : undefined },
      });
    }
  });

  it("follows the configured order, not the names", () => {
    const reversed = { ...settings, acr: { levels: [HIGH, SUBSTANTIAL, LOW], minimum: SUBSTANTIAL, requested: [] } };
    expect(identifyFromClaims({ sub: "s", acr: LOW, national_number: AN_INSZ }, reversed)).toMatchObject({
      kind: "identified",
    });
    expect(identifyFromClaims({ sub: "s", acr: HIGH, national_number: AN_INSZ }, reversed)).toMatchObject({
      refusal: { reason: "insufficient_assurance" },
    });
  });

  it("tells a missing claim from an invalid number", () => {
    for (const missing of [undefined, null, ""]) {
      expect(identifyFromClaims({ sub: "s2", acr: HIGH, national_number: missing }, settings)).toEqual({
        kind: "refused",
        refusal: { reason: "missing_national_number", subject: "s2", acr: HIGH },
      });
    }
    for (const invalid of ["41031212411", "4103121241", "41O31212410", { value: AN_INSZ }, [AN_INSZ], true]) {
      expect(identifyFromClaims({ sub: "s2", acr: HIGH, national_number: invalid }, settings)).toMatchObject({
        refusal: { reason: "invalid_national_number" },
      });
    }
  });
});

describe("oidcProfile", () => {
  it("maps a known national number to the person", async () => {
    expect(await oidcProfile({ sub: "s1", acr: HIGH, national_number: AN_INSZ }, settings, people)).toEqual({
      id: "pat-an",
      name: "An Peeters",
      acr: HIGH,
    });
  });

  it("refuses an unknown person with an id no person has, keeping the number only for pseudonymising", async () => {
    const other = "85073003328";
    expect(await oidcProfile({ sub: "s9", acr: SUBSTANTIAL, national_number: other }, settings, people)).toEqual({
      id: "refused:s9",
      oidcRefusal: { reason: "unknown_person", subject: "s9", acr: SUBSTANTIAL, nationalNumber: other },
    });
  });

  it("does not look anyone up when the login is refused before", async () => {
    const lookup = vi.fn(people);
    const user = await oidcProfile({ sub: "s3", acr: LOW, national_number: AN_INSZ }, settings, lookup);
    expect(user).toMatchObject({ id: "refused:s3", oidcRefusal: { reason: "insufficient_assurance" } });
    expect(await oidcProfile({ sub: "s4", acr: HIGH }, settings, lookup)).toMatchObject({
      oidcRefusal: { reason: "missing_national_number" },
    });
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe("settings", () => {
  const base = { OIDC_ISSUER: "https://idp.example/", OIDC_CLIENT_ID: "portal" };

  it("default to a client secret, RS256, openid profile and eIDAS substantial or higher", () => {
    const oidc = oidcSettingsFromEnv(parseEnv({ ...base, OIDC_CLIENT_SECRET: "s3cret" }))!;
    expect(oidc).toMatchObject({
      issuer: "https://idp.example",
      clientAuth: { method: "client_secret_basic", clientSecret: "s3cret" },
      scopes: ["openid", "profile"],
      nationalNumberClaim: "national_number",
      idTokenSigningAlg: "RS256",
      acr: { levels: [...EIDAS_LEVELS], minimum: SUBSTANTIAL, requested: [SUBSTANTIAL, HIGH] },
    });
    const provider = oidcProvider(oidc, people);
    expect(provider.authorization).toEqual({
      params: { scope: "openid profile", acr_values: `${SUBSTANTIAL} ${HIGH}` },
    });
    expect(provider.client).toEqual({
      token_endpoint_auth_method: "client_secret_basic",
      id_token_signed_response_alg: "RS256",
    });
  });

  it("read scopes, claim, algorithm and acr lists from the configuration", () => {
    const oidc = oidcSettingsFromEnv(
      parseEnv({
        ...base,
        OIDC_CLIENT_SECRET: "s3cret",
        OIDC_SCOPES: "openid eid",
        OIDC_NATIONAL_NUMBER_CLAIM: "rrn",
        OIDC_ID_TOKEN_SIGNING_ALG: "ES256",
        OIDC_ACR_LEVELS: "basic,advanced",
        OIDC_ACR_MINIMUM: "advanced",
      }),
    )!;
    expect(oidc).toMatchObject({
      scopes: ["openid", "eid"],
      nationalNumberClaim: "rrn",
      idTokenSigningAlg: "ES256",
      acr: { levels: ["basic", "advanced"], minimum: "advanced", requested: ["advanced"] },
    });
  });

  it("refuse incomplete or inconsistent OIDC settings at start-up", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example" })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseEnv(base)).toThrow(/OIDC_CLIENT_SECRET is required/);
    expect(() => parseEnv({ ...base, OIDC_CLIENT_AUTH_METHOD: "private_key_jwt" })).toThrow(
      /OIDC_CLIENT_PRIVATE_KEY_FILE is required/,
    );
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: "x", OIDC_ID_TOKEN_SIGNING_ALG: "HS256" })).toThrow(
      /OIDC_ID_TOKEN_SIGNING_ALG/,
    );
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: "x", OIDC_ID_TOKEN_SIGNING_ALG: "none" })).toThrow();
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: "x", OIDC_SCOPES: "profile" })).toThrow(/openid/);
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: "x", OIDC_ACR_MINIMUM: "urn:other" })).toThrow(
      /OIDC_ACR_MINIMUM/,
    );
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: "x", OIDC_ACR_VALUES: "urn:other" })).toThrow(
      /OIDC_ACR_VALUES/,
    );
    expect(() => parseEnv({ ...base, OIDC_CLIENT_AUTH_METHOD: "client_secret_post", OIDC_CLIENT_SECRET: "x" })).toThrow(
      /OIDC_CLIENT_AUTH_METHOD/,
    );
  });

  it("take the private key for private_key_jwt as an RSA or P-256 key, never a weak or other one", () => {
    const pem = (key: ReturnType<typeof generateKeyPairSync>["privateKey"]) =>
      key.export({ format: "pem", type: "pkcs8" }).toString();
    const rsa = clientPrivateJwk(pem(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey));
    expect(rsa).toMatchObject({ kty: "RSA", alg: "RS256", kid: expect.stringMatching(/^[\w-]{43}$/) });
    expect(rsa.d).toBeDefined();
    const ec = clientPrivateJwk(pem(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey));
    expect(ec).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256" });
    expect(() => clientPrivateJwk(pem(generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey))).toThrow(/2048/);
    expect(() => clientPrivateJwk(pem(generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey))).toThrow();
    expect(() => clientPrivateJwk(pem(generateKeyPairSync("ed25519").privateKey))).toThrow();
    expect(() => clientPrivateJwk("not a key")).toThrow();
  });
});

describe("oidcCallbackErrorRedirect", () => {
  const callback = "http://portal.example/api/auth/callback/oidc";

  it("sends a cancel back to the login page calmly, and records it", async () => {
    const record = vi.fn();
    const response = (await oidcCallbackErrorRedirect(`${callback}?error=access_denied&state=abc`, record))!;
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?error=oidc_cancelled");
    expect(record).toHaveBeenCalledWith({ method: "oidc", outcome: "cancelled" });
  });

  it("records any other provider error as such, never echoing what the provider sent", async () => {
    const record = vi.fn();
    const response = (await oidcCallbackErrorRedirect(`${callback}?error=temporarily_unavailable`, record))!;
    expect(response.headers.get("location")).toBe("/login?error=oidc_provider_error");
    expect(record).toHaveBeenCalledWith({
      method: "oidc",
      outcome: "refused",
      reason: "provider_error",
      providerError: "temporarily_unavailable",
    });
    await oidcCallbackErrorRedirect(`${callback}?error=${encodeURIComponent("<script>alert(1)</script>")}`, record);
    expect(record).toHaveBeenLastCalledWith(expect.objectContaining({ providerError: "malformed" }));
  });

  it("leaves every other request to next-auth", async () => {
    const record = vi.fn();
    expect(await oidcCallbackErrorRedirect(`${callback}?code=abc&state=def`, record)).toBeNull();
    expect(await oidcCallbackErrorRedirect("http://portal.example/api/auth/callback/demo?error=x", record)).toBeNull();
    expect(await oidcCallbackErrorRedirect("http://portal.example/api/auth/session", record)).toBeNull();
    expect(record).not.toHaveBeenCalled();
  });
});
