// Runs once when a Next.js server process starts (before it serves pages). The Node runtime check
// is Next's documented pattern for instrumentation; NEXT_RUNTIME is set by Next itself.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/auth/peer-address");
  installPeerAddressHeader();
}
