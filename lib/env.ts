// The only reader of process.env in the application: every setting is validated here once, with
// its default, so a typo in a deployment fails at start-up instead of deep inside a request.
// Every variable is listed in .env.example.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();
const positiveNumber = z.coerce.number().positive();

/** A list setting: values separated by spaces or commas ("a b", "a,b"), like OAuth's scope. */
const listString = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().max(300)).min(1).max(20));

/** The eIDAS levels of assurance, lowest first: the default order of OIDC_ACR_LEVELS. */
export const EIDAS_LEVELS = [
  "http://eidas.europa.eu/LoA/low",
  "http://eidas.europa.eu/LoA/substantial",
  "http://eidas.europa.eu/LoA/high",
] as const;

/** ID-token signature algorithms the portal can be configured to accept (ADR 0015). */
export const OIDC_ID_TOKEN_ALGORITHMS = ["RS256", "PS256", "ES256"] as const;

/**
 * One system client of the FHIR API (ADR 0017): its id (the JWT's iss and sub), its public keys
 * (a JWKS inline, or the path of a JWKS file) and the scopes it may be granted.
 */
const ZFhirClientConfig = z
  .strictObject({
    clientId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "letters, digits, '.', '_' or '-', at most 64"),
    /** Shown in logs; every configured client is "the organisation's record system" to patients. */
    name: z.string().min(1).max(100).optional(),
    jwks: z.strictObject({ keys: z.array(z.record(z.string(), z.unknown())).min(1).max(20) }).optional(),
    jwksFile: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1).max(100)).min(1).max(50).default(["system/*.write"]),
  })
  .refine((client) => Boolean(client.jwks) !== Boolean(client.jwksFile), {
    message: "give exactly one of jwks and jwksFile",
  });
export type FhirClientConfig = z.infer<typeof ZFhirClientConfig>;

