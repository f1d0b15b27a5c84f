import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PASSWORD_COST, verifyPassword } from "./password";

/** A hash in the previous format (scrypt, N = 16384), as the portal stored them before ADR 0013. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 16384, r: 8, p: 1 });
  return ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
}

describe("password hashing", () => {
  it("hashes with argon2id at OWASP's cost, verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("demo");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(PASSWORD_COST).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword("demo", stored)).toBe(true);
    expect(await verifyPassword("Demo", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("salts every hash", async () => {
    const [first, second] = await Promise.all([hashPassword("demo"), hashPassword("demo")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword("demo", second)).toBe(true);
  });

  it("rejects a tampered hash", async () => {
    const stored = await hashPassword("demo");
    // A character well inside the hash part (the last one also carries padding bits).
    const at = stored.length - 10;
    const tampered = `${stored.slice(0, at)}${stored[at] === "A" ? "B" : "A"}${stored.slice(at + 1)}`;
    expect(await verifyPassword("demo", tampered)).toBe(false);
  });

  it("still verifies the older scrypt hashes, and asks for them to be replaced", async () => {
    const legacy = legacyScryptHash("demo");
    expect(await verifyPassword("demo", legacy)).toBe(true);
    expect(await verifyPassword("wrong", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it("asks to rehash an argon2id hash below the current cost", () => {
    const weak = "$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43);
    expect(needsRehash(weak)).toBe(true);
  });

  it.each([
    ["no hash", null],
    ["empty", ""],
    ["another scheme", "bcrypt$2b$10$abc"],
    ["argon2i instead of argon2id", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43)],
    ["argon2id memory far too large", "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43)],
    ["argon2id too many passes", "$argon2id$v=19$m=19456,t=500,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43)],
    ["argon2id missing hash", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA"],
    ["scrypt missing parts", "scrypt$16384$8$1$c2FsdA=="],
    ["scrypt N not a power of two", "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$" + "A".repeat(44)],
    ["scrypt N far too large", "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$" + "A".repeat(44)],
    ["scrypt empty salt", "scrypt$16384$8$1$$" + "A".repeat(44)],
  ])("returns false for %s", async (_label, stored) => {
    expect(await verifyPassword("demo", stored)).toBe(false);
  });
});
