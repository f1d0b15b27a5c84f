// proxy.ts as a unit: what it answers, rewrites and sets for a page request, before the page
// runs. The end-to-end spec (tests/e2e/edges.api.spec.ts) checks the same against the real server.
import { readdirSync } from "node:fs";
import { NextRequest, type NextResponse } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nonceOf } from "@/lib/http/security-headers";

const BASE = "http://127.0.0.1:3000";

async function loadProxy(authUrl = BASE) {
  vi.resetModules();
  vi.stubEnv("AUTH_URL", authUrl);
  const loaded = await import("./proxy");
  // Synchronous while no database outage is known (tests/integration/database-unavailable.test.ts
  // covers the other case).
  return { ...loaded, proxy: (request: NextRequest) => loaded.proxy(request) as NextResponse };
}

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`${BASE}${path}`, {
    method: init.method ?? "GET",
    headers: { host: "127.0.0.1:3000", ...init.headers },
    body: init.body,
  });
}

const signedIn = { cookie: "next-auth.session-token=abc" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("pages", () => {
  it("sets a Content-Security-Policy with a fresh nonce, on the response and for Next on the request", async () => {
    const { proxy } = await loadProxy();
    const first = proxy(request("/patient/file", { headers: signedIn }));
    const second = proxy(request("/patient/file", { headers: signedIn }));
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(policy);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second.headers.get("content-security-policy")!)).not.toBe(nonce);
    // Next passes overridden request headers on as x-middleware-request-<name>.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("cache-control")).toBe("no-store");
  });

  it("shows the calm notice instead of a personal page that another site navigated to", async () => {
    const { proxy } = await loadProxy();
    const response = proxy(
      request("/nurse/patients/pat-an?done=note", { headers: { ...signedIn, "sec-fetch-site": "cross-site" } }),
    );
    const rewrite = new URL(response.headers.get("x-middleware-rewrite")!);
    expect(rewrite.pathname).toBe("/open-from-portal");
    expect(rewrite.searchParams.get("to")).toBe("/nurse/patients/pat-an?done=note");
    expect(response.headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("opens an entry page from another site, and any page when Sec-Fetch-Site is absent or same-origin", async () => {
    const { proxy } = await loadProxy();
    const entry = proxy(request("/nurse", { headers: { ...signedIn, "sec-fetch-site": "cross-site" } }));
    expect(entry.headers.get("x-middleware-rewrite")).toBeNull();
    expect(entry.headers.get("x-middleware-next")).toBe("1");
    for (const headers of [signedIn, { ...signedIn, "sec-fetch-site": "same-origin" }]) {
      const page = proxy(request("/nurse/patients/pat-an", { headers }));
      expect(page.headers.get("x-middleware-rewrite")).toBeNull();
      expect(page.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("sends a browser without a session cookie to the login page, but not from public pages", async () => {
    const { proxy } = await loadProxy();
    expect(new URL(proxy(request("/patient/file")).headers.get("location")!).pathname).toBe("/login");
    expect(proxy(request("/privacy")).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(request("/open-from-portal")).headers.get("x-middleware-next")).toBe("1");
  });
});

describe("HSTS", () => {
  it("is absent when the public URL is http", async () => {
    const { proxy } = await loadProxy("http://127.0.0.1:3000");
    expect(proxy(request("/login")).headers.get("strict-transport-security")).toBeNull();
  });

  it("is on every page answer when the public URL is https", async () => {
    const { proxy } = await loadProxy("https://portaal.example.be");
    expect(proxy(request("/login")).headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    const redirect = proxy(request("/patient/file"));
    expect(redirect.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(proxy(request("/login")).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("matcher", () => {
  // Next matches `/((?!…).*)` as a whole-path pattern.
  const matches = async (path: string) => {
    const { config } = await loadProxy();
    return config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));
  };

  it("skips the API, whose handlers guard themselves (withActor) and whose bodies it must not buffer", async () => {
    for (const path of ["/api/patients/pat-an/record", "/api/auth/callback/demo", "/api/declarations/accept"]) {
      expect(await matches(path), path).toBe(false);
    }
  });

  it("skips exactly the files of public/ and the build output", async () => {
    for (const file of readdirSync("public")) expect(await matches(`/${file}`), file).toBe(false);
    expect(await matches("/manifest.webmanifest")).toBe(false);
    expect(await matches("/_next/static/chunks/main.js")).toBe(false);
  });

  it("runs for every page, also one that ends like a static file", async () => {
    for (const path of [
      "/",
      "/patient/file",
      "/apix",
      "/nurse/patients/pat-an.png",
      "/nurse/patients/favicon.ico",
      "/icon.svg.evil",
    ]) {
      expect(await matches(path), path).toBe(true);
    }
  });
});
