// SMART Backend Services authentication of the record system (issue 11, ADR 0017): the token
// endpoint's checks of the client assertion (signature, algorithm, iss/sub, audience, expiry,
// replay), the scopes it grants, and the bearer check of every FHIR request.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  authenticateSystemCaller,
  CLIENT_ASSERTION_TYPE,
  ensureDemoClientKeys,
  issueAccessToken,
  loadSystemClients,
  OAuthError,
  type SystemClientRegistry,
} from "@/lib/fhir";
import { FhirError } from "@/lib/fhir/outcome";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const TOKEN_ENDPOINT = "https://portaal.example.be/api/fhir/token";

type Signer = { privateKey: CryptoKey; publicJwk: JWK; alg: string };

async function signer(alg: "ES384" | "RS384" | "ES256"): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), alg, kid: randomUUID() }, alg };
}

let ec: Signer;
let rsa: Signer;
let stranger: Signer;
let clients: SystemClientRegistry;
let demoDir: string;

type Claims = { iss?: string; sub?: string; aud?: string | string[]; exp?: number; jti?: string | null };

async function assertion(key: Signer, claims: Claims = {}, now = new Date()): Promise<string> {
  const seconds = Math.floor(now.getTime() / 1000);
  const jwt = new SignJWT({ ...(claims.jti === null ? {} : { jti: claims.jti ?? randomUUID() }) })
    .setProtectedHeader({ alg: key.alg, kid: key.publicJwk.kid })
    .setIssuer(claims.iss ?? "ehr-test")
    .setSubject(claims.sub ?? claims.iss ?? "ehr-test")
    .setAudience(claims.aud ?? TOKEN_ENDPOINT)
    .setExpirationTime(claims.exp ?? seconds + 240);
  return jwt.sign(key.privateKey);
}

function form(signed: string, scope = "system/*.write", extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: signed,
    scope,
    ...extra,
  });
}

function request(body: URLSearchParams, now = new Date()) {
  return issueAccessToken({ form: body, tokenEndpoint: TOKEN_ENDPOINT, db, now, clients });
}

async function oauthRefusal(work: Promise<unknown>): Promise<OAuthError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "the token request is refused").toBeInstanceOf(OAuthError);
  return error as OAuthError;
}

beforeAll(async () => {
  await resetDatabase();
  [ec, rsa, stranger] = await Promise.all([signer("ES384"), signer("RS384"), signer("ES384")]);
  demoDir = await mkdtemp(path.join(tmpdir(), "fhir-demo-"));
  clients = await loadSystemClients({
    clients: [
      { clientId: "ehr-test", jwks: { keys: [ec.publicJwk, rsa.publicJwk] }, scopes: ["system/*.write"] },
      { clientId: "ehr-narrow", jwks: { keys: [ec.publicJwk] }, scopes: ["system/Observation.write"] },
    ],
    demoDataDir: demoDir,
    baseDir: demoDir,
  });
});

describe("the token endpoint", () => {
  it("issues a 5-minute token for an ES384 or RS384 assertion, storing only its hash", async () => {
    for (const key of [ec, rsa]) {
      const token = await request(form(await assertion(key)));
      expect(token).toMatchObject({ token_type: "bearer", expires_in: 300, scope: "system/*.write" });
      expect(token.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await db.fhirAccessToken.count({ where: { tokenHash: token.access_token } })).toBe(0);
      const caller = await authenticateSystemCaller({ authorization: `Bearer ${token.access_token}`, db, clients });
      expect(caller).toEqual({ clientId: "ehr-test", scopes: ["system/*.write"] });
    }
  });

  it("refuses an assertion used twice, and issues no second token", async () => {
    const signed = await assertion(ec);
    await request(form(signed));
    const tokens = await db.fhirAccessToken.count();
    const error = await oauthRefusal(request(form(signed)));
    expect([error.status, error.error]).toEqual([401, "invalid_client"]);
    expect(error.description).toMatch(/jti was already used/);
    expect(await db.fhirAccessToken.count()).toBe(tokens);
  });

  it("refuses expired assertions, assertions valid too long, and assertions for another audience", async () => {
    const now = new Date();
    const seconds = Math.floor(now.getTime() / 1000);
    const cases: [Claims, RegExp][] = [
      [{ exp: seconds - 60 }, /expired/],
      [{ exp: seconds + 3600 }, /5 minutes/],
      [{ aud: "https://elsewhere.example/token" }, /aud must be this token endpoint/],
      [{ iss: "ehr-test", sub: "someone-else" }, /iss and sub/],
      [{ jti: null }, /jti/],
    ];
    for (const [claims, message] of cases) {
      const error = await oauthRefusal(request(form(await assertion(ec, claims, now)), now));
      expect([error.status, error.error], JSON.stringify(claims)).toEqual([401, "invalid_client"]);
      expect(error.description).toMatch(message);
    }
  });

  it("refuses another client's key, an unknown client, and a symmetric or unsigned assertion", async () => {
    expect((await oauthRefusal(request(form(await assertion(stranger))))).description).toMatch(/signature/);
    expect((await oauthRefusal(request(form(await assertion(ec, { iss: "nobody" }))))).description).toMatch(
      /Unknown client/,
    );
    const secret = new TextEncoder().encode(JSON.stringify(ec.publicJwk));
    const hmac = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("ehr-test")
      .setSubject("ehr-test")
      .setAudience(TOKEN_ENDPOINT)
      .setExpirationTime("2m")
      .sign(secret);
    expect((await oauthRefusal(request(form(hmac)))).error).toBe("invalid_client");
    const [header, payload] = (await assertion(ec)).split(".");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    expect(header).toBeTruthy();
    expect((await oauthRefusal(request(form(unsigned)))).error).toBe("invalid_client");
    expect(await db.fhirAccessToken.count({ where: { clientId: "nobody" } })).toBe(0);
  });

  it("refuses a wrong grant type, a missing assertion type, a parameter sent twice and a client_id that is not the issuer", async () => {
    const signed = await assertion(ec);
    const wrongGrant = form(signed);
    wrongGrant.set("grant_type", "password");
    expect((await oauthRefusal(request(wrongGrant))).error).toBe("unsupported_grant_type");
    const noType = form(signed);
    noType.delete("client_assertion_type");
    expect((await oauthRefusal(request(noType))).error).toBe("invalid_request");
    const twice = form(signed);
    twice.append("scope", "system/Patient.write");
    expect((await oauthRefusal(request(twice))).error).toBe("invalid_request");
    expect((await oauthRefusal(request(form(signed, "system/*.write", { client_id: "ehr-narrow" })))).error).toBe(
      "invalid_client",
    );
  });

  it("grants the requested scopes the client may have, narrower ones as asked, and refuses when none remain", async () => {
    const narrower = await request(form(await assertion(ec), "system/Patient.write system/Observation.write"));
    expect(narrower.scope).toBe("system/Patient.write system/Observation.write");
    const partly = await request(
      form(await assertion(ec, { iss: "ehr-narrow" }), "system/Observation.write system/Patient.write"),
    );
    expect(partly.scope).toBe("system/Observation.write");
    const caller = await authenticateSystemCaller({ authorization: `Bearer ${partly.access_token}`, db, clients });
    expect(caller.scopes).toEqual(["system/Observation.write"]);
    const none = await oauthRefusal(request(form(await assertion(ec, { iss: "ehr-narrow" }), "system/*.write")));
    expect([none.status, none.error]).toEqual([400, "invalid_scope"]);
    const readOnly = await oauthRefusal(request(form(await assertion(ec), "system/*.read patient/*.write")));
    expect(readOnly.error).toBe("invalid_scope");
  });
});

