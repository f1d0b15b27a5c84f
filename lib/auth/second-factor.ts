// A second factor for the password login (ADR 0014): TOTP (RFC 6238, the six-digit codes of any
// authenticator app) through otplib, with one-time recovery codes for a lost phone.
//
// - The TOTP secret is stored encrypted (AES-256-GCM, key derived from AUTH_SECRET with HKDF), so
//   a copy of the database alone does not give anyone the codes.
// - A code is accepted once: the time step of the last accepted code is stored, and only a later
//   step passes (a compare-and-set, so two requests with the same code cannot both win).
// - Recovery codes are shown once, stored as an HMAC of the code, and each works once.
// - Wrong codes at login count as failed logins (lib/auth/password-login.ts), so codes are
//   throttled and locked out like passwords.
// Enrolment is two steps: a pending secret (QR code), then the first correct code turns it on.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import QRCode from "qrcode";
import { appLoginThrottle, type LoginThrottle } from "@/lib/auth/login-throttle";
import { authSecret } from "@/lib/auth/secret";
import { PortalError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient;

/** Pages and actions call without `db` and get the app's client; tests pass their own. */
async function resolveDb(db: Db | undefined): Promise<Db> {
  return db ?? (await import("@/lib/db")).prisma;
}

/** Authenticator-app defaults (SHA-1, 6 digits, 30 s): the only ones every app supports. */
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it rolled over. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;

// ---------------------------------------------------------------------------------------------
// Keys and encryption
// ---------------------------------------------------------------------------------------------

function derivedKey(purpose: "totp-secret" | "recovery-code"): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "care-record-portal/second-factor", purpose, 32));
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-secret"), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Throws on anything that was not encrypted with this portal's secret (tampered, other key). */
export function decryptSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("Unknown second-factor secret format");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("totp-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** Recovery codes as typed: case, spaces and dashes do not matter. */
function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

export function recoveryCodeHash(code: string): string {
  return createHmac("sha256", derivedKey("recovery-code")).update(normalizeRecoveryCode(code)).digest("hex");
}

/** Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 49 bits each. */
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

export const TOTP_CODE_PATTERN = /^\d{6}$/;
export const RECOVERY_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{5}-?[2-9A-HJKMNP-Z]{5}$/i;

/** The time step a code matched, or null. Only steps after `afterStep` count (no replay). */
async function matchingStep(secret: string, code: string, now: Date, afterStep: bigint | null): Promise<number | null> {
  if (!TOTP_CODE_PATTERN.test(code)) return null;
  const result = await verifyTotp({
    secret,
    token: code,
    period: PERIOD_SECONDS,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: Number(afterStep) }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// ---------------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------------

export type SecondFactorStatus =
  /** Signs in with eID/itsme only: no password, so nothing for a second factor to protect. */
  | { status: "no_password" }
  | { status: "none" }
  | { status: "pending"; secret: string; otpauthUri: string; qrCodeDataUrl: string }
  | { status: "enabled"; enabledAt: Date; recoveryCodesLeft: number };

async function pendingView(secret: string, label: { issuer: string; account: string }) {
  const otpauthUri = generateURI({ issuer: label.issuer, label: label.account, secret, period: PERIOD_SECONDS });
  // Rendered on the server as an SVG data URL: the secret never goes to a third-party QR service.
  const svg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, otpauthUri, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** The person's own second factor, as their account page shows it; the label names the account in the app. */
export async function readSecondFactor(input: {
  db?: Db;
  personId: string;
  issuer: string;
}): Promise<SecondFactorStatus> {
  const db = await resolveDb(input.db);
  const person = await db.person.findUniqueOrThrow({
    where: { id: input.personId },
    select: { username: true, passwordHash: true },
  });
  if (!person.passwordHash) return { status: "no_password" };
  const label = { issuer: input.issuer, account: person.username ?? input.personId };
  const row = await db.secondFactor.findUnique({ where: { personId: input.personId } });
  if (!row) return { status: "none" };
  if (row.enabledAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { personId: input.personId, usedAt: null } });
    return { status: "enabled", enabledAt: row.enabledAt, recoveryCodesLeft };
  }
  return { status: "pending", ...(await pendingView(decryptSecret(row.secretEncrypted), label)) };
}

/** Starts (or restarts) an enrolment with a fresh secret. Refused while a second factor is on. */
export async function beginEnrolment(input: { db?: Db; personId: string }): Promise<void> {
  const secretEncrypted = encryptSecret(generateSecret());
  await (
    await resolveDb(input.db)
  ).$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: input.personId }, select: { passwordHash: true } });
    if (!person?.passwordHash) {
      throw new PortalError("invalid_input", { userMessage: "This account signs in without a password." });
    }
    const existing = await tx.secondFactor.findUnique({ where: { personId: input.personId } });
    if (existing?.enabledAt) {
      throw new PortalError("conflict", { userMessage: "A second factor is already set up. Turn it off first." });
    }
    await tx.secondFactor.upsert({
      where: { personId: input.personId },
      create: { personId: input.personId, secretEncrypted },
      update: { secretEncrypted, createdAt: new Date(), lastUsedStep: null },
    });
  });
}