/** FHIR_CLIENTS: a JSON array of client configurations, each client id once. */
const ZFhirClients = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of clients" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(ZFhirClientConfig)
      .max(50)
      .refine((clients) => new Set(clients.map((client) => client.clientId)).size === clients.length, {
        message: "each clientId once",
      }),
  );

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL connection string. Set by `npm start` to the embedded database when unset. */
    DATABASE_URL: z.string().url().optional(),
    /** Pool size per server process. The embedded database is one backend: keep it small there. */
    DATABASE_POOL_MAX: positiveInt.default(10),

    /** Secret that signs session cookies. Required in production. */
    AUTH_SECRET: z.string().min(32).optional(),
    /** Public base URL of the portal, e.g. https://portaal.example.be */
    AUTH_URL: z.string().url().optional(),

    /**
     * The demo world and its demo login (password "demo"). Only when set to true: `npm start`
     * sets it for the embedded database, never by default on DATABASE_URL (scripts/demo-world.ts).
     */
    DEMO_WORLD: booleanString.optional(),
    /** Username + password login for accounts outside the demo world (npm run admin:create). */
    PASSWORD_LOGIN_ENABLED: booleanString.default(true),

    /** eID/itsme through an OpenID Connect provider: enabled when issuer and client id are set (ADR 0015). */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** How the portal authenticates at the token endpoint; itsme requires private_key_jwt. */
    OIDC_CLIENT_AUTH_METHOD: z.enum(["client_secret_basic", "private_key_jwt"]).default("client_secret_basic"),
    /** For client_secret_basic. */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** For private_key_jwt: a PEM file (PKCS#8) with an RSA or P-256 private key. */
    OIDC_CLIENT_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    /** Scopes asked for; the one that releases the national number depends on the provider. */
    OIDC_SCOPES: listString.default(["openid", "profile"]),
    /** The claim that carries the national number (INSZ): read from the ID token, else from userinfo. */
    OIDC_NATIONAL_NUMBER_CLAIM: z.string().min(1).max(200).default("national_number"),
    /** The one algorithm the ID token must be signed with (registered with the provider). */
    OIDC_ID_TOKEN_SIGNING_ALG: z.enum(OIDC_ID_TOKEN_ALGORITHMS).default("RS256"),
    /** Levels of assurance (acr values) the portal knows, lowest first. */
    OIDC_ACR_LEVELS: listString.default([...EIDAS_LEVELS]),
    /** The lowest acr a login may have; a lower, unknown or missing acr is refused. */
    OIDC_ACR_MINIMUM: z.string().min(1).default(EIDAS_LEVELS[1]),
    /** acr_values asked for at the provider. Default: every level from the minimum up. */
    OIDC_ACR_VALUES: listString.optional(),
    OIDC_DISPLAY_NAME: z.string().min(1).default("eID / itsme"),

    /**
     * Key of the access log's HMAC chain (ADR 0016), 32+ characters; never stored in the
     * database. Required in production; `npm start` generates one into PORTAL_DATA_DIR otherwise.
     */
    AUDIT_CHAIN_KEY: z.string().min(32).optional(),

    /** Idle timeout for doctors, caregivers, nurses and service-center staff. */
    SESSION_IDLE_MINUTES_PROFESSIONAL: positiveInt.default(15),
    /** Idle timeout for patients and trusted persons. */
    SESSION_IDLE_MINUTES_CITIZEN: positiveInt.default(30),
    /** Absolute lifetime of a session, however active: after it, the person signs in again. */
    SESSION_ABSOLUTE_HOURS: positiveNumber.default(12),

    /** Failed logins for one account within the window that lock it (ADR 0013). */
    LOGIN_ACCOUNT_MAX_FAILURES: positiveInt.default(30),
    /** Failed logins from one client address within the window that lock that address. */
    LOGIN_ADDRESS_MAX_FAILURES: positiveInt.default(100),
    /** The window in which failed logins are counted. */
    LOGIN_FAILURE_WINDOW_SECONDS: positiveInt.default(3600),
    /** How long a locked account or address is refused, even with the right password. */
    LOGIN_LOCKOUT_SECONDS: positiveInt.default(900),
    /**
     * How many reverse proxies in front of the portal append to X-Forwarded-For. 0 (the default):
     * the header is not trusted and the client address is the socket's. N: the N-th address from
     * the right of X-Forwarded-For, the one the outermost trusted proxy saw.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Roles whose password login needs a second factor (comma-separated, or "none"). Default:
     * NURSE,SERVICE_CENTER, except while the demo login is on (the demo world signs in with
     * "demo" alone unless an account enrolled). eID/itsme logins never need it.
     */
    SECOND_FACTOR_REQUIRED_ROLES: z
      .string()
      .transform((value) =>
        value.trim().toLowerCase() === "none"
          ? []
          : value
              .split(",")
              .map((role) => role.trim())
              .filter(Boolean),
      )
      .pipe(z.array(z.enum(Role)))
      .optional(),

    /** How long a file stays readable online after the end of care. */
    AVAILABILITY_WINDOW_MONTHS: positiveInt.default(3),
    /** How long an emergency access (break the glass) lasts. */
    EMERGENCY_ACCESS_HOURS: positiveInt.default(3),
    /** Misuse detection: this many distinct patients denied within the window suspends the user. */
    MISUSE_DISTINCT_PATIENTS: positiveInt.default(20),
    MISUSE_WINDOW_MINUTES: positiveInt.default(10),

    /** Folder of the embedded database and the portal's generated secrets and keys (relative to the working directory). */
    PORTAL_DATA_DIR: z.string().min(1).default(".data"),

    /** System clients of the FHIR API (ADR 0017), e.g. the organisation's record system. */
    FHIR_CLIENTS: ZFhirClients.default([]),
    /**
     * The demo record system `ehr-demo`, its key pair generated into PORTAL_DATA_DIR/fhir on first
     * use (`npm run fhir:client` prints it). Default: on wherever the demo login is on.
     */
    FHIR_DEMO_CLIENT_ENABLED: booleanString.optional(),
    /** Largest transaction Bundle the FHIR API reads, in bytes. */
    FHIR_MAX_BUNDLE_BYTES: positiveInt.max(50 * 1024 * 1024).default(2 * 1024 * 1024),
    /**
     * The eHealth therapeutic-link and consent services (lib/ehealth, ADR 0020): the local
     * simulator's URL in development and tests. Unset: the adapter is off.
     */
    EHEALTH_URL: z.string().url().optional(),
    /** How long a look-up waits for eHealth before deciding on the facts the portal already has. */
    EHEALTH_TIMEOUT_MS: positiveInt.default(3000),

    /** The organisation: configuration, never code. */
    ORG_NAME: z.string().min(1).default("Thuiszorg Demo vzw"),
    ORG_SERVICE_CENTER_PHONE: z.string().min(1).default("078 00 00 00"),
    ORG_PRIVACY_EMAIL: z.string().email().default("privacy@thuiszorg-demo.example"),
  })
  .superRefine((value, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    if (Boolean(value.OIDC_ISSUER) !== Boolean(value.OIDC_CLIENT_ID)) {
      problem("OIDC_ISSUER and OIDC_CLIENT_ID must be set together");
    }
    if (!value.OIDC_ISSUER) return;
    if (value.OIDC_CLIENT_AUTH_METHOD === "client_secret_basic" && !value.OIDC_CLIENT_SECRET) {
      problem("OIDC_CLIENT_SECRET is required with OIDC_CLIENT_AUTH_METHOD=client_secret_basic");
    }
    if (value.OIDC_CLIENT_AUTH_METHOD === "private_key_jwt" && !value.OIDC_CLIENT_PRIVATE_KEY_FILE) {
      problem("OIDC_CLIENT_PRIVATE_KEY_FILE is required with OIDC_CLIENT_AUTH_METHOD=private_key_jwt");
    }
    if (!value.OIDC_SCOPES.includes("openid")) problem("OIDC_SCOPES must include openid");
    if (!value.OIDC_ACR_LEVELS.includes(value.OIDC_ACR_MINIMUM)) {
      problem("OIDC_ACR_MINIMUM must be one of OIDC_ACR_LEVELS");
    }
    const unknown = (value.OIDC_ACR_VALUES ?? []).filter((acr) => !value.OIDC_ACR_LEVELS.includes(acr));
    if (unknown.length > 0) problem(`OIDC_ACR_VALUES not in OIDC_ACR_LEVELS: ${unknown.join(", ")}`);
  });

