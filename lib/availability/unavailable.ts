// Is this error "the database cannot be reached right now"? Such an error is not the caller's
// fault and not a bug: the portal answers 503 with Retry-After (ADR 0025), never 500 internal,
// and a page says the file is briefly unavailable. Everything else keeps its own mapping.
//
// The errors come from three layers, each wrapping the one below, so the whole chain is walked
// (`cause`, Prisma's `meta.driverAdapterError`, an AggregateError's `errors`):
// - Prisma: P1001 can't reach, P1002 timed out, P1017 server closed the connection, P2024 pool
//   timeout, P2028 a transaction that could not start in time (every connection busy: an
//   overloaded database is unavailable for now, not a reason to deny access), and P2010 (a raw query failed) whose driver adapter error says the same;
// - @prisma/adapter-pg: `{ kind: "DatabaseNotReachable" | "ConnectionClosed" | "SocketTimeout" |
//   "TooManyConnections" }`, or `{ kind: "postgres", code }` with a SQLSTATE;
// - pg itself: socket codes (ECONNREFUSED ...), SQLSTATE class 08 and 57P01-57P03 (the server is
//   shutting down or starting up), and its own messages for a dropped or timed-out connection.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const PG_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Can't reach database server",
];

function isSqlState(code: unknown): boolean {
  return typeof code === "string" && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.pop();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const code = own(current, "code");
    const kind = own(current, "kind");
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqlState(code))) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (kind === "postgres" && isSqlState(own(current, "code"))) return true;
    const message = current instanceof Error ? current.message : own(current, "message");
    if (typeof message === "string" && PG_MESSAGES.some((text) => message.includes(text))) return true;
    const meta = own(current, "meta");
    if (meta && typeof meta === "object") pending.push(own(meta, "driverAdapterError"));
    pending.push(own(current, "cause"));
    const errors = own(current, "errors");
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