export type ConfirmResult =
  { ok: true; recoveryCodes: string[] } | { ok: false; problem: "wrong_code" | "not_pending" };

/**
 * The first correct code from the authenticator turns the second factor on and creates the
 * recovery codes, returned here once and never readable again.
 */
export async function confirmEnrolment(input: {
  db?: Db;
  personId: string;
  code: string;
  now?: Date;
}): Promise<ConfirmResult> {
  const now = input.now ?? new Date();
  const db = await resolveDb(input.db);
  const row = await db.secondFactor.findUnique({ where: { personId: input.personId } });
  if (!row || row.enabledAt) return { ok: false, problem: "not_pending" };
  const step = await matchingStep(decryptSecret(row.secretEncrypted), input.code.trim(), now, null);
  if (step === null) return { ok: false, problem: "wrong_code" };
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const enabled = await db.$transaction(async (tx) => {
    // Only the pending enrolment this code was checked against: a restart in between wins.
    const updated = await tx.secondFactor.updateMany({
      where: { personId: input.personId, enabledAt: null, secretEncrypted: row.secretEncrypted },
      data: { enabledAt: now, lastUsedStep: BigInt(step) },
    });
    if (updated.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { personId: input.personId } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((code) => ({ personId: input.personId, codeHash: recoveryCodeHash(code) })),
    });
    return true;
  });
  return enabled ? { ok: true, recoveryCodes } : { ok: false, problem: "not_pending" };
}

/**
 * Turns the second factor off, with a current code from the authenticator (or a recovery code).
 * Wrong codes count as failed logins of the account: a stolen session cannot guess its way to
 * turning the factor off any faster than a stranger could guess it at the login.
 */
export async function disableSecondFactor(input: {
  db?: Db;
  personId: string;
  code: string;
  throttle?: LoginThrottle;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; problem: "wrong_code" | "not_enabled" | "rate_limited" }> {
  const db = await resolveDb(input.db);
  const throttle = input.throttle ?? (await appLoginThrottle());
  const person = await db.person.findUnique({ where: { id: input.personId }, select: { username: true } });
  const keys = { username: person?.username ?? input.personId, clientAddress: null };
  if ((await throttle.check(keys)).locked) return { ok: false, problem: "rate_limited" };
  const verdict = await verifySecondFactor({ ...input, db });
  if (verdict === "not_enrolled") return { ok: false, problem: "not_enabled" };
  if (verdict === "wrong_code") {
    const state = await throttle.recordFailure(keys);
    return { ok: false, problem: state.locked ? "rate_limited" : "wrong_code" };
  }
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { personId: input.personId } }),
    db.secondFactor.deleteMany({ where: { personId: input.personId } }),
  ]);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// At login
// ---------------------------------------------------------------------------------------------

export type SecondFactorVerdict = "ok" | "ok_recovery_code" | "wrong_code" | "not_enrolled";

/**
 * Checks a code for a person with an enabled second factor and uses it up: a TOTP code's time
 * step becomes the last used one, a recovery code is marked used. "wrong_code" also for a code
 * already used.
 */
export async function verifySecondFactor(input: {
  db: Db;
  personId: string;
  code: string;
  now?: Date;
}): Promise<SecondFactorVerdict> {
  const now = input.now ?? new Date();
  const code = input.code.trim();
  const row = await input.db.secondFactor.findUnique({ where: { personId: input.personId } });
  if (!row?.enabledAt) return "not_enrolled";

  if (RECOVERY_CODE_PATTERN.test(code)) {
    const used = await input.db.recoveryCode.updateMany({
      where: { personId: input.personId, codeHash: recoveryCodeHash(code), usedAt: null },
      data: { usedAt: now },
    });
    return used.count === 1 ? "ok_recovery_code" : "wrong_code";
  }

  const step = await matchingStep(decryptSecret(row.secretEncrypted), code, now, row.lastUsedStep);
  if (step === null) return "wrong_code";
  // Compare-and-set: of two logins with the same code at the same moment, only one moves the step.
  const accepted = await input.db.secondFactor.updateMany({
    where: {
      personId: input.personId,
      enabledAt: { not: null },
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }],
    },
    data: { lastUsedStep: BigInt(step) },
  });
  return accepted.count === 1 ? "ok" : "wrong_code";
}

/** Whether a person has a second factor turned on (the login asks for a code, the gate lets them on). */
export async function hasSecondFactor(db: Db, personId: string): Promise<boolean> {
  return (await db.secondFactor.count({ where: { personId, enabledAt: { not: null } } })) > 0;
}