export type Env = z.infer<typeof ZEnv>;

/** Exported for the tests of settings; the portal reads `env` below. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings (common in .env files) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(settings)"}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  // Without a prototype and frozen: an optional setting that is not set reads as undefined, never
  // as a key some polluted Object.prototype would hand down (ADR 0011), and nothing changes it later.
  return Object.freeze(Object.assign(Object.create(null) as Env, parsed.data));
}

export const env: Env = parseEnv(process.env);

/**
 * The demo world (and with it the demo login) only when asked for: `npm start` asks for it on the
 * embedded database, and DEMO_WORLD=true asks for it on DATABASE_URL. Never by default, so a
 * production database can never be given fourteen accounts with password "demo".
 */
export const demoWorldEnabled: boolean = env.DEMO_WORLD === true;
/** The demo login is the demo world's: one switch for both. */
export const demoLoginEnabled: boolean = demoWorldEnabled;

/**
 * Roles whose password login must pass a second factor before anything else (ADR 0014). Unset:
 * the organisation's staff, except while the demo login is on.
 */
export const secondFactorRequiredRoles: readonly Role[] =
  env.SECOND_FACTOR_REQUIRED_ROLES ?? (demoLoginEnabled ? [] : ["NURSE", "SERVICE_CENTER"]);

/** The demo system client `ehr-demo` is registered wherever the demo login is on, unless switched off. */
export const fhirDemoClientEnabled: boolean = env.FHIR_DEMO_CLIENT_ENABLED ?? demoLoginEnabled;

export const oidcEnabled: boolean = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);

export const organisation = {
  name: env.ORG_NAME,
  serviceCenterPhone: env.ORG_SERVICE_CENTER_PHONE,
  privacyEmail: env.ORG_PRIVACY_EMAIL,
} as const;
