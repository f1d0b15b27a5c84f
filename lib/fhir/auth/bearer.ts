// Who is calling the FHIR API: the bearer token of a system client (ADR 0017), resolved on every
// request against the stored token hashes and the configured clients. An unknown, expired or
// malformed token, or one of a client no longer configured, is a 401 with an OperationOutcome;
// the answer does not say which of these it was.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FhirError } from "../outcome";
import { configuredSystemClients, type SystemClientRegistry } from "./clients";
import { accessTokenHash } from "./token";

/** A system client past authentication, with the scopes of its token. */
export type SystemCaller = { clientId: string; scopes: readonly string[] };

/** Our tokens are 32 random bytes in base64url: 43 characters. Anything else is not one. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function unauthorized(): FhirError {
  return new FhirError(
    401,
    {
      code: "login",
      diagnostics:
        "A valid bearer access token is required (SMART Backend Services, see /api/fhir/.well-known/smart-configuration).",
    },
    { "WWW-Authenticate": 'Bearer realm="fhir"' },
  );
}

export async function authenticateSystemCaller(input: {
  authorization: string | null;
  db?: PrismaClient;
  now?: Date;
  clients?: SystemClientRegistry;
}): Promise<SystemCaller> {
  const match = /^Bearer ([^\s]+)$/i.exec(input.authorization?.trim() ?? "");
  const token = match?.[1];
  if (!token || !TOKEN_FORMAT.test(token)) throw unauthorized();
  const db = input.db ?? (await import("@/lib/db")).prisma;
  const now = input.now ?? new Date();
  const stored = await db.fhirAccessToken.findUnique({ where: { tokenHash: accessTokenHash(token) } });
  if (!stored || stored.expiresAt.getTime() <= now.getTime()) throw unauthorized();
  const clients = input.clients ?? (await configuredSystemClients());
  if (!clients.has(stored.clientId)) throw unauthorized();
  return { clientId: stored.clientId, scopes: stored.scopes };
}
