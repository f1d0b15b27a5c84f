// Reference data every database needs before anyone can log in: the user declarations of every
// role (versions 1 to 4, 4 current; the roles introduced with version 4 have that one only) and
// the privacy statement. Run by the seed and at start-up.
//
// Insert-if-missing, never update: a user's acceptance refers to the exact text of a version,
// so a published version must not change under them. A new text is a new version.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { type DeclarationVersion, declarationText, declarationVersionsOf } from "./content/declarations";
import { PRIVACY_STATEMENT_VERSIONS, privacyStatementText } from "./content/privacy-statement";

// Fixed publication dates, so the history reads the same on every database; the demo world's
// acceptance dates are placed after these.
export const DECLARATION_PUBLISHED_AT: Record<DeclarationVersion, Date> = {
  1: new Date("2023-01-16T08:00:00.000Z"),
  2: new Date("2024-03-04T08:00:00.000Z"),
  3: new Date("2025-02-03T08:00:00.000Z"),
  4: new Date("2026-09-01T07:00:00.000Z"),
};

export const PRIVACY_STATEMENT_PUBLISHED_AT: Record<(typeof PRIVACY_STATEMENT_VERSIONS)[number], Date> = {
  1: new Date("2023-01-16T08:00:00.000Z"),
};

type Db = PrismaClient | Prisma.TransactionClient;

export async function ensureReferenceData(prisma: Db): Promise<void> {
  const declarations: Prisma.DeclarationVersionCreateManyInput[] = Object.values(Role).flatMap((role) =>
    declarationVersionsOf(role).map((version) => ({
      role,
      version,
      content: declarationText(role, version),
      publishedAt: DECLARATION_PUBLISHED_AT[version],
    })),
  );
  // skipDuplicates relies on the unique (role, version): concurrent start-ups cannot double-insert.
  await prisma.declarationVersion.createMany({ data: declarations, skipDuplicates: true });

  await prisma.privacyStatementVersion.createMany({
    data: PRIVACY_STATEMENT_VERSIONS.map((version) => ({
      version,
      content: privacyStatementText(version),
      publishedAt: PRIVACY_STATEMENT_PUBLISHED_AT[version],
    })),
    skipDuplicates: true,
  });
}
