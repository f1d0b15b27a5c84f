// The password login's defences (ADR 0013, 0014) against a real database with the demo world:
// lockout per account and per client address, shared through PostgreSQL; the security log; no
// user enumeration by timing; rehashing at the current cost; the second factor at login.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createPgPool } from "@/lib/db/client";
import { createLoginThrottle, type ThrottleSettings } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { attemptPasswordLogin, type PasswordLoginInput } from "@/lib/auth/password-login";
import { beginEnrolment, confirmEnrolment, decryptSecret } from "@/lib/auth/second-factor";
import { listLoginAttempts, SECURITY_LOG_PAGE_SIZE } from "@/lib/auth/security-log";
import { seedDemoWorld } from "@/tests/support/demo-world";
import { resetDatabase, testDatabaseUrl, testPrisma } from "../support/database";
import { gated } from "../support/actors";

const db = testPrisma();
const pool = createPgPool(testDatabaseUrl(), 2);

const settings: ThrottleSettings = {
  accountMaxFailures: 30,
  addressMaxFailures: 1000,
  windowSeconds: 3600,
  lockoutSeconds: 2,
};

function login(input: Partial<PasswordLoginInput> & { username: string }, throttleSettings = settings) {
  return attemptPasswordLogin(
    { password: "demo", clientAddress: "203.0.113.7", userAgent: "vitest", ...input },
    { db, throttle: createLoginThrottle(pool, throttleSettings) },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

afterAll(async () => {
  await pool.end();
});

describe("lockout per account", () => {
  it("locks an account at the 30th wrong password, refuses even the right one, and lets it in after the lockout", async () => {
    for (let attempt = 1; attempt < 30; attempt += 1) {
      expect(await login({ username: "n.nina", password: `wrong-${attempt}` }), `attempt ${attempt}`).toEqual({
        ok: false,
        error: "invalid_credentials",
      });
    }
    const locking = await login({ username: "n.nina", password: "wrong-30" });
    expect(locking).toMatchObject({ ok: false, error: "rate_limited" });
    expect(locking.ok === false && locking.retryAfterSeconds).toBeGreaterThan(0);
    // Locked: the right password is refused too, without being checked.
    expect(await login({ username: "n.nina" })).toMatchObject({ ok: false, error: "rate_limited" });
    // Another account from the same address is not affected.
    expect(await login({ username: "n.noah" })).toMatchObject({ ok: true, personId: "usr-noah" });

    await sleep(settings.lockoutSeconds * 1000 + 300);
    expect(await login({ username: "n.nina" })).toMatchObject({ ok: true, personId: "usr-nina" });
    // The success cleared the account's counter: one wrong password is one failure again.
    expect(await login({ username: "n.nina", password: "wrong" })).toEqual({ ok: false, error: "invalid_credentials" });

    const attempts = await db.loginAttempt.findMany({ where: { username: "n.nina" }, orderBy: { id: "asc" } });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual([
      ...Array<string>(30).fill("FAILURE"),
      // The 30th failure starts the lock; the right password during it is refused as locked.
      "LOCKED_OUT",
      "LOCKED_OUT",
      "SUCCESS",
      "FAILURE",
    ]);
    expect(attempts[0]).toMatchObject({
      method: "password",
      reason: "wrong_password",
      personId: "usr-nina",
      clientAddress: "203.0.113.7",
      userAgent: "vitest",
    });
    expect(attempts[30]).toMatchObject({ outcome: "LOCKED_OUT", reason: "account_locked" });
    expect(attempts[31]).toMatchObject({ outcome: "LOCKED_OUT", reason: "account_locked" });
    // No password, right or wrong, is ever in the log.
    const logged = JSON.stringify(await db.loginAttempt.findMany(), (_key, value: unknown) =>
      typeof value === "bigint" ? value.toString() : value,
    );
    expect(logged).not.toMatch(/wrong-\d|"demo"/);
  });

  it("counts and locks an unknown username like a known one, so a lockout says nothing about who exists", async () => {
    const small = { ...settings, accountMaxFailures: 3 };
    for (const username of ["n.nina", "n.nobody"]) {
      expect(await login({ username, password: "x" }, small)).toEqual({ ok: false, error: "invalid_credentials" });
      expect(await login({ username, password: "x" }, small)).toEqual({ ok: false, error: "invalid_credentials" });
      expect(await login({ username, password: "x" }, small)).toMatchObject({ ok: false, error: "rate_limited" });
    }
    expect(
      (await db.loginAttempt.findMany({ where: { username: "n.nobody" }, orderBy: { id: "asc" } })).map((a) => [
        a.outcome,
        a.reason,
        a.personId,
      ]),
    ).toEqual([
      ["FAILURE", "unknown_username", null],
      ["FAILURE", "unknown_username", null],
      ["FAILURE", "unknown_username", null],
      ["LOCKED_OUT", "account_locked", null],
    ]);
  });

  it("shares the counters between portal instances (two throttles over two pools)", async () => {
    const otherPool = createPgPool(testDatabaseUrl(), 1);
    try {
      const small = { ...settings, accountMaxFailures: 2 };
      const first = createLoginThrottle(pool, small);
      const second = createLoginThrottle(otherPool, small);
      const keys = { username: "p.an", clientAddress: "198.51.100.1" };
      expect(await first.recordFailure(keys)).toEqual({ locked: false });
      expect(await second.recordFailure(keys)).toMatchObject({ locked: true, scope: "account" });
      expect(await first.check(keys)).toMatchObject({ locked: true, scope: "account" });
    } finally {
      await otherPool.end();
    }
  });
});

describe("lockout per client address", () => {
  it("locks an address that guesses at many accounts, for every account, and no other address", async () => {
    const small = { ...settings, addressMaxFailures: 5 };
    const usernames = ["p.an", "p.bart", "d.dirk", "n.nina", "s.sara"];
    const results = [];
    for (const username of usernames) results.push(await login({ username, password: "guess" }, small));
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ ok: false, error: "invalid_credentials" }));
    expect(results[4]).toMatchObject({ ok: false, error: "rate_limited" });
    // The address is locked, for the right password of an untouched account too.
    expect(await login({ username: "t.tom" }, small)).toMatchObject({ ok: false, error: "rate_limited" });
    expect((await db.loginAttempt.findFirst({ where: { username: "t.tom" } }))?.reason).toBe("address_locked");
    // From another address the same account signs in.
    expect(await login({ username: "t.tom", clientAddress: "198.51.100.2" }, small)).toMatchObject({ ok: true });
  });
});

