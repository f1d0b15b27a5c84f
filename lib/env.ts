// The only reader of process.env in the application: every setting is validated here once, with
// its default, so a typo in a deployment fails at start-up instead of deep inside a request.
// Every variable is listed in .env.example.
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

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

    /** How long a file stays readable online after the end of care. */
    AVAILABILITY_WINDOW_MONTHS: positiveInt.default(3),
    /** How long an emergency access (break the glass) lasts. */
    EMERGENCY_ACCESS_HOURS: positiveInt.default(3),
    /** Misuse detection: this many distinct patients denied within the window suspends the user. */
    MISUSE_DISTINCT_PATIENTS: positiveInt.default(20),
    MISUSE_WINDOW_MINUTES: positiveInt.default(10),

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
  return parsed.data;
}

export const env: Env = parseEnv(process.env);

/** Demo login is on by default everywhere but production, where it must be enabled explicitly. */
export const demoLoginEnabled: boolean = env.DEMO_LOGIN_ENABLED ?? env.NODE_ENV !== "production";

export const oidcEnabled: boolean = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

export const organisation = {
  name: env.ORG_NAME,
  serviceCenterPhone: env.ORG_SERVICE_CENTER_PHONE,
  privacyEmail: env.ORG_PRIVACY_EMAIL,
} as const;
