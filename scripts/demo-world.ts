// Whether a database gets the demo world (shared/spec/demo-world.md: fourteen accounts with
// password "demo", staff roles included, with valid national numbers). Only where it cannot
// harm: the embedded database (no DATABASE_URL), or when asked for explicitly with
// DEMO_WORLD=true. Never by default on DATABASE_URL: a citizen whose real national number equals
// a demo one would otherwise sign in with eID as that demo person, staff roles and all.
//
// `npm start` calls prepareDatabaseContent() at its seeding step and passes the decision on to
// the portal as DEMO_WORLD=true|false (lib/env.ts), which offers the demo login only then.
// `npm run db:seed` asks demoWorldWanted() too, and refuses without it.
import { seedDatabase } from "./db/seed";

export type DemoWorldSettings = {
  /** DATABASE_URL, when set: a real PostgreSQL rather than the embedded one. */
  databaseUrl: string | undefined;
  /** DEMO_WORLD as configured. */
  demoWorld: string | undefined;
};

export function demoWorldWanted({ databaseUrl, demoWorld }: DemoWorldSettings): boolean {
  const flag = (demoWorld ?? "").trim().toLowerCase();
  if (["true", "1", "yes"].includes(flag)) return true;
  if (["false", "0", "no"].includes(flag)) return false;
  if (flag !== "") throw new Error(`DEMO_WORLD must be true or false, got "${demoWorld}"`);
  return !databaseUrl;
}

export const FIRST_ACCOUNT_HINT = [
  "This portal has no accounts yet. Create the first service-center account with:",
  "  npm run admin:create",
  "(it asks for the national number, the name and a password, or use --oidc-only for eID/itsme only).",
];

/**
 * The seeding step of `npm start`: reference data always; the demo world on an empty database
 * when it is wanted. Returns the lines to print, with how to create the first account when the
 * portal has none.
 */
export async function prepareDatabaseContent(
  databaseUrl: string,
  options: { demoWorld: boolean; poolMax: number },
): Promise<string[]> {
  const result = await seedDatabase(databaseUrl, options.demoWorld ? "when-empty" : "reference-only", options.poolMax);
  if (result.demoWorldSeeded) return ["Empty database: demo world seeded."];
  if (result.people === 0)
    return ["Reference data loaded; no demo world (DEMO_WORLD is not true).", ...FIRST_ACCOUNT_HINT];
  return ["Reference data checked; existing data kept."];
}
