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

    /** Demo login (username + password "demo"). Default: on, except when NODE_ENV=production. */
    DEMO_LOGIN_ENABLED: booleanString.optional(),

    /** eID/itsme through an OpenID Connect provider: enabled when all three are set. */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The ID-token claim that carries the national number (INSZ). */
    OIDC_NATIONAL_NUMBER_CLAIM: z.string().min(1).default("national_number"),
    OIDC_DISPLAY_NAME: z.string().min(1).default("eID / itsme"),

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

    /** The organisation: configuration, never code. */
    ORG_NAME: z.string().min(1).default("Thuiszorg Demo vzw"),
    ORG_SERVICE_CENTER_PHONE: z.string().min(1).default("078 00 00 00"),
    ORG_PRIVACY_EMAIL: z.string().email().default("privacy@thuiszorg-demo.example"),
  })
  .superRefine((value, ctx) => {
    const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
  });

export type Env = z.infer<typeof ZEnv>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
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

/** Demo login is on by default everywhere but production, where it must be enabled explicitly. */
export const demoLoginEnabled: boolean = env.DEMO_LOGIN_ENABLED ?? env.NODE_ENV !== "production";

/**
 * Roles whose password login must pass a second factor before anything else (ADR 0014). Unset:
 * the organisation's staff, except while the demo login is on.
 */
export const secondFactorRequiredRoles: readonly Role[] =
  env.SECOND_FACTOR_REQUIRED_ROLES ?? (demoLoginEnabled ? [] : ["NURSE", "SERVICE_CENTER"]);

export const oidcEnabled: boolean = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

export const organisation = {
  name: env.ORG_NAME,
  serviceCenterPhone: env.ORG_SERVICE_CENTER_PHONE,
  privacyEmail: env.ORG_PRIVACY_EMAIL,
} as const;
