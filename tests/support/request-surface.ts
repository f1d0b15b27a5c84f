// The portal's request surface as the code declares it, for the request matrix and the fuzz tests
// (ADR 0022): every route handler (each exported HTTP method of app/**/route.ts) and every server
// action (each export of a "use server" module), found by reading the tree, so a new one is in
// the tests the moment it exists. Plus what both tests need to call them in-process: one demo
// actor per role, requests shaped as a browser on the portal's own pages sends them, and a
// change watcher that says whether any row of the database changed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import type { SessionState } from "@/lib/auth/portal-session";
import { demoIds } from "@/lib/demo-world/ids";
import type { Role } from "@/lib/generated/prisma/enums";
import { formActionInfo, type ActionGate, type FormAction } from "@/lib/http/action";
import { gated } from "./actors";
import { testPrisma } from "./database";

export const root = path.resolve(__dirname, "../..");
export const BASE_URL = "http://127.0.0.1:3000";

/** One demo account per role (the demo world's), and nobody signed in: the matrix's columns. */
export const IDENTITIES = {
  none: null,
  PATIENT: demoIds.patients.an,
  TRUSTED_PERSON: demoIds.users.tom,
  DOCTOR: demoIds.users.dirk,
  CAREGIVER: demoIds.users.carl,
  NURSE: demoIds.users.nina,
  SERVICE_CENTER: demoIds.users.sara,
  COORDINATOR: demoIds.users.kris,
  PRIVACY_OFFICER: demoIds.users.otto,
  LEGAL_REPRESENTATIVE: demoIds.users.rita,
} as const satisfies { none: null } & Record<Role, string>;
export type Identity = keyof typeof IDENTITIES;
export const COLUMNS = Object.keys(IDENTITIES) as Identity[];

/** The session a request of `identity` carries: past every gate in its one role, or none. */
export function sessionOf(identity: Identity): SessionState {
  if (identity === "none") return { status: "none" };
  const actor: Actor = gated(IDENTITIES[identity], identity);
  return { status: "active", actor };
}

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(path.join("lib", "generated")) ? [] : files(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
export type FoundRoute = { key: string; method: string; handler: RouteHandler };

/** Every exported HTTP method of every app/**\/route.ts, keyed "METHOD app/…/route.ts". */
export async function findRouteHandlers(): Promise<FoundRoute[]> {
  const found: FoundRoute[] = [];
  for (const file of files(path.join(root, "app"), (name) => /^route\.tsx?$/.test(name))) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof module[method] === "function") {
        found.push({
          key: `${method} ${path.relative(root, file)}`,
          method,
          handler: module[method] as RouteHandler,
        });
      }
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

export type FoundAction = { key: string; action: FormAction; gate: ActionGate | undefined };

/** Every export of every "use server" module under app/, components/ and lib/, keyed "file#export". */
export async function findServerActions(): Promise<FoundAction[]> {
  const found: FoundAction[] = [];
  const sources = ["app", "components", "lib"].flatMap((dir) =>
    files(path.join(root, dir), (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)),
  );
  for (const file of sources.filter((source) => /["']use server["']/.test(readFileSync(source, "utf8")))) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      found.push({
        key: `${path.relative(root, file)}#${name}`,
        action: value as FormAction,
        gate: formActionInfo(value)?.gate,
      });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** A request as the portal's own pages send it: same Origin, JSON when there is a body. */
export function portalRequest(
  method: string,
  url: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): NextRequest {
  const headers: Record<string, string> = { host: new URL(BASE_URL).host, origin: BASE_URL, ...init.headers };
  if (init.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
    headers["content-type"] = "application/json";
  }
  return new NextRequest(new URL(url, BASE_URL), { method, headers, body: init.body });
}

/** Where a redirect() thrown by a page guard or an action points; undefined for any other throw. */
export function redirectTarget(error: unknown): string | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;") ? digest.split(";")[2] : undefined;
}

/**
 * Counts every committed row change in the application's tables, cheaply enough to ask after
 * each of thousands of fuzz cases: a row-level trigger on every table bumps one counter, in a
 * schema of the test's own that `uninstall` drops again (the schema under test is not changed
 * for the other test files). A rolled-back change rolls its bump back too, so the counter moves
 * exactly when the database changed. The counter remembers which tables changed.
 */
export function changeWatcher() {
  const db = testPrisma();
  const schema = "request_surface_watch";
  return {
    async install(): Promise<void> {
      const tables = await db.$queryRaw<{ tablename: string }[]>`
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
      await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.$executeRawUnsafe(`CREATE SCHEMA ${schema}`);
      await db.$executeRawUnsafe(`CREATE TABLE ${schema}.changes (table_name text PRIMARY KEY, n bigint NOT NULL)`);
      // SECURITY DEFINER: the portal's own database role may have no rights on this schema.
      await db.$executeRawUnsafe(`
        CREATE FUNCTION ${schema}.bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          INSERT INTO ${schema}.changes VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (table_name) DO UPDATE SET n = ${schema}.changes.n + 1;
          RETURN NULL;
        END $$`);
      for (const { tablename } of tables) {
        const quoted = `"${tablename.replaceAll('"', '""')}"`;
        await db.$executeRawUnsafe(
          `CREATE TRIGGER request_surface_watch AFTER INSERT OR UPDATE OR DELETE ON ${quoted}
           FOR EACH ROW EXECUTE FUNCTION ${schema}.bump()`,
        );
      }
    },
    /** Changed rows per table since the install. */
    async counts(): Promise<Record<string, number>> {
      const rows = await db.$queryRawUnsafe<{ table_name: string; n: bigint }[]>(
        `SELECT table_name, n FROM ${schema}.changes ORDER BY table_name`,
      );
      return Object.fromEntries(rows.map((row) => [row.table_name, Number(row.n)]));
    },
    async uninstall(): Promise<void> {
      const tables = await db.$queryRaw<{ tablename: string }[]>`
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
      for (const { tablename } of tables) {
        await db.$executeRawUnsafe(
          `DROP TRIGGER IF EXISTS request_surface_watch ON "${tablename.replaceAll('"', '""')}"`,
        );
      }
      await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** The prototype every object of the process shares is as it was: nothing was written into it. */
export function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.x === undefined &&
    probe.polluted === undefined &&
    Object.getOwnPropertyNames(Object.prototype).every((name) => PROTOTYPE_NAMES.has(name))
  );
}
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
