// Prisma CLI configuration. The schema engine cannot be downloaded on these machines; only
// `prisma generate` runs through the CLI, and it needs PRISMA_SCHEMA_ENGINE_BINARY to point at
// any executable so it does not try to fetch one. Migrations run through the WebAssembly
// schema engine instead (scripts/db/, ADR 0002).
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
