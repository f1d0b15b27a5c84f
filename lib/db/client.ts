// Builds a Prisma client over the pg driver adapter. The app's singleton (lib/db.ts) and the
// scripts and tests that need their own client (seed, migrations, benchmarks) all use this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, poolMax = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolMax });
  return new PrismaClient({ adapter });
}
