import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, RECOVERY_CODE_PATTERN, recoveryCodeHash } from "./second-factor";

describe("second-factor secrets", () => {
  it("encrypts with a fresh IV each time and decrypts back", () => {
    const first = encryptSecret("JBSWY3DPEHPK3PXP");
    const second = encryptSecret("JBSWY3DPEHPK3PXP");
    expect(first).not.toBe(second);
    expect(first).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(first)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a tampered or foreign ciphertext", () => {
    const [version, iv, tag, ciphertext] = encryptSecret("JBSWY3DPEHPK3PXP").split(".");
    const flipped = `${ciphertext!.startsWith("A") ? "B" : "A"}${ciphertext!.slice(1)}`;
    expect(() => decryptSecret([version, iv, tag, flipped].join("."))).toThrow();
    expect(() => decryptSecret("JBSWY3DPEHPK3PXP")).toThrow();
  });

  it("hashes recovery codes whatever their case, spaces or dash, and keyed (not a bare sha256)", () => {
    expect(recoveryCodeHash("ABCDE-FGHJK")).toBe(recoveryCodeHash("abcde fghjk"));
    expect(recoveryCodeHash("ABCDE-FGHJK")).not.toBe(recoveryCodeHash("ABCDE-FGHJM"));
    expect(recoveryCodeHash("ABCDE-FGHJK")).toMatch(/^[0-9a-f]{64}$/);
    expect(RECOVERY_CODE_PATTERN.test("abcde-fghjk")).toBe(true);
    expect(RECOVERY_CODE_PATTERN.test("123456")).toBe(false);
  });
});