describe("the bearer token of a FHIR request", () => {
  async function unauthorized(
    authorization: string | null,
    options: { now?: Date; registry?: SystemClientRegistry } = {},
  ) {
    const error = await authenticateSystemCaller({
      authorization,
      db,
      now: options.now,
      clients: options.registry ?? clients,
    }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error, authorization ?? "no header").toBeInstanceOf(FhirError);
    expect((error as FhirError).status).toBe(401);
    expect((error as FhirError).headers["WWW-Authenticate"]).toMatch(/^Bearer/);
  }

  it("is refused when missing, malformed, unknown, expired, or of a client no longer configured", async () => {
    const now = new Date();
    const token = (await request(form(await assertion(ec, {}, now)), now)).access_token;
    await unauthorized(null);
    await unauthorized("Basic abc");
    await unauthorized(`Bearer ${token}x`);
    await unauthorized(`Bearer ${"A".repeat(43)}`);
    await unauthorized(`Bearer ${token}`, { now: new Date(now.getTime() + 301_000) });
    const withoutClient = new Map([...clients].filter(([id]) => id !== "ehr-test"));
    await unauthorized(`Bearer ${token}`, { registry: withoutClient });
    // Still valid for the client that holds it, at the moment it holds it.
    expect((await authenticateSystemCaller({ authorization: `Bearer ${token}`, db, now, clients })).clientId).toBe(
      "ehr-test",
    );
  });
});

describe("the demo client ehr-demo", () => {
  it("gets an ES384 key pair in the data folder once, private key readable by the owner only", async () => {
    const first = await ensureDemoClientKeys(demoDir);
    const again = await ensureDemoClientKeys(demoDir);
    expect(first.created).toBe(false); // generated when the registry above was loaded
    expect(again.privateJwk).toEqual(first.privateJwk);
    expect([first.privateJwk.kty, first.privateJwk.crv, first.privateJwk.alg]).toEqual(["EC", "P-384", "ES384"]);
    expect(first.publicJwk.d).toBeUndefined();
    expect(JSON.parse(await readFile(first.files.publicKey, "utf8"))).toEqual(first.publicJwk);
    expect((await stat(first.files.privateKey)).mode & 0o777).toBe(0o600);
    expect(clients.get("ehr-demo")?.jwks.keys).toEqual([first.publicJwk]);
  });

  it("ends with one key pair when two processes ask at once", async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), "fhir-demo-race-"));
    const results = await Promise.all([
      ensureDemoClientKeys(fresh),
      ensureDemoClientKeys(fresh),
      ensureDemoClientKeys(fresh),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.privateJwk.d)).size).toBe(1);
  });

  it("refuses a configured private key", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const privateJwk = privateKey.export({ format: "jwk" }) as JWK;
    await expect(
      loadSystemClients({
        clients: [
          { clientId: "leaky", jwks: { keys: [privateJwk as Record<string, unknown>] }, scopes: ["system/*.write"] },
        ],
        demoDataDir: null,
        baseDir: demoDir,
      }),
    ).rejects.toThrow(/PUBLIC key only/);
  });
});
