// Where the access log's keys come from for `npm start` and the audit:* commands (ADR 0016):
// configured, or on the embedded/development setup generated once into the data folder and
// reused; never generated for a production database, and never by a command that verifies.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { anchorSigningKey, auditChainKeyForCommand, auditChainKeyForStart } from "../../scripts/audit/keys";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "portal-keys-"));

describe("the chain key for npm start", () => {
  it("is the configured one when set", () => {
    vi.stubEnv("AUDIT_CHAIN_KEY", "k".repeat(40));
    expect(auditChainKeyForStart(dataDir(), true)).toBe("k".repeat(40));
    vi.stubEnv("AUDIT_CHAIN_KEY", "too-short");
    expect(() => auditChainKeyForStart(dataDir(), false)).toThrow(/32\+ characters/);
  });

  it("is generated once into the data folder, readable by the owner only, and then reused", () => {
    vi.stubEnv("AUDIT_CHAIN_KEY", "");
    const dir = dataDir();
    const key = auditChainKeyForStart(dir, false);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(auditChainKeyForStart(dir, false)).toBe(key);
    const file = path.join(dir, "audit-chain-key");
    expect(readFileSync(file, "utf8").trim()).toBe(key);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("is required, not generated, for the production database", () => {
    vi.stubEnv("AUDIT_CHAIN_KEY", "");
    expect(() => auditChainKeyForStart(dataDir(), true)).toThrow(/AUDIT_CHAIN_KEY is required/);
  });
});

describe("the keys for the audit commands", () => {
  it("read the chain key from the configuration or the data folder, and never make a new one", () => {
    const dir = dataDir();
    vi.stubEnv("PORTAL_DATA_DIR", dir);
    vi.stubEnv("AUDIT_CHAIN_KEY", "");
    expect(() => auditChainKeyForCommand()).toThrow(/no chain key/);
    const key = auditChainKeyForStart(dir, false);
    expect(auditChainKeyForCommand().toString("utf8")).toBe(key);
    vi.stubEnv("AUDIT_CHAIN_KEY", "c".repeat(32));
    expect(auditChainKeyForCommand().toString("utf8")).toBe("c".repeat(32));
  });

  it("want a configured anchor key with DATABASE_URL, and generate one only on the embedded setup", () => {
    const dir = dataDir();
    vi.stubEnv("PORTAL_DATA_DIR", dir);
    vi.stubEnv("AUDIT_ANCHOR_KEY_FILE", "");
    expect(() => anchorSigningKey({ create: true })).toThrow(/AUDIT_ANCHOR_KEY_FILE/);
    vi.stubEnv("DATABASE_URL", "");
    expect(() => anchorSigningKey({ create: false })).toThrow(/no anchor key/);
    const key = anchorSigningKey({ create: true });
    expect(key.asymmetricKeyType).toBe("ed25519");
    expect(anchorSigningKey({ create: false }).export({ format: "pem", type: "pkcs8" })).toEqual(
      key.export({ format: "pem", type: "pkcs8" }),
    );
  });
});
