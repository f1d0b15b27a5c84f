// The database an end-to-end run owns, next to the one DATABASE_URL names: `<name>_e2e`.
// Shared by scripts/e2e-server.ts (which recreates it) and the specs (which reseed it).
import { siblingDatabaseUrl } from "../../../scripts/db/sibling-database";

export function e2eDatabaseUrl(databaseUrl: string): { url: string; name: string } {
  return siblingDatabaseUrl(databaseUrl, "e2e");
}
