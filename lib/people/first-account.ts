// The first service-center account of a portal without the demo world (`npm run admin:create`).
// Everyone else is then registered from inside the portal; this is how an empty production
// database gets its first person. It signs in either with eID/itsme only (by national number)
// or also with a username and a password (the password login, lib/auth/options.ts).
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ZInsz } from "@/lib/insz";

const name = z.string().trim().min(1).max(100);

/** Usernames stay plain: they are typed on a phone and shown in logs. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3 to 64 characters: letters, digits, dot, dash, underscore");

/** NIST SP 800-63B: length, not composition rules; the upper bound keeps hashing bounded. */
export const ZNewPassword = z.string().min(12, "at least 12 characters").max(200, "at most 200 characters");

export const ZFirstAccount = z.strictObject({
  insz: ZInsz,
  firstName: name,
  lastName: name,
  login: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("password"), username: ZUsername, password: ZNewPassword }),
    z.strictObject({ kind: z.literal("oidc-only") }),
  ]),
});
export type FirstAccountInput = z.input<typeof ZFirstAccount>;

export type FirstAccountResult =
  { ok: true; personId: string } | { ok: false; reason: "person_exists" | "username_taken" };

/**
 * Creates a person with the SERVICE_CENTER role. Refuses (and writes nothing) when a person
 * with that national number, or an account with that username, already exists: this tool makes
 * new accounts, it never takes over or changes one.
 */
export async function createFirstServiceCenterAccount(
  db: PrismaClient,
  input: FirstAccountInput,
): Promise<FirstAccountResult> {
  const account = ZFirstAccount.parse(input);
  const login = account.login;
  const passwordHash = login.kind === "password" ? await hashPassword(login.password) : null;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.person.findUnique({ where: { insz: account.insz }, select: { id: true } })) {
        return { ok: false, reason: "person_exists" } as const;
      }
      if (login.kind === "password" && (await tx.person.findUnique({ where: { username: login.username } }))) {
        return { ok: false, reason: "username_taken" } as const;
      }
      const person = await tx.person.create({
        data: {
          insz: account.insz,
          firstName: account.firstName,
          lastName: account.lastName,
          username: login.kind === "password" ? login.username : null,
          passwordHash,
          locale: "nl-BE",
          roles: { create: [{ role: "SERVICE_CENTER" }] },
        },
        select: { id: true },
      });
      return { ok: true, personId: person.id } as const;
    });
  } catch (error) {
    // Two runs at once: the unique constraints decide, and the loser is told like above.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      return { ok: false, reason: target.includes("username") ? "username_taken" : "person_exists" };
    }
    throw error;
  }
}
