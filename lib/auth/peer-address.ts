// The socket's address, handed to route handlers in a request header that no client can set.
//
// Why: behind `next start` a route handler sees only headers. Next.js copies the socket's address
// into X-Forwarded-For, but only when the request has no such header (base-server: `??=`), so a
// client that sends its own X-Forwarded-For hides its real address from the portal. Login
// throttling per client address (ADR 0013) needs the real one unless a trusted proxy says
// otherwise. instrumentation.ts installs this once per server process: every incoming request
// gets the socket's address in a header whose name is random per process, overwriting whatever
// a client sent under that name. Before the hook is installed (the first moments of start-up),
// or where it is not (a bare `next dev` on the edge runtime), the name is unknown and
// lib/auth/client-address.ts reports no socket address rather than guess.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";

const HEADER_NAME_KEY = Symbol.for("care-record-portal.peer-address-header");
type WithHeaderName = { [HEADER_NAME_KEY]?: string };

/** The header carrying the socket's address in this process, once installed. */
export function peerAddressHeaderName(): string | undefined {
  return (globalThis as WithHeaderName)[HEADER_NAME_KEY];
}

export function installPeerAddressHeader(): void {
  const holder = globalThis as WithHeaderName;
  if (holder[HEADER_NAME_KEY]) return;
  const name = `x-portal-peer-${randomBytes(12).toString("hex")}`;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithPeerAddress(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[name] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  holder[HEADER_NAME_KEY] = name;
}
