// The one Prisma client of the application. Only the data access layer in lib/ imports it;
// pages, components and route handlers never do.
import "server-only";
import type pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPgPool, createPrismaClient } from "@/lib/db/client";
import { reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { env } from "@/lib/env";

type Database = { pool: pg.Pool; prisma: PrismaClient };

function createDatabase(): Database {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start` or set it to a PostgreSQL URL");
  }
  // One pool per process, shared by Prisma and the login throttle's PostgreSQL store.
  const pool = createPgPool(env.DATABASE_URL, env.DATABASE_POOL_MAX);
  // An idle connection the server ended (a shutdown, a restart): pg drops it from the pool and
  // reports it here. Without a listener it would crash the process; with it, pages answer 503
  // before any request has to fail (lib/availability/health.ts).
  pool.on("error", (error) => {
    if (isDatabaseUnavailable(error)) reportDatabaseUnavailable();
  });
  return { pool, prisma: createPrismaClient(pool) };
}

// One client per process, also across hot reloads in development.
const globalForPrisma = globalThis as unknown as { portalDatabase?: Database };

const database: Database = globalForPrisma.portalDatabase ?? createDatabase();
if (env.NODE_ENV !== "production") globalForPrisma.portalDatabase = database;

export const prisma: PrismaClient = database.prisma;
/** The pool under `prisma`, for libraries that take a pg pool (rate-limiter-flexible). */
export const pgPool: pg.Pool = database.pool;
