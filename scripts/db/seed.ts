// `npm run db:seed`: migrates, loads the reference data and resets the demo world
// (shared/spec/demo-world.md). Works while the portal runs: it then goes through the portal's
// embedded server, and the seed's single transaction swaps the old world for the new at once.
// On DATABASE_URL it refuses unless DEMO_WORLD=true (scripts/demo-world.ts): resetting a real
// database into the demo world would erase it.
import { pathToFileURL } from "node:url";
import { withCommandDatabase } from "./command-database";
import { configuredDatabaseUrl } from "./config";
import { describeMigrationResult, migrateDatabase } from "./migrate";

export type SeedMode = "reset" | "when-empty" | "reference-only";

export type SeedResult = { demoWorldSeeded: boolean; people: number };

/**
 * Reference data always (idempotent: declarations and privacy statement); the demo world
 * always for "reset", for "when-empty" only on a database without any person, so that
 * `npm start` never overwrites what someone did in the portal, and never for "reference-only".
 */
export async function seedDatabase(databaseUrl: string, mode: SeedMode, poolMax = 5): Promise<SeedResult> {
  // Imported late: the generated client must exist first (npm start generates it when missing).
  const [{ createPrismaClient }, { ensureReferenceData }, { seedDemoWorld }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/declarations/reference-data"),
    import("@/lib/demo-world/seed"),
  ]);
  const prisma = createPrismaClient(databaseUrl, poolMax);
  try {
    await ensureReferenceData(prisma);
    const people = await prisma.person.count();
    if (mode === "reference-only" || (mode === "when-empty" && people > 0)) return { demoWorldSeeded: false, people };
    await seedDemoWorld(prisma);
    return { demoWorldSeeded: true, people: await prisma.person.count() };
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<void> {
  const { demoWorldWanted } = await import("../demo-world");
  if (!demoWorldWanted({ databaseUrl: configuredDatabaseUrl(), demoWorld: process.env.DEMO_WORLD })) {
    console.error(
      "db:seed refused: DATABASE_URL is set and DEMO_WORLD is not true. The demo world replaces every person in the database; on a real database set DEMO_WORLD=true only if that is what you want.",
    );
    process.exit(1);
  }
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
