// The demo record system `ehr-demo` (issue 11): a system client whose key pair lives in the data
// folder, generated the first time anything needs it (the portal verifying its first token
// request, or `npm run fhir:client` printing it). Nothing at start-up has to remember to create
// it, and a fresh data folder gets a fresh key.
//
// Two processes may ask at once (the portal and `npm run fhir:client`): the private key is
// written to a temporary file and linked into place, which fails if another process got there
// first; the loser then reads the winner's key. Both always end up with the same pair.
import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export const DEMO_CLIENT_ID = "ehr-demo";
/** SMART Backend Services requires RS384 or ES384 support; the demo client signs with ES384. */
export const DEMO_CLIENT_ALG = "ES384";
export const DEMO_CLIENT_SCOPES = ["system/*.write"] as const;

export type DemoClientKeys = { privateJwk: JWK; publicJwk: JWK; files: { privateKey: string; publicKey: string } };

export function demoClientKeyFiles(dataDir: string): DemoClientKeys["files"] {
  const folder = path.join(dataDir, "fhir");
  return {
    privateKey: path.join(folder, `${DEMO_CLIENT_ID}.private.jwk`),
    publicKey: path.join(folder, `${DEMO_CLIENT_ID}.public.jwk`),
  };
}

/** The public half of a private JWK: every private parameter dropped. */
export function publicJwkOf(privateJwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, ...publicJwk } = privateJwk;
  return publicJwk;
}

async function readJwk(file: string): Promise<JWK | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`Cannot read the demo FHIR client key ${file}: ${(error as Error).message}`);
  }
}

/** Writes `content` to `file` unless it exists; returns false when another writer was first. */
async function createExclusively(file: string, content: string, mode: number): Promise<boolean> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content, { mode });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

/** The demo client's key pair in `dataDir`, generated on the first call. */
export async function ensureDemoClientKeys(dataDir: string): Promise<DemoClientKeys & { created: boolean }> {
  const files = demoClientKeyFiles(dataDir);
  let privateJwk = await readJwk(files.privateKey);
  let created = false;
  if (!privateJwk) {
    await mkdir(path.dirname(files.privateKey), { recursive: true, mode: 0o700 });
    const { privateKey } = await generateKeyPair(DEMO_CLIENT_ALG, { extractable: true });
    const generated = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(publicJwkOf(generated));
    const candidate: JWK = { ...generated, kid, alg: DEMO_CLIENT_ALG, use: "sig" };
    created = await createExclusively(files.privateKey, `${JSON.stringify(candidate, null, 2)}\n`, 0o600);
    privateJwk = created ? candidate : await readJwk(files.privateKey);
    if (!privateJwk) throw new Error(`The demo FHIR client key ${files.privateKey} vanished while it was created`);
  }
  const publicJwk = publicJwkOf(privateJwk);
  // Derived from the private key every time: a stale or edited public file cannot disagree with it.
  const storedPublic = await readJwk(files.publicKey);
  if (JSON.stringify(storedPublic) !== JSON.stringify(publicJwk)) {
    await writeFile(files.publicKey, `${JSON.stringify(publicJwk, null, 2)}\n`, { mode: 0o644 });
  }
  return { privateJwk, publicJwk, files, created };
}

/**
 * A client assertion as SMART Backend Services wants it: iss = sub = the client id, aud = the
 * token endpoint, a fresh jti, valid for `seconds` (at most 300). For `npm run fhir:client`.
 */
export async function signClientAssertion(input: {
  privateJwk: JWK;
  clientId: string;
  tokenEndpoint: string;
  seconds?: number;
}): Promise<string> {
  const alg = input.privateJwk.alg ?? DEMO_CLIENT_ALG;
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg, kid: input.privateJwk.kid, typ: "JWT" })
    .setIssuer(input.clientId)
    .setSubject(input.clientId)
    .setAudience(input.tokenEndpoint)
    .setIssuedAt()
    .setExpirationTime(`${Math.min(input.seconds ?? 240, 300)}s`)
    .sign(await importJWK(input.privateJwk, alg));
}
