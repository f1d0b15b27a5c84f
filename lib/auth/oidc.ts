// eID/itsme through OpenID Connect (ADR 0015). next-auth 4 runs the protocol (openid-client 5:
// discovery, PKCE, state, nonce, the ID token's signature, issuer, audience and expiry); this
// module says which provider, how the portal authenticates to it, what it asks for, and how an
// answer becomes a person of the portal, or a refusal with its own reason:
// - the level of assurance (`acr` of the ID token) must reach the configured minimum;
// - the national number is read from the ID token or, when absent there, from userinfo;
// - a missing claim, an invalid number and an unknown person are three different refusals.
import { createHash, createPrivateKey, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import type { User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/lib/env";
import { normalizeInsz } from "@/lib/insz";
import { recordLoginEvent, type LoginEvent, type LoginRefusalReason } from "@/lib/auth/login-events";

export const OIDC_PROVIDER_ID = "oidc";

export type OidcClientAuth =
  | { method: "client_secret_basic"; clientSecret: string }
  | { method: "private_key_jwt"; privateJwk: JsonWebKey & { kid: string; alg: "RS256" | "ES256" } };

export type OidcSettings = {
  issuer: string;
  clientId: string;
  displayName: string;
  clientAuth: OidcClientAuth;
  scopes: string[];
  nationalNumberClaim: string;
  idTokenSigningAlg: "RS256" | "PS256" | "ES256";
  acr: {
    /** Known levels, lowest first. */
    levels: string[];
    minimum: string;
    /** Sent as acr_values. */
    requested: string[];
  };
};

/** The claims next-auth hands to profile(): the ID token's, plus the national number from userinfo when needed. */
export type OidcClaims = { sub: string; acr?: unknown; [claim: string]: unknown };

export type OidcRefusal = {
  reason: Exclude<LoginRefusalReason, "provider_error" | "under_12">;
  subject: string;
  acr?: string;
  /** Set for unknown_person: the national number, only to be pseudonymised before it is logged. */
  nationalNumber?: string;
};

declare module "next-auth" {
  interface User {
    /** Set by the OIDC profile() when the login must be refused; the signIn callback refuses it. */
    oidcRefusal?: OidcRefusal;
    /** The level of assurance of an accepted OIDC login. */
    acr?: string;
  }
}

/** What the portal needs of a person to sign them in. */
export type OidcPerson = { id: string; name: string };
export type FindPersonByInsz = (insz: string) => Promise<OidcPerson | null>;

// --- Settings --------------------------------------------------------------------------------

/** A JWK thumbprint (RFC 7638) as key id: stable for the key, computed from its public part. */
function thumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === "RSA" ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash("sha256").update(JSON.stringify(members)).digest("base64url");
}

/** The client's private key for private_key_jwt: RSA (signs RS256) or EC P-256 (signs ES256). */
export function clientPrivateJwk(pem: string): JsonWebKey & { kid: string; alg: "RS256" | "ES256" } {
  const key = createPrivateKey(pem);
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty === "RSA") {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw new Error("the RSA key must have 2048 bits or more");
    return { ...jwk, kid: thumbprint(jwk), alg: "RS256" };
  }
  if (jwk.kty === "EC" && jwk.crv === "P-256") return { ...jwk, kid: thumbprint(jwk), alg: "ES256" };
  throw new Error("the key must be RSA (2048+ bits) or EC P-256");
}

