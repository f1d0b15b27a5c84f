// The database an end-to-end run owns, next to the one DATABASE_URL names: `<name>_e2e`.
// Shared by scripts/e2e-server.ts (which recreates it) and the specs (which reseed it).
export function e2eDatabaseUrl(databaseUrl: string): { url: string; name: string } {
  const url = new URL(databaseUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const name = `${base}_e2e`;
  // The name goes into DROP DATABASE: allow only plain identifiers rather than trust quoting.
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Cannot derive an end-to-end database name from "${base}": use a plain name in DATABASE_URL`);
  }
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}
