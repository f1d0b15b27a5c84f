// `npm run db:seed`: migrates, loads the reference data and resets the demo world
// (shared/spec/demo-world.md). Works while the portal runs: it then goes through the portal's
// embedded server, and the seed's single transaction swaps the old world for the new at once.
import { pathToFileURL } from "node:url";
import { withCommandDatabase } from "./command-database";
import { describeMigrationResult, migrateDatabase } from "./migrate";

export type SeedMode = "reset" | "when-empty";

/**
 * Reference data always (idempotent: declarations and privacy statement); the demo world
 * always for "reset", and for "when-empty" only on a database without any person, so that
 * `npm start` never overwrites what someone did in the portal.
 * Returns whether the demo world was (re)built.
 */
export async function seedDatabase(databaseUrl: string, mode: SeedMode, poolMax = 5): Promise<boolean> {
  // Imported late: the generated client must exist first (npm start generates it when missing).
  const [{ createPrismaClient }, { ensureReferenceData }, { seedDemoWorld }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/declarations/reference-data"),
    import("@/lib/demo-world/seed"),
  ]);
  const prisma = createPrismaClient(databaseUrl, poolMax);
  try {
    await ensureReferenceData(prisma);
    if (mode === "when-empty" && (await prisma.person.count()) > 0) return false;
    await seedDemoWorld(prisma);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<void> {
  await withCommandDatabase(async ({ url, ownerUrl }) => {
    console.log(describeMigrationResult(await migrateDatabase(ownerUrl)));
    await seedDatabase(url, "reset");
    console.log("Demo world reset (reference data loaded). Demo login: p.an / demo");
  });
}

// Run as a command (not when imported by npm start or the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`db:seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