/** The OIDC settings from the validated configuration, or null when OIDC is not configured. */
export function oidcSettingsFromEnv(env: Env): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  let clientAuth: OidcClientAuth;
  if (env.OIDC_CLIENT_AUTH_METHOD === "private_key_jwt") {
    const file = env.OIDC_CLIENT_PRIVATE_KEY_FILE!;
    try {
      clientAuth = { method: "private_key_jwt", privateJwk: clientPrivateJwk(readFileSync(file, "utf8")) };
    } catch (error) {
      throw new Error(
        `OIDC_CLIENT_PRIVATE_KEY_FILE (${file}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  } else {
    clientAuth = { method: "client_secret_basic", clientSecret: env.OIDC_CLIENT_SECRET! };
  }
  const levels = env.OIDC_ACR_LEVELS;
  return {
    issuer: env.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    displayName: env.OIDC_DISPLAY_NAME,
    clientAuth,
    scopes: env.OIDC_SCOPES,
    nationalNumberClaim: env.OIDC_NATIONAL_NUMBER_CLAIM,
    idTokenSigningAlg: env.OIDC_ID_TOKEN_SIGNING_ALG,
    acr: {
      levels,
      minimum: env.OIDC_ACR_MINIMUM,
      requested: env.OIDC_ACR_VALUES ?? levels.slice(levels.indexOf(env.OIDC_ACR_MINIMUM)),
    },
  };
}

// --- From claims to a person -------------------------------------------------------------------

export type OidcIdentification =
  { kind: "identified"; insz: string; acr: string } | { kind: "refused"; refusal: OidcRefusal };

/**
 * The pure part of the mapping: is the assurance enough, and which national number is it?
 * The level of assurance is checked first: a weakly proven identity says nothing, whatever its claims.
 */
export function identifyFromClaims(claims: OidcClaims, settings: Pick<OidcSettings, "acr" | "nationalNumberClaim">) {
  const subject = String(claims.sub);
  const acr = typeof claims.acr === "string" ? claims.acr : undefined;
  const rank = acr === undefined ? -1 : settings.acr.levels.indexOf(acr);
  // An acr the portal does not know ranks below everything: deny by default.
  if (rank < settings.acr.levels.indexOf(settings.acr.minimum)) {
    return {
      kind: "refused",
      refusal: { reason: "insufficient_assurance", subject, acr },
    } satisfies OidcIdentification;
  }
  const raw = claims[settings.nationalNumberClaim];
  if (raw === undefined || raw === null || raw === "") {
    return {
      kind: "refused",
      refusal: { reason: "missing_national_number", subject, acr },
    } satisfies OidcIdentification;
  }
  const insz = normalizeInsz(typeof raw === "number" ? String(raw).padStart(11, "0") : raw);
  if (!insz) {
    return {
      kind: "refused",
      refusal: { reason: "invalid_national_number", subject, acr },
    } satisfies OidcIdentification;
  }
  return { kind: "identified", insz, acr: acr! } satisfies OidcIdentification;
}

/**
 * The provider's profile(): claims to a next-auth user. A refusal is still a user object (next-auth
 * needs an id), with an id no person has and `oidcRefusal` set; the signIn callback refuses it.
 */
export async function oidcProfile(
  claims: OidcClaims,
  settings: Pick<OidcSettings, "acr" | "nationalNumberClaim">,
  findPersonByInsz: FindPersonByInsz,
): Promise<User> {
  const identification = identifyFromClaims(claims, settings);
  const refusedId = `refused:${String(claims.sub)}`;
  if (identification.kind === "refused") return { id: refusedId, oidcRefusal: identification.refusal };
  const person = await findPersonByInsz(identification.insz);
  if (!person) {
    return {
      id: refusedId,
      oidcRefusal: {
        reason: "unknown_person",
        subject: String(claims.sub),
        acr: identification.acr,
        nationalNumber: identification.insz,
      },
    };
  }
  return { id: person.id, name: person.name, acr: identification.acr };
}

// --- The next-auth provider ------------------------------------------------------------------

/** What openid-client's TokenSet offers beyond next-auth's declared type. */
type IdTokenSet = { claims(): OidcClaims };
type UserinfoClient = { userinfo(tokens: unknown): Promise<Record<string, unknown>> };

export function oidcProvider(settings: OidcSettings, findPersonByInsz: FindPersonByInsz): OAuthConfig<OidcClaims> {
  const { clientAuth } = settings;
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.displayName,
    type: "oauth",
    // Discovery happens at each sign-in (next-auth 4 does not cache it): the provider need not
    // be reachable when the portal starts.
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: clientAuth.method === "client_secret_basic" ? clientAuth.clientSecret : undefined,
    client: {
      token_endpoint_auth_method: clientAuth.method,
      ...(clientAuth.method === "private_key_jwt"
        ? { token_endpoint_auth_signing_alg: clientAuth.privateJwk.alg }
        : {}),
      // openid-client accepts exactly this algorithm: an ID token signed otherwise is refused
      // ("unexpected JWT alg received"), so no token can pick a weaker one.
      id_token_signed_response_alg: settings.idTokenSigningAlg,
    },
    ...(clientAuth.method === "private_key_jwt" ? { jwks: { keys: [clientAuth.privateJwk as never] } } : {}),
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: {
      params: {
        scope: settings.scopes.join(" "),
        ...(settings.acr.requested.length > 0 ? { acr_values: settings.acr.requested.join(" ") } : {}),
      },
    },
    userinfo: {
      // The ID token's claims, with the national number from userinfo when the ID token has
      // none (OpenID Connect releases scope-requested claims at userinfo by default).
      // openid-client checks that userinfo's `sub` is the ID token's. Only that one claim is
      // taken from userinfo: `sub` and `acr` speak for the authentication itself.
      async request({ tokens, client }) {
        const idClaims = (tokens as unknown as IdTokenSet).claims();
        if (idClaims[settings.nationalNumberClaim] !== undefined) return idClaims;
        const userinfo = await (client as unknown as UserinfoClient).userinfo(tokens);
        const { [settings.nationalNumberClaim]: nationalNumber } = userinfo;
        return nationalNumber === undefined
          ? idClaims
          : { ...idClaims, [settings.nationalNumberClaim]: nationalNumber };
      },
    },
    profile: (claims) => oidcProfile(claims, settings, findPersonByInsz),
  };
}

/** The login page's error code for each refusal (mapped to a message in app/login/page.tsx). */
export const LOGIN_ERROR_FOR_REFUSAL: Record<OidcRefusal["reason"], string> = {
  unknown_person: "unknown_person",
  missing_national_number: "oidc_missing_claim",
  invalid_national_number: "oidc_missing_claim",
  insufficient_assurance: "oidc_insufficient_assurance",
};

/**
 * The provider sent the browser back with an error instead of a code. A cancel (access_denied)
 * is a person changing their mind: back to the login page with a calm message. Any other error
 * is logged as such and shown as "not possible right now". Answered here, before next-auth,
 * which would treat both as a failure of the portal. Returns null for every other request.
 */
export async function oidcCallbackErrorRedirect(
  requestUrl: string,
  record: (event: LoginEvent) => Promise<void> | void = recordLoginEvent,
): Promise<Response | null> {
  const url = new URL(requestUrl);
  if (!url.pathname.endsWith(`/api/auth/callback/${OIDC_PROVIDER_ID}`)) return null;
  const error = url.searchParams.get("error");
  if (error === null) return null;
  let loginError: string;
  if (error === "access_denied") {
    await record({ method: "oidc", outcome: "cancelled" });
    loginError = "oidc_cancelled";
  } else {
    // The code is the provider's word, not ours: keep only a short, plain token of it.
    const providerError = /^[\w.-]{1,64}$/.test(error) ? error : "malformed";
    await record({ method: "oidc", outcome: "refused", reason: "provider_error", providerError });
    loginError = "oidc_provider_error";
  }
  // A relative Location: the browser resolves it against the portal's own origin.
  return new Response(null, { status: 303, headers: { Location: `/login?error=${loginError}` } });
}
