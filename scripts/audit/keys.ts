// The access log's keys for the command-line tools (ADR 0016). Scripts are not the portal: like
// scripts/db/config.ts they read process.env themselves.
// - AUDIT_CHAIN_KEY keys the chain's links. Configured: used as is. Otherwise, on the embedded
//   or development setup, generated once into PORTAL_DATA_DIR (like AUTH_SECRET) by `npm start`;
//   a real production database (DATABASE_URL with `npm start`) requires it configured.
// - The anchor signing key (Ed25519, PEM): AUDIT_ANCHOR_KEY_FILE, or on the embedded/development
//   setup <PORTAL_DATA_DIR>/audit-anchor-key.pem, generated at the first anchor.
// - The anchor file: AUDIT_ANCHOR_FILE, default <PORTAL_DATA_DIR>/audit-anchors.jsonl.
// The commands never generate a chain key: verifying with a new key would call every entry forged.
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { configuredDatabaseUrl, portalDataDir } from "../db/config";

const MIN_KEY_LENGTH = 32;
const setting = (name: string) => (process.env[name] && process.env[name] !== "" ? process.env[name] : undefined);

function chainKeyFile(dataDir: string): string {
  return path.join(dataDir, "audit-chain-key");
}

/** For `npm start` / `npm run dev`: the configured key, else the data folder's (created once). */
export function auditChainKeyForStart(dataDir: string, productionDatabase: boolean): string {
  const configured = setting("AUDIT_CHAIN_KEY");
  if (configured) {
    if (configured.length < MIN_KEY_LENGTH) throw new Error(`AUDIT_CHAIN_KEY must have ${MIN_KEY_LENGTH}+ characters`);
    return configured;
  }
  if (productionDatabase) {
    throw new Error(
      "AUDIT_CHAIN_KEY is required when the portal runs in production on DATABASE_URL (32+ characters, e.g. `openssl rand -base64 48`); keep it out of the database and its backups.",
    );
  }
  const file = chainKeyFile(dataDir);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= MIN_KEY_LENGTH) return stored;
    throw new Error(`${file} holds no usable key; restore it from a backup (a new key cannot verify the existing log)`);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString("base64url");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** For audit:verify and audit:anchor: the configured key, else the data folder's; never a new one. */
export function auditChainKeyForCommand(): Buffer {
  const configured = setting("AUDIT_CHAIN_KEY");
  if (configured) return Buffer.from(configured, "utf8");
  const file = chainKeyFile(portalDataDir());
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
  throw new Error(
    `no chain key: set AUDIT_CHAIN_KEY to the portal's chain key (or, embedded, start the portal once to create ${file})`,
  );
}

export function anchorFilePath(): string {
  return path.resolve(setting("AUDIT_ANCHOR_FILE") ?? path.join(portalDataDir(), "audit-anchors.jsonl"));
}

/** The anchor signing key; on the embedded/development setup created at the first anchor when `create`. */
export function anchorSigningKey(options: { create: boolean }): KeyObject {
  const configured = setting("AUDIT_ANCHOR_KEY_FILE");
  if (configured) return createPrivateKey(readFileSync(configured, "utf8"));
  if (configuredDatabaseUrl()) {
    throw new Error("set AUDIT_ANCHOR_KEY_FILE to the anchor signing key (Ed25519, PEM; see the README)");
  }
  const file = path.join(portalDataDir(), "audit-anchor-key.pem");
  if (existsSync(file)) return createPrivateKey(readFileSync(file, "utf8"));
  if (!options.create) throw new Error(`no anchor key at ${file}: run npm run audit:anchor first`);
  const { privateKey } = generateKeyPairSync("ed25519");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600 });
  return privateKey;
}
