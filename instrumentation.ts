// Runs once when a Next.js server process starts (before it serves pages). The Node runtime check
// is Next's documented pattern for instrumentation; NEXT_RUNTIME is set by Next itself.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/auth/peer-address");
  installPeerAddressHeader();
}

/**
 * Next calls this for every error a page, route or action throws. A database that cannot be
 * reached is reported to lib/availability/health.ts, so the next page requests answer 503 in proxy.ts
 * (ADR 0025) instead of rendering and failing one by one.
 */
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { reportDatabaseUnavailable }] = await Promise.all([
    import("./lib/availability/unavailable"),
    import("./lib/availability/health"),
  ]);
  if (isDatabaseUnavailable(error)) reportDatabaseUnavailable();
}
