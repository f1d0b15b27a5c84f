// The system clients of the FHIR API are configuration, not data (ADR 0017): FHIR_CLIENTS in
// lib/env.ts (each with its public keys inline or in a JWKS file, and the scopes it may be
// granted), plus the demo record system `ehr-demo` wherever the demo is on. Removing a client
// from the configuration ends its access at once: its tokens are checked against this list on
// every request.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { importJWK, type JSONWebKeySet, type JWK } from "jose";
import { env, fhirDemoClientEnabled, type FhirClientConfig } from "@/lib/env";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SCOPES, ensureDemoClientKeys } from "./demo-client";

export type SystemClient = {
  clientId: string;
  name: string;
  /** The most this client is ever granted; a token request may ask for less. */
  scopes: readonly string[];
  /** Public keys only: a configured private key is refused at load time. */
  jwks: JSONWebKeySet;
};

export type SystemClientRegistry = ReadonlyMap<string, SystemClient>;

/** The signature algorithms accepted on client assertions: SMART's RS384/ES384, and RS256/ES256. */
export const ASSERTION_ALGORITHMS = ["RS384", "ES384", "RS256", "ES256"] as const;

const PRIVATE_PARAMETERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

async function checkedKeys(clientId: string, jwks: { keys: unknown[] }): Promise<JSONWebKeySet> {
  const keys: JWK[] = [];
  for (const [index, raw] of jwks.keys.entries()) {
    const key = raw as JWK;
    const where = `FHIR client "${clientId}", key ${index}`;
    if (PRIVATE_PARAMETERS.some((parameter) => Object.hasOwn(key, parameter))) {
      throw new Error(`${where}: a private or symmetric key; configure the client's PUBLIC key only`);
    }
    if (key.kty !== "EC" && key.kty !== "RSA") throw new Error(`${where}: kty must be EC or RSA`);
    if (key.alg && !(ASSERTION_ALGORITHMS as readonly string[]).includes(key.alg)) {
      throw new Error(`${where}: alg must be one of ${ASSERTION_ALGORITHMS.join(", ")}`);
    }
    // Imports it once to fail at load time on a malformed key, not on the client's first request.
    try {
      await importJWK(key, key.alg ?? (key.kty === "EC" ? (key.crv === "P-256" ? "ES256" : "ES384") : "RS384"));
    } catch (error) {
      throw new Error(`${where}: not a usable key (${(error as Error).message})`);
    }
    keys.push(key);
  }
  return { keys };
}

async function configuredClient(config: FhirClientConfig, baseDir: string): Promise<SystemClient> {
  let jwks = config.jwks;
  if (!jwks && config.jwksFile) {
    const file = path.resolve(baseDir, config.jwksFile);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new Error(`FHIR client "${config.clientId}": cannot read JWKS file ${file} (${(error as Error).message})`);
    }
    const keys = (parsed as { keys?: unknown }).keys;
    if (!Array.isArray(keys) || keys.length === 0) {
      throw new Error(`FHIR client "${config.clientId}": ${file} is not a JWKS ({"keys": [...]})`);
    }
    jwks = { keys: keys as Record<string, unknown>[] };
  }
  if (!jwks) throw new Error(`FHIR client "${config.clientId}": no keys`);
  return {
    clientId: config.clientId,
    name: config.name ?? config.clientId,
    scopes: config.scopes,
    jwks: await checkedKeys(config.clientId, jwks),
  };
}

export type RegistrySettings = {
  clients: readonly FhirClientConfig[];
  /** The data folder of the demo client's keys; null when the demo client is off. */
  demoDataDir: string | null;
  /** Relative JWKS file paths are resolved against this folder. */
  baseDir: string;
};

export async function loadSystemClients(settings: RegistrySettings): Promise<SystemClientRegistry> {
  const registry = new Map<string, SystemClient>();
  for (const config of settings.clients)
    registry.set(config.clientId, await configuredClient(config, settings.baseDir));
  if (settings.demoDataDir !== null) {
    if (registry.has(DEMO_CLIENT_ID)) {
      throw new Error(
        `FHIR client id "${DEMO_CLIENT_ID}" is the demo client's; switch FHIR_DEMO_CLIENT_ENABLED off to reuse it`,
      );
    }
    const { publicJwk } = await ensureDemoClientKeys(settings.demoDataDir);
    registry.set(DEMO_CLIENT_ID, {
      clientId: DEMO_CLIENT_ID,
      name: "Demo record system",
      scopes: DEMO_CLIENT_SCOPES,
      jwks: await checkedKeys(DEMO_CLIENT_ID, { keys: [publicJwk] }),
    });
  }
  return registry;
}

let cached: Promise<SystemClientRegistry> | undefined;

/** The portal's clients from lib/env.ts, loaded once per process (a failed load is retried). */
export function configuredSystemClients(): Promise<SystemClientRegistry> {
  cached ??= loadSystemClients({
    clients: env.FHIR_CLIENTS,
    demoDataDir: fhirDemoClientEnabled ? path.resolve(env.PORTAL_DATA_DIR) : null,
    baseDir: process.cwd(),
  }).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
