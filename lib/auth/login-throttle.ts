// Login throttling and lockout (ADR 0013): failed logins are counted per account and per client
// address in PostgreSQL, so every portal instance sees the same counters. After
// LOGIN_ACCOUNT_MAX_FAILURES failures for one account (or LOGIN_ADDRESS_MAX_FAILURES from one
// address) within LOGIN_FAILURE_WINDOW_SECONDS, that account (address) is refused for
// LOGIN_LOCKOUT_SECONDS, even with the right password: otherwise the lock would only slow a
// guesser down, not stop them.
//
// rate-limiter-flexible's RateLimiterPostgres keeps the counters, in the table "LoginThrottle"
// that our migration creates (tableCreated: true: the library never creates a table at run time,
// which the portal's database role may not do). A successful login clears the account's counter,
// not the address's: one valid account must not let an address wipe its record of guesses at
// other accounts.
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export type ThrottleSettings = {
  accountMaxFailures: number;
  addressMaxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
};

export const defaultThrottleSettings: ThrottleSettings = {
  accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
  addressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
  windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
  lockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
};

/** The account key is the username as typed, lower-cased: "N.Nina" and "n.nina" share one counter. */
export type ThrottleKeys = { username: string; clientAddress: string | null };

export type ThrottleState =
  { locked: false } | { locked: true; scope: "account" | "address"; retryAfterSeconds: number };

export type LoginThrottle = {
  /** Whether this account may try to log in from this address now. */
  check(keys: ThrottleKeys): Promise<ThrottleState>;
  /** Counts a failed login; returns the lock it caused, if it caused one. */
  recordFailure(keys: ThrottleKeys): Promise<ThrottleState>;
  /** A successful login: the account's failures are forgotten. */
  recordSuccess(keys: ThrottleKeys): Promise<void>;
};

export const THROTTLE_TABLE = "LoginThrottle";

const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 200);

type Scope = { name: "account" | "address"; limiter: RateLimiterPostgres; maxFailures: number };

export function createLoginThrottle(
  pool: pg.Pool,
  settings: ThrottleSettings = defaultThrottleSettings,
): LoginThrottle {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: THROTTLE_TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration: settings.windowSeconds,
      blockDuration: settings.lockoutSeconds,
    });
  const account: Scope = {
    name: "account",
    limiter: limiter("account", settings.accountMaxFailures),
    maxFailures: settings.accountMaxFailures,
  };
  const address: Scope = {
    name: "address",
    limiter: limiter("address", settings.addressMaxFailures),
    maxFailures: settings.addressMaxFailures,
  };

  const scopesFor = (keys: ThrottleKeys): Array<[Scope, string]> => [
    [account, accountKey(keys.username)],
    // Without a known address there is nothing to count it under; the account still counts.
    ...(keys.clientAddress ? [[address, keys.clientAddress] as [Scope, string]] : []),
  ];

  const lockedFor = (scope: Scope, res: RateLimiterRes): ThrottleState => ({
    locked: true,
    scope: scope.name,
    retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });

  return {
    async check(keys) {
      for (const [scope, key] of scopesFor(keys)) {
        const res = await scope.limiter.get(key);
        if (res && res.consumedPoints >= scope.maxFailures) return lockedFor(scope, res);
      }
      return { locked: false };
    },

    async recordFailure(keys) {
      let state: ThrottleState = { locked: false };
      for (const [scope, key] of scopesFor(keys)) {
        let res: RateLimiterRes;
        try {
          res = await scope.limiter.consume(key);
        } catch (rejection) {
          // Over the limit already (a concurrent attempt got there first): locked. Anything else
          // is a store failure, and a login must not pass because the counters are unreachable.
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          res = rejection;
        }
        if (res.consumedPoints >= scope.maxFailures) {
          // The failure that reaches the limit locks for the full lockout from now.
          const blocked = await scope.limiter.block(key, settings.lockoutSeconds);
          if (!state.locked) state = lockedFor(scope, blocked);
        }
      }
      return state;
    },

    async recordSuccess(keys) {
      await account.limiter.delete(accountKey(keys.username));
    },
  };
}

let appThrottle: LoginThrottle | undefined;
/** The app's throttle over the app's pool (lib/db.ts is imported lazily: it is server-only). */
export async function appLoginThrottle(): Promise<LoginThrottle> {
  if (!appThrottle) {
    const { pgPool } = await import("@/lib/db");
    appThrottle ??= createLoginThrottle(pgPool);
  }
  return appThrottle;
}
