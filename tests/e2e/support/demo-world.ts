// Resets the end-to-end portal's database to the exact demo world, for specs that change state
// (accepting a declaration, breaking the glass, getting suspended). It runs `npm run db:seed`
// against the same database scripts/e2e-server.ts gave the portal; the access log survives
// (append-only), every other table is rebuilt. Sessions are part of that: log in afterwards.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { e2eDatabaseUrl } from "./e2e-database";

export function reseedDemoWorld(): void {
  // db:seed refuses a DATABASE_URL without it (scripts/demo-world.ts); the e2e database is the demo world's.
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_WORLD: "true" };
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = e2eDatabaseUrl(process.env.DATABASE_URL).url;
  } else {
    // The running e2e portal's embedded server; db:seed connects to it through its state file.
    env.PORTAL_DATA_DIR = resolve(".data/e2e");
  }
  execFileSync("npx", ["tsx", "scripts/db/seed.ts"], { env, stdio: "pipe", timeout: 120_000 });
}
