// The one Prisma client of the application. Only the data access layer in lib/ imports it;
// pages, components and route handlers never do.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { env } from "@/lib/env";

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start` or set it to a PostgreSQL URL");
  }
  return createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX);
}

// One client per process, also across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
