// Databases that a test run owns next to the one DATABASE_URL names (`<name>_test`,
// `<name>_e2e`), so a run never touches the developer's own data. Used by the Vitest global
// setup, the end-to-end server and the end-to-end specs that reseed it.
import pg from "pg";

export function siblingDatabaseUrl(databaseUrl: string, suffix: string): { url: string; name: string } {
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

/** Drops and creates `name`, empty or as a copy of `template` (which nobody may be connected to). */
export async function recreateDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // FORCE ends connections that an interrupted earlier run may have left behind.
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const create = `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`;
    // A client that just disconnected from the template may keep its server process for some
    // milliseconds more, and a copy refuses a template with sessions (55006): wait for it.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(create);
        break;
      } catch (error) {
        const busy = (error as { code?: string }).code === "55006";
        if (!template || !busy || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await client.end();
  }
}
