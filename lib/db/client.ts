// Builds a Prisma client over the pg driver adapter. The app's singleton (lib/db.ts) and the
// scripts and tests that need their own client (seed, migrations, benchmarks) all use this.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A pg pool; the app shares one between Prisma and the login throttle (lib/auth/login-throttle.ts). */
export function createPgPool(connectionString: string, poolMax = 10): pg.Pool {
  return new pg.Pool({ connectionString, max: poolMax });
}

/** Over its own pool (closed by $disconnect), or over a pool the caller owns and closes. */
export function createPrismaClient(connection: string | pg.Pool, poolMax = 10): PrismaClient {
  const adapter = new PrismaPg(
    typeof connection === "string" ? { connectionString: connection, max: poolMax } : connection,
  );
  return new PrismaClient({ adapter });
}
