// The client address of a request, for login throttling and the security log (ADR 0013).
//
// X-Forwarded-For is written by whoever sends the request, so it is trusted only as far as the
// deployment says (TRUSTED_PROXY_HOPS): with no trusted proxy (the default) the address is the
// socket's (lib/auth/peer-address.ts); with N trusted proxies it is the N-th entry from the right,
// the address the outermost trusted proxy saw. Entries further left were sent by the client and
// are never used. An address that does not parse is no address (null), never a guess.
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { peerAddressHeaderName } from "@/lib/auth/peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let address = raw.trim();
  // "[::1]:1234" or "1.2.3.4:5678" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

export function clientAddress(headers: HeaderSource, trustedProxyHops: number = env.TRUSTED_PROXY_HOPS): string | null {
  if (trustedProxyHops === 0) {
    const name = peerAddressHeaderName();
    return name ? normalizeAddress(header(headers, name)) : null;
  }
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return null;
  // Fewer entries than trusted hops: the request bypassed a proxy; the leftmost is then the
  // nearest thing to the client that a trusted hop wrote (Next.js writes the socket's address
  // when no proxy sent the header).
  return normalizeAddress(forwarded[Math.max(forwarded.length - trustedProxyHops, 0)]);
}
