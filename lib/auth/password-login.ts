// The password login, step by step (ADR 0013, 0014). next-auth's credentials provider
// (lib/auth/options.ts) calls this and only maps its answer; every rule is here:
//
// 1. A locked account or client address is refused before the password is looked at.
// 2. The password is checked against the stored hash, or against a decoy hash of the same cost
//    when the username is unknown: both cost one argon2id verification, so the answer time does
//    not tell which usernames exist. Unknown usernames are counted and locked like known ones.
// 3. A failure counts against the account and the address; the failure that reaches a limit
//    locks and is answered as a lockout already.
// 4. With the right password, an account with a second factor needs a valid code (a wrong one is
//    a failure like a wrong password); without a code the answer asks for one.
// 5. Success clears the account's counter and replaces a hash below the current cost.
// Every attempt, whatever its outcome, goes to the security log.
import { randomUUID } from "node:crypto";
import type { LoginThrottle, ThrottleState } from "@/lib/auth/login-throttle";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import { recordLoginAttempt } from "@/lib/auth/security-log";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LoginOutcome } from "@/lib/generated/prisma/enums";
import { displayName } from "@/lib/people/display-name";

export const PASSWORD_LOGIN_METHOD = "password";

export type PasswordLoginInput = {
  username: string;
  password: string;
  /** The second-factor code (TOTP or recovery code), when the login form asked for it. */
  code?: string;
  clientAddress: string | null;
  userAgent?: string | null;
};

export type PasswordLoginFailure =
  "invalid_credentials" | "rate_limited" | "second_factor_required" | "second_factor_invalid";

export type PasswordLoginResult =
  { ok: true; personId: string; name: string } | { ok: false; error: PasswordLoginFailure; retryAfterSeconds?: number };

let timingDecoyHash: Promise<string> | undefined;
/** A hash of a random password at the current cost, made once per process. */
function decoyHash(): Promise<string> {
  timingDecoyHash ??= hashPassword(randomUUID());
  return timingDecoyHash;
}

export async function attemptPasswordLogin(
  input: PasswordLoginInput,
  deps: { db: PrismaClient; throttle: LoginThrottle; now?: Date },
): Promise<PasswordLoginResult> {
  const { db, throttle } = deps;
  const username = input.username.trim();
  const keys = { username, clientAddress: input.clientAddress };
  const log = (outcome: LoginOutcome, reason: string, personId: string | null = null) =>
    recordLoginAttempt(db, {
      method: PASSWORD_LOGIN_METHOD,
      outcome,
      reason,
      username,
      personId,
      clientAddress: input.clientAddress,
      userAgent: input.userAgent,
      occurredAt: deps.now,
    });
  const refuseAsLocked = async (state: Extract<ThrottleState, { locked: true }>, personId: string | null) => {
    await log("LOCKED_OUT", `${state.scope}_locked`, personId);
    return { ok: false as const, error: "rate_limited" as const, retryAfterSeconds: state.retryAfterSeconds };
  };

  const person = await db.person.findUnique({
    where: { username },
    select: {
      id: true,
      passwordHash: true,
      honorific: true,
      firstName: true,
      lastName: true,
      secondFactor: { select: { enabledAt: true } },
    },
  });

  const lock = await throttle.check(keys);
  if (lock.locked) return refuseAsLocked(lock, person?.id ?? null);

  const passwordValid = await verifyPassword(input.password, person?.passwordHash ?? (await decoyHash()));
  if (!person?.passwordHash || !passwordValid) {
    const reason = !person ? "unknown_username" : !person.passwordHash ? "no_password" : "wrong_password";
    const state = await throttle.recordFailure(keys);
    await log("FAILURE", reason, person?.id ?? null);
    if (state.locked) return refuseAsLocked(state, person?.id ?? null);
    return { ok: false, error: "invalid_credentials" };
  }

  if (person.secondFactor?.enabledAt) {
    const code = input.code?.trim();
    if (!code) {
      await log("SECOND_FACTOR_REQUIRED", "code_missing", person.id);
      return { ok: false, error: "second_factor_required" };
    }
    const verdict = await verifySecondFactor({ db, personId: person.id, code, now: deps.now });
    if (verdict !== "ok" && verdict !== "ok_recovery_code") {
      const state = await throttle.recordFailure(keys);
      await log("SECOND_FACTOR_FAILED", "wrong_code", person.id);
      if (state.locked) return refuseAsLocked(state, person.id);
      return { ok: false, error: "second_factor_invalid" };
    }
    if (verdict === "ok_recovery_code") await log("SUCCESS", "recovery_code", person.id);
    else await log("SUCCESS", "second_factor", person.id);
  } else {
    await log("SUCCESS", "password", person.id);
  }

  await throttle.recordSuccess(keys);
  if (needsRehash(person.passwordHash)) {
    // Only if nobody changed the hash meanwhile: a concurrent password change must win.
    await db.person.updateMany({
      where: { id: person.id, passwordHash: person.passwordHash },
      data: { passwordHash: await hashPassword(input.password) },
    });
  }
  return { ok: true, personId: person.id, name: displayName(person) };
}