describe("password hashes", () => {
  it("answers an unknown username as slowly as a wrong password for a known one", async () => {
    const high = { ...settings, accountMaxFailures: 1000 };
    const timed = async (username: string, run: number) => {
      const started = performance.now();
      await login({ username, password: `wrong-${run}` }, high);
      return performance.now() - started;
    };
    await login({ username: "warm-up", password: "x" }, high);
    // Known and unknown alternate, so a busy moment of the machine weighs on both alike; the
    // median of the pairs' ratios then compares like with like.
    const ratios: number[] = [];
    for (let run = 0; run < 9; run += 1) {
      const known = await timed("n.nina", run);
      const unknown = await timed("n.nobody", run);
      ratios.push(unknown / known);
    }
    const median = ratios.sort((a, b) => a - b)[4]!;
    // Both are one argon2id verification at the current cost (tens of milliseconds); a path that
    // skipped it for unknown usernames would answer in a few milliseconds (a ratio near 0.1).
    expect(median).toBeGreaterThan(0.4);
    expect(median).toBeLessThan(2.5);
  });

  it("replaces a hash below the current cost at the next successful login, and not at a failed one", async () => {
    const weak = "$argon2id$v=19$m=4096,t=1,p=1$";
    const { hash } = await import("@node-rs/argon2");
    const stored = await hash("demo", { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(stored.startsWith(weak)).toBe(true);
    await db.person.update({ where: { id: "usr-carl" }, data: { passwordHash: stored } });
    await login({ username: "c.carl", password: "wrong" });
    expect((await db.person.findUniqueOrThrow({ where: { id: "usr-carl" } })).passwordHash).toBe(stored);
    expect(await login({ username: "c.carl" })).toMatchObject({ ok: true });
    const rehashed = (await db.person.findUniqueOrThrow({ where: { id: "usr-carl" } })).passwordHash!;
    expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await login({ username: "c.carl" })).toMatchObject({ ok: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: "usr-carl" } })).passwordHash).toBe(rehashed);
  });

  it("seeds the demo world at the current cost", async () => {
    // Every account with a login; Emma (10) has none (ADR 0019).
    const hashes = await db.person.findMany({ where: { username: { not: null } }, select: { passwordHash: true } });
    expect(hashes.length).toBeGreaterThan(10);
    expect(hashes.every(({ passwordHash }) => passwordHash?.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"))).toBe(true);
    expect(await hashPassword("x")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("second factor at login", () => {
  async function enrolNina(): Promise<string> {
    await beginEnrolment({ db, personId: "usr-nina" });
    const row = await db.secondFactor.findUniqueOrThrow({ where: { personId: "usr-nina" } });
    const secret = decryptSecret(row.secretEncrypted);
    // Thirty seconds ago: the code at login is then a later step, as it would be in real use.
    const confirmed = await confirmEnrolment({
      db,
      personId: "usr-nina",
      code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }),
      now: new Date(Date.now() - 30_000),
    });
    if (!confirmed.ok) throw new Error("enrolment failed");
    return secret;
  }

  it("asks for the code after the right password, refuses a wrong or replayed code, and accepts a fresh one", async () => {
    const secret = await enrolNina();
    expect(await login({ username: "n.nina" })).toEqual({ ok: false, error: "second_factor_required" });
    // A wrong password never reaches the code question: the code step tells nothing then.
    expect(await login({ username: "n.nina", password: "wrong", code: "123456" })).toEqual({
      ok: false,
      error: "invalid_credentials",
    });
    const code = await generate({ secret });
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await login({ username: "n.nina", code: wrong })).toEqual({ ok: false, error: "second_factor_invalid" });
    expect(await login({ username: "n.nina", code })).toMatchObject({ ok: true, personId: "usr-nina" });
    // The same code again (a replay, or a second tab): refused.
    expect(await login({ username: "n.nina", code })).toEqual({ ok: false, error: "second_factor_invalid" });

    const outcomes = (await db.loginAttempt.findMany({ where: { username: "n.nina" }, orderBy: { id: "asc" } })).map(
      (attempt) => [attempt.outcome, attempt.reason],
    );
    expect(outcomes).toEqual([
      ["SECOND_FACTOR_REQUIRED", "code_missing"],
      ["FAILURE", "wrong_password"],
      ["SECOND_FACTOR_FAILED", "wrong_code"],
      ["SUCCESS", "second_factor"],
      ["SECOND_FACTOR_FAILED", "wrong_code"],
    ]);
    // No code is ever logged.
    expect(JSON.stringify(await db.loginAttempt.findMany({ select: { reason: true, username: true } }))).not.toContain(
      code,
    );
  });

  it("locks out on wrong codes like on wrong passwords", async () => {
    await enrolNina();
    const small = { ...settings, accountMaxFailures: 3 };
    expect(await login({ username: "n.nina", code: "000001" }, small)).toMatchObject({
      error: "second_factor_invalid",
    });
    expect(await login({ username: "n.nina", code: "000002" }, small)).toMatchObject({
      error: "second_factor_invalid",
    });
    expect(await login({ username: "n.nina", code: "000003" }, small)).toMatchObject({ error: "rate_limited" });
  });

  it("accepts each recovery code once", async () => {
    await beginEnrolment({ db, personId: "usr-nina" });
    const secret = decryptSecret(
      (await db.secondFactor.findUniqueOrThrow({ where: { personId: "usr-nina" } })).secretEncrypted,
    );
    const confirmed = await confirmEnrolment({ db, personId: "usr-nina", code: await generate({ secret }) });
    if (!confirmed.ok) throw new Error("enrolment failed");
    const [recovery] = confirmed.recoveryCodes;
    expect(await login({ username: "n.nina", code: recovery!.toLowerCase() })).toMatchObject({ ok: true });
    expect(await login({ username: "n.nina", code: recovery! })).toEqual({ ok: false, error: "second_factor_invalid" });
    expect((await db.loginAttempt.findFirst({ where: { outcome: "SUCCESS" } }))?.reason).toBe("recovery_code");
  });
});

describe("the security log page", () => {
  const sara = gated("usr-sara", "SERVICE_CENTER");

  it("lists attempts newest first, page by page, filtered by account, for the service center only", async () => {
    await db.loginAttempt.createMany({
      data: Array.from({ length: SECURITY_LOG_PAGE_SIZE + 5 }, (_, index) => ({
        method: "password",
        outcome: "FAILURE" as const,
        reason: "wrong_password",
        username: index % 2 === 0 ? "p.an" : "P.AN",
        personId: "pat-an",
      })),
    });
    await db.loginAttempt.create({
      data: { method: "password", outcome: "SUCCESS", reason: "password", username: "d.dirk", personId: "usr-dirk" },
    });
    const first = await listLoginAttempts({ actor: sara, db });
    expect(first.attempts).toHaveLength(SECURITY_LOG_PAGE_SIZE);
    expect(first.attempts[0]).toMatchObject({ username: "d.dirk", outcome: "SUCCESS" });
    expect(first.hasNextPage).toBe(true);
    const second = await listLoginAttempts({ actor: sara, db, page: 2 });
    expect(second.attempts).toHaveLength(6);
    expect(second.hasNextPage).toBe(false);

    const an = await listLoginAttempts({ actor: sara, db, account: "p.an" });
    expect(an.attempts.every((attempt) => attempt.personId === "pat-an")).toBe(true);
    expect((await listLoginAttempts({ actor: sara, db, account: "usr-dirk" })).attempts).toHaveLength(1);

    for (const actor of [gated("usr-nina", "NURSE"), gated("pat-an", "PATIENT"), { ...sara, suspended: true }]) {
      await expect(listLoginAttempts({ actor, db })).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("cannot be changed or emptied by the application", async () => {
    await db.loginAttempt.create({ data: { method: "password", outcome: "FAILURE", reason: "wrong_password" } });
    await expect(db.loginAttempt.updateMany({ data: { reason: "edited" } })).rejects.toThrow(/append-only/);
    await expect(db.loginAttempt.deleteMany()).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "LoginAttempt"')).rejects.toThrow(/append-only/);
    expect(await db.loginAttempt.count()).toBe(1);
  });
});
