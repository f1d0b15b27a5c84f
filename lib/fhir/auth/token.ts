// The token endpoint of SMART Backend Services (ADR 0017): a system client authenticates with a
// JWT it signed with its private key (`private_key_jwt`, RFC 7523) and gets a short-lived access
// token carrying the scopes it asked for and may have.
//
// The assertion must be signed by one of the client's configured public keys with an accepted
// algorithm, have iss = sub = the client id, aud = this token endpoint's URL, an exp at most five
// minutes ahead, and a jti never seen before: each jti is stored until the assertion expires, so
// a captured assertion cannot buy a second token. The access token is 32 random bytes; only its
// sha256 is stored, with the client, the granted scopes and the expiry (5 minutes).
import { createHash, randomBytes } from "node:crypto";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { grantSystemScopes } from "@/lib/access/system";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ASSERTION_ALGORITHMS, configuredSystemClients, type SystemClientRegistry } from "./clients";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** Lifetime of an access token, and the furthest ahead an assertion's exp may lie. */
export const ACCESS_TOKEN_SECONDS = 300;
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
/** Clock difference tolerated between the client and the portal. */
const CLOCK_TOLERANCE_SECONDS = 5;
const MAX_ASSERTION_LENGTH = 8192;
const MAX_SCOPE_LENGTH = 2000;
const MAX_JTI_LENGTH = 255;

/** An OAuth 2.0 error response (RFC 6749 section 5.2). */
export class OAuthError extends Error {
  readonly status: 400 | 401;
  readonly error: "invalid_request" | "invalid_client" | "invalid_grant" | "invalid_scope" | "unsupported_grant_type";
  readonly description: string;

  constructor(status: OAuthError["status"], error: OAuthError["error"], description: string) {
    super(`${error}: ${description}`);
    this.name = "OAuthError";
    this.status = status;
    this.error = error;
    this.description = description;
  }
}

export type TokenResponse = {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  scope: string;
};

export type TokenRequestInput = {
  form: URLSearchParams;
  /** This endpoint's public URL: the only audience an assertion may name. */
  tokenEndpoint: string;
  db?: PrismaClient;
  now?: Date;
  /** Defaults to the configured clients (lib/env.ts). */
  clients?: SystemClientRegistry;
};

/** sha256 of an access token, as stored. */
export function accessTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function appDb(db?: PrismaClient): Promise<PrismaClient> {
  if (db) return db;
  const { prisma } = await import("@/lib/db");
  return prisma;
}

function single(form: URLSearchParams, name: string): string | null {
  const values = form.getAll(name);
  // RFC 6749 section 3.2: a parameter sent twice is an invalid request, whichever one we would read.
  if (values.length > 1) throw new OAuthError(400, "invalid_request", `${name} is sent more than once.`);
  return values[0] ?? null;
}

const clientFailure = (description: string) => new OAuthError(401, "invalid_client", description);

export async function issueAccessToken(input: TokenRequestInput): Promise<TokenResponse> {
  const { form } = input;
  const now = input.now ?? new Date();

  const grantType = single(form, "grant_type");
  const assertionType = single(form, "client_assertion_type");
  const assertion = single(form, "client_assertion");
  const scope = single(form, "scope");
  const formClientId = single(form, "client_id");
  if (grantType !== "client_credentials") {
    throw new OAuthError(400, "unsupported_grant_type", "grant_type must be client_credentials.");
  }
  if (assertionType !== CLIENT_ASSERTION_TYPE) {
    throw new OAuthError(400, "invalid_request", `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.`);
  }
  if (!assertion || assertion.length > MAX_ASSERTION_LENGTH) {
    throw new OAuthError(400, "invalid_request", "client_assertion is missing or too long.");
  }
  if (!scope || scope.length > MAX_SCOPE_LENGTH) {
    throw new OAuthError(400, "invalid_request", "scope is missing or too long.");
  }

  // Which client: read from the (not yet verified) assertion, then verified with that client's keys.
  let issuer: unknown;
  try {
    decodeProtectedHeader(assertion);
    issuer = decodeJwt(assertion).iss;
  } catch {
    throw clientFailure("client_assertion is not a JWT.");
  }
  const clients = input.clients ?? (await configuredSystemClients());
  const client = typeof issuer === "string" ? clients.get(issuer) : undefined;
  if (!client) throw clientFailure("Unknown client: the assertion's iss is no registered client id.");
  if (formClientId !== null && formClientId !== client.clientId) {
    throw clientFailure("client_id does not match the assertion's iss.");
  }

  let payload: { exp?: number; jti?: unknown };
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      algorithms: [...ASSERTION_ALGORITHMS],
      issuer: client.clientId,
      subject: client.clientId,
      audience: input.tokenEndpoint,
      requiredClaims: ["exp", "jti"],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    throw clientFailure(describeVerificationError(error, input.tokenEndpoint));
  }

  const nowSeconds = Math.floor(now.getTime() / 1000);
  const exp = payload.exp!;
  if (exp > nowSeconds + MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw clientFailure(`The assertion's exp lies more than ${MAX_ASSERTION_LIFETIME_SECONDS / 60} minutes ahead.`);
  }
  const jti = payload.jti;
  if (typeof jti !== "string" || jti.length === 0 || jti.length > MAX_JTI_LENGTH) {
    throw clientFailure(`The assertion's jti must be a string of 1 to ${MAX_JTI_LENGTH} characters.`);
  }

  const requested = scope.split(" ").filter(Boolean);
  const granted = grantSystemScopes(requested.slice(0, 50), client.scopes);
  if (granted.length === 0) {
    throw new OAuthError(400, "invalid_scope", "None of the requested scopes can be granted to this client.");
  }

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
  const db = await appDb(input.db);
  const replayed = await db.$transaction(async (tx) => {
    // Expired jtis can no longer be replayed (their assertion is refused as expired) and expired
    // tokens no longer open anything: both are cleared here, where the tables grow.
    await tx.fhirAssertionJti.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60_000) } } });
    await tx.fhirAccessToken.deleteMany({ where: { expiresAt: { lt: now } } });
    // ON CONFLICT DO NOTHING: a used jti inserts nothing, and the transaction stays usable.
    const stored = await tx.fhirAssertionJti.createMany({
      data: [{ clientId: client.clientId, jti, expiresAt: new Date((exp + CLOCK_TOLERANCE_SECONDS) * 1000) }],
      skipDuplicates: true,
    });
    if (stored.count !== 1) return true;
    await tx.fhirAccessToken.create({
      data: { tokenHash: accessTokenHash(token), clientId: client.clientId, scopes: granted, issuedAt: now, expiresAt },
    });
    return false;
  });
  if (replayed)
    throw clientFailure("The assertion's jti was already used: sign a new assertion for every token request.");

  return { access_token: token, token_type: "bearer", expires_in: ACCESS_TOKEN_SECONDS, scope: granted.join(" ") };
}

function describeVerificationError(error: unknown, tokenEndpoint: string): string {
  if (error instanceof errors.JWTExpired) return "The assertion has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return `The assertion's aud must be this token endpoint: ${tokenEndpoint}.`;
    if (error.claim === "iss" || error.claim === "sub")
      return "The assertion's iss and sub must both be the client id.";
    return `The assertion's ${error.claim} claim is missing or invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return `The assertion's alg must be one of ${ASSERTION_ALGORITHMS.join(", ")}.`;
  }
  return "The assertion's signature does not verify with the client's registered keys.";
}
