import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { installPeerAddressHeader, peerAddressHeaderName } from "./peer-address";

describe("client address", () => {
  it("ignores X-Forwarded-For without a trusted proxy and takes the socket's address", () => {
    installPeerAddressHeader();
    const peer = peerAddressHeaderName()!;
    expect(peer).toMatch(/^x-portal-peer-[0-9a-f]{24}$/);
    const headers = new Headers({ "x-forwarded-for": "203.0.113.99", [peer]: "::ffff:127.0.0.1" });
    expect(clientAddress(headers, 0)).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.99", [peer]: "2001:DB8::1" }, 0)).toBe("2001:db8::1");
    // Without the socket's address there is no address, never the client's claim.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.99" }), 0)).toBeNull();
  });

  it("takes the N-th entry from the right with N trusted proxies, never one the client wrote further left", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.5, 192.0.2.7" });
    expect(clientAddress(headers, 1)).toBe("192.0.2.7");
    expect(clientAddress(headers, 2)).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.7" }), 2)).toBe("192.0.2.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "[2001:db8::2]:4711" }), 1)).toBe("2001:db8::2");
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.8:5000" }), 1)).toBe("192.0.2.8");
  });

  it("reports no address for a missing or malformed value", () => {
    expect(clientAddress(new Headers(), 1)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "not-an-address" }), 1)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "<script>" }), 1)).toBeNull();
  });
});
