// Databases that a test run owns next to the one DATABASE_URL names (`<name>_test`,
// `<name>_e2e`), so a run never touches the developer's own data. Used by the Vitest global
// setup, the end-to-end server and the end-to-end specs that reseed it.
import pg from "pg";

export function siblingDatabaseUrl(databaseUrl: string, suffix: "test" | "e2e"): { url: string; name: string } {
  const url = new URL(databaseUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const name = `${base}_${suffix}`;
  // The name goes into DROP DATABASE: accept plain identifiers only rather than trust quoting.
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(
      `Cannot derive a ${suffix} database name from "${base}": use a plain database name in DATABASE_URL`,
    );
  }
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // FORCE ends connections that an interrupted earlier run may have left behind.
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
