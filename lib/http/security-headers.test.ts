import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  isHttpsUrl,
  nonceOf,
  STRICT_TRANSPORT_SECURITY,
  strictTransportSecurity,
} from "./security-headers";

/** The policy as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc123", development: false, https: false }));

  it("runs only scripts carrying the nonce, and what they load", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("locks framing, plugins, <base> and form targets", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
  });

  it("keeps everything else on the portal's own origin", () => {
    expect(production.get("default-src")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(production.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("relaxes only what Next's development server needs, and only there", () => {
    const development = directives(contentSecurityPolicy({ nonce: "abc123", development: true, https: false }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("upgrades insecure subresources only on an https portal", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    const https = directives(contentSecurityPolicy({ nonce: "abc123", development: false, https: true }));
    expect(https.has("upgrade-insecure-requests")).toBe(true);
  });

  it("carries the nonce where Next looks for it", () => {
    const nonce = createNonce();
    expect(nonceOf(contentSecurityPolicy({ nonce, development: false, https: false }))).toBe(nonce);
  });
});

describe("strictTransportSecurity", () => {
  it("is two years with subdomains on an https public URL", () => {
    expect(strictTransportSecurity("https://portaal.example.be")).toBe("max-age=63072000; includeSubDomains");
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
  });

  it("is absent over http, without a public URL, and for a malformed one", () => {
    expect(strictTransportSecurity("http://127.0.0.1:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
    expect(strictTransportSecurity("portaal.example.be")).toBeNull();
    expect(isHttpsUrl("HTTPS://PORTAAL.EXAMPLE.BE")).toBe(true);
  });
});
