import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("demo");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("demo", stored)).toBe(true);
    expect(await verifyPassword("Demo", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    const [first, second] = await Promise.all([hashPassword("demo"), hashPassword("demo")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword("demo", second)).toBe(true);
  });

  it("rejects a tampered hash", async () => {
    const stored = await hashPassword("demo");
    const parts = stored.split("$");
    const key = Buffer.from(parts[5]!, "base64");
    key[0] = key[0]! ^ 0xff;
    parts[5] = key.toString("base64");
    expect(await verifyPassword("demo", parts.join("$"))).toBe(false);
  });

  it.each([
    ["no hash", null],
    ["empty", ""],
    ["another scheme", "bcrypt$2b$10$abc"],
    ["missing parts", "scrypt$16384$8$1$c2FsdA=="],
    ["N not a power of two", "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$" + "A".repeat(44)],
    ["N far too large", "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$" + "A".repeat(44)],
    ["empty salt", "scrypt$16384$8$1$$" + "A".repeat(44)],
  ])("returns false for %s", async (_label, stored) => {
    expect(await verifyPassword("demo", stored)).toBe(false);
  });
});
