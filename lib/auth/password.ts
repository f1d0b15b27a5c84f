// Password hashing for the password login (ADR 0013). argon2id at OWASP's current minimum for it
// (Password Storage Cheat Sheet, 2025: m = 19 MiB, t = 2, p = 1), through @node-rs/argon2 (a
// prebuilt native binding, about 40 ms per hash here; scrypt at OWASP's N = 2^17 took 1.3 s and
// 128 MiB per login on the same machine). Every hash carries its own parameters and salt (PHC
// string format), so the cost can be raised later: a hash below the current cost, or one in the
// older scrypt format (scrypt$N$r$p$<salt>$<hash>), still verifies and is replaced on the next
// successful login (needsRehash).
import { scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";

/** OWASP's argon2id minimum (2025). */
export const PASSWORD_COST = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

// A stored hash with absurd parameters would let whoever can write one make every login burn
// memory and CPU: refuse instead of computing.
const MAX_ARGON2_MEMORY_KIB = 256 * 1024;
const MAX_ARGON2_TIME = 10;
const MAX_ARGON2_PARALLELISM = 8;
const MAX_SCRYPT_N = 1 << 20;
const MAX_SCRYPT_R = 32;
const MAX_SCRYPT_P = 16;

/** Unicode normalization: the same password typed on two keyboards gives the same bytes. */
const normalize = (password: string) => password.normalize("NFKC");

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(normalize(password), { algorithm: ARGON2ID, ...PASSWORD_COST });
}

type Argon2Parameters = { memoryCost: number; timeCost: number; parallelism: number };

/** The parameters of a `$argon2id$v=19$m=…,t=…,p=…$salt$hash` string, or null when it is not one. */
function argon2Parameters(stored: string): Argon2Parameters | null {
  const match = /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,3}),p=(\d{1,3})\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{22,}$/.exec(
    stored,
  );
  if (!match) return null;
  const [memoryCost, timeCost, parallelism] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const withinBounds =
    memoryCost >= 8 * parallelism &&
    memoryCost <= MAX_ARGON2_MEMORY_KIB &&
    timeCost >= 1 &&
    timeCost <= MAX_ARGON2_TIME &&
    parallelism >= 1 &&
    parallelism <= MAX_ARGON2_PARALLELISM;
  return withinBounds ? { memoryCost, timeCost, parallelism } : null;
}

/** False for a wrong password and for any malformed or unsupported stored hash; never throws on those. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (typeof password !== "string" || typeof stored !== "string") return false;
  if (stored.startsWith("$argon2id$")) {
    if (!argon2Parameters(stored)) return false;
    try {
      return await argon2Verify(stored, normalize(password));
    } catch {
      return false;
    }
  }
  if (stored.startsWith("scrypt$")) return verifyScrypt(password, stored);
  return false;
}

/**
 * True when a hash that just verified should be replaced by one at the current cost: an older
 * scheme, or argon2id with any parameter below PASSWORD_COST.
 */
export function needsRehash(stored: string): boolean {
  const parameters = argon2Parameters(stored);
  if (!parameters) return true;
  return (
    parameters.memoryCost < PASSWORD_COST.memoryCost ||
    parameters.timeCost < PASSWORD_COST.timeCost ||
    parameters.parallelism < PASSWORD_COST.parallelism
  );
}

// --- The previous scheme, verified only so that stored hashes keep working until rehashed ------

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(normalize(password), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string];
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  const validCost =
    Number.isInteger(N) &&
    N > 1 &&
    N <= MAX_SCRYPT_N &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= MAX_SCRYPT_R &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= MAX_SCRYPT_P;
  if (!validCost) return false;
  const salt = Buffer.from(saltText, "base64");
  const expected = Buffer.from(hashText, "base64");
  if (salt.length === 0 || expected.length < 16) return false;
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is too tight for larger N.
  const actual = await scrypt(password, salt, expected.length, { N, r, p, maxmem: 128 * N * r * 2 });
  // Constant-time: the comparison must not reveal how many leading bytes matched.
  return timingSafeEqual(actual, expected);
}
