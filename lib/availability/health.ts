// What this process last learnt about the database's reachability (ADR 0025). The data layer
// reports an outage the moment it meets one (a query failed with isDatabaseUnavailable, or the
// pool lost an idle connection); proxy.ts then answers pages with 503 at once instead of
// rendering them, and checks with one probe connection, at most one at a time and not more often
// than PROBE_INTERVAL_MS, whether the database is back. A page cannot change its status once Next
// has started streaming it (app/loading.tsx), so the decision has to be taken before rendering.
//
// Kept on globalThis under a registered symbol: proxy.ts is bundled apart from the pages and route
// handlers, but runs in the same Node process, and both must see the same state.
import pg from "pg";

/** Seconds a client is asked to wait (Retry-After) before trying again. */
export const RETRY_AFTER_SECONDS = 5;
const PROBE_INTERVAL_MS = 250;
const PROBE_TIMEOUT_MS = 1000;

type HealthState = {
  /** When the outage was first seen; null while the database answers. */
  downSince: number | null;
  lastProbeAt: number;
  probe: Promise<boolean> | null;
};

const key = Symbol.for("care-record-portal.database-health");
const store = globalThis as unknown as Record<symbol, HealthState | undefined>;

function state(): HealthState {
  return (store[key] ??= { downSince: null, lastProbeAt: 0, probe: null });
}

export function reportDatabaseUnavailable(now = Date.now()): void {
  const current = state();
  current.downSince ??= now;
}

export function reportDatabaseAvailable(): void {
  state().downSince = null;
}

export function databaseKnownDown(): boolean {
  return state().downSince !== null;
}

/**
 * True when the database answers. While no outage is known this costs nothing (no query): only
 * after one was reported does it probe, with its own short-lived connection (the app's pool may
 * hold dead ones), and it shares one probe between concurrent callers.
 */
export async function databaseReachable(connectionString: string | undefined, now = Date.now()): Promise<boolean> {
  const current = state();
  if (current.downSince === null) return true;
  if (!connectionString) return false;
  if (current.probe) return current.probe;
  if (now - current.lastProbeAt < PROBE_INTERVAL_MS) return false;
  current.lastProbeAt = now;
  current.probe = probe(connectionString)
    .then((up) => {
      if (up) reportDatabaseAvailable();
      return up;
    })
    .finally(() => {
      current.probe = null;
    });
  return current.probe;
}

async function probe(connectionString: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
