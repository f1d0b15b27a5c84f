// The edges of the request path over HTTP (ADR 0012), against the real server:
// - every JSON route refuses a write from another origin (foreign, missing or `null` Origin:
//   403) and a `text/plain; application/json` body (415), and the refused write changed nothing
//   (checked through the API afterwards), while the same write from the portal's own origin
//   works;
// - a cross-site read of the record API, the access-log API and the file pages writes no
//   access-log entry and counts for no misuse detection;
// - the Content-Security-Policy's nonce, HSTS, Cache-Control, body limits and range checks.
import { readdirSync, readFileSync } from "node:fs";
import { type ClientRequest, request as httpRequest } from "node:http";
import { join, relative } from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { reseedDemoWorld } from "./support/demo-world";
import { signedInContextPool } from "./support/login";

test.describe.configure({ mode: "serial" });

const { signedIn, disposeAll } = signedInContextPool();
const FOREIGN_ORIGIN = "https://evil.example";
const CROSS_SITE = { "Sec-Fetch-Site": "cross-site" };
const NOTICE_TITLE = "Open deze pagina vanuit het portaal";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});
test.afterAll(async () => {
  await disposeAll();
});

async function expectError(response: APIResponse, status: number, code: string): Promise<string> {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text}`).toBe(status);
  const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
  expect(body.error?.code, text).toBe(code);
  return body.error!.message!;
}

type RawResponse = { status: number; body: string };

/**
 * A request through node:http, for what the request fixture will not send: no Origin at all
 * (the api project adds the portal's to every context), a lying Content-Length, chunks.
 */
function rawRequest(
  baseURL: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  write: (request: ClientRequest) => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseURL), { method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body });
        // The request may still be unfinished (a lying Content-Length): drop the connection.
        request.destroy();
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (!request.destroyed || error.code !== "ECONNRESET") reject(error);
    });
    write(request);
  });
}

/** The Cookie header of a signed-in context, for a raw request in the same session. */
async function cookieHeader(context: APIRequestContext): Promise<string> {
  return (await context.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

// ---------------------------------------------------------------------------------------------
// Writes: every JSON route, found in app/api, so a route added later is covered or fails here.
// ---------------------------------------------------------------------------------------------

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
type WriteMethod = (typeof WRITE_METHODS)[number];

function routeWrites(): string[] {
  const root = process.cwd();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "auth" && dir.endsWith("api") ? [] : walk(path);
      return entry.name === "route.ts" ? [relative(root, path)] : [];
    });
  return walk(join(root, "app", "api")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return WRITE_METHODS.filter((method) =>
      new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(source),
    ).map((method) => `${method} ${file}`);
  });
}

/**
 * The machine-to-machine writes of the FHIR API (ADR 0017): a bearer token or a signed client
 * assertion, never a cookie, so a cross-site page has no ambient credential to borrow. They are
 * listed here instead of in WRITES, and a test below proves a signed-in browser session gets
 * nothing from them.
 */
const BEARER_WRITES: Record<string, { path: string; contentType: string; body: string }> = {
  "POST app/api/fhir/route.ts": {
    path: "/api/fhir",
    contentType: "application/fhir+json",
    body: JSON.stringify({ resourceType: "Bundle", type: "transaction", entry: [] }),
  },
  "POST app/api/fhir/token/route.ts": {
    path: "/api/fhir/token",
    contentType: "application/x-www-form-urlencoded",
    body: "grant_type=client_credentials&scope=system%2F*.write",
  },
};

type WriteCase = {
  path: string;
  username: string;
  body: unknown;
  /** Status of the same write from the portal's own origin (the control that it would work). */
  allowedStatus: number;
  /** Proves through the API that the write has not happened (yet). */
  unchanged: (api: APIRequestContext) => Promise<void>;
};

const WRITES: Record<string, WriteCase> = {
  "POST app/api/declarations/accept/route.ts": {
    path: "/api/declarations/accept",
    username: "d.gert",
    body: { version: 4 },
    allowedStatus: 200,
    unchanged: async (gert) =>
      void (await expectError(await gert.get("/api/patients/pat-an/record"), 403, "declaration_required")),
  },
  "POST app/api/patients/[id]/emergency-access/route.ts": {
    path: "/api/patients/pat-an/emergency-access",
    username: "n.noah",
    body: { reason: "Patiënt reageert niet, huisarts onbereikbaar" },
    allowedStatus: 201,
    unchanged: async (noah) =>
      void (await expectError(await noah.get("/api/patients/pat-an/record"), 403, "forbidden")),
  },
};

test("the tables below name every write route in app/api", () => {
  expect(routeWrites().sort()).toEqual([...Object.keys(WRITES), ...Object.keys(BEARER_WRITES)].sort());
});

test("a signed-in browser session is no credential for the FHIR API's writes", async ({ baseURL }) => {
  const api = await signedIn(baseURL, "n.nina");
  for (const [route, write] of Object.entries(BEARER_WRITES)) {
    for (const origin of [baseURL!, FOREIGN_ORIGIN]) {
      const response = await api.fetch(write.path, {
        method: "POST",
        headers: { Origin: origin, "Content-Type": write.contentType },
        data: write.body,
      });
      // 401 without a bearer token; the token endpoint: 400/401 without a client assertion.
      expect([400, 401], `${route} from ${origin}: ${await response.text()}`).toContain(response.status());
      expect(response.headers()["set-cookie"], route).toBeUndefined();
    }
  }
});

for (const [route, write] of Object.entries(WRITES)) {
  test(`${route}: refused from another origin and as text/plain, changes nothing, works from the portal`, async ({
    baseURL,
  }) => {
    const method = route.split(" ")[0] as WriteMethod;
    const api = await signedIn(baseURL, write.username);
    const body = JSON.stringify(write.body);
    // Through the signed-in context (which sends the portal's Origin unless told otherwise)...
    const send = async (headers: Record<string, string>): Promise<RawResponse> => {
      const response = await api.fetch(write.path, { method, headers, data: body });
      return { status: response.status(), body: await response.text() };
    };
    // ...or raw, with the same session cookie and no Origin header at all.
    const cookie = await cookieHeader(api);
    const sendWithoutOrigin = (contentType: string) =>
      rawRequest(baseURL!, method, write.path, { "Content-Type": contentType, Cookie: cookie }, (request) =>
        request.end(body),
      );

    const refusals: Array<[string, () => Promise<RawResponse>, number, string]> = [
      [
        "foreign Origin, text/plain; application/json",
        () => send({ Origin: FOREIGN_ORIGIN, "Content-Type": "text/plain; application/json" }),
        403,
        "forbidden",
      ],
      [
        "foreign Origin, application/json",
        () => send({ Origin: FOREIGN_ORIGIN, "Content-Type": "application/json" }),
        403,
        "forbidden",
      ],
      ["Origin null", () => send({ Origin: "null", "Content-Type": "application/json" }), 403, "forbidden"],
      ["no Origin, application/json", () => sendWithoutOrigin("application/json"), 403, "forbidden"],
      ["no Origin, text/plain", () => sendWithoutOrigin("text/plain"), 403, "forbidden"],
      [
        "own Origin, text/plain; application/json",
        () => send({ "Content-Type": "text/plain; application/json" }),
        415,
        "unsupported_media_type",
      ],
      [
        "own Origin, form-encoded",
        () => send({ "Content-Type": "application/x-www-form-urlencoded" }),
        415,
        "unsupported_media_type",
      ],
    ];
    for (const [label, attempt, status, code] of refusals) {
      await test.step(label, async () => {
        const response = await attempt();
        expect(response.status, `${label}: ${response.body}`).toBe(status);
        expect(JSON.parse(response.body), label).toMatchObject({ error: { code } });
        await write.unchanged(api);
      });
    }

    // The control: the very same write from the portal's own origin is accepted.
    const accepted = await send({ "Content-Type": "application/json; charset=utf-8" });
    expect(accepted.status, accepted.body).toBe(write.allowedStatus);
  });
}

// ---------------------------------------------------------------------------------------------
// Cross-site reads: no log entry, no misuse count.
// ---------------------------------------------------------------------------------------------

type AccessLogPage = { entries: Array<{ id: string; actor: { name: string } | null; action: string }> };

test("a cross-site read of the record, the access log or a file page writes nothing in the patient's access log", async ({
  baseURL,
}) => {
  const an = await signedIn(baseURL, "p.an");
  const nina = await signedIn(baseURL, "n.nina");
  const readLog = async () => {
    const response = await an.get("/api/patients/pat-an/access-log?limit=5");
    expect(response.status()).toBe(200);
    return (await response.json()) as AccessLogPage;
  };
  // Reading the log is itself a logged look at the file: the newest entry is that read.
  const before = await readLog();

  await expectError(await nina.get("/api/patients/pat-an/record", { headers: CROSS_SITE }), 403, "forbidden");
  await expectError(await an.get("/api/patients/pat-an/record", { headers: CROSS_SITE }), 403, "forbidden");
  await expectError(await an.get("/api/patients/pat-an/access-log", { headers: CROSS_SITE }), 403, "forbidden");
  for (const [context, path] of [
    [nina, "/nurse/patients/pat-an"],
    [an, "/patient/file"],
    [an, "/patient/access-log"],
  ] as const) {
    const page = await context.get(path, { headers: CROSS_SITE });
    expect(page.status(), path).toBe(200);
    const html = await page.text();
    expect(html, path).toContain(NOTICE_TITLE);
    // No data: not An's name, national number, address or phone, anywhere in the HTML or the
    // RSC payload (which carries the whole message catalogue, so no bare surname check).
    for (const datum of ["An Peeters", "41031212410", "Kerkstraat 12", "015 20 41 12"]) {
      expect(html, `${path}: ${datum}`).not.toContain(datum);
    }
  }

  const after = await readLog();
  // Only the second read of the log itself was added; the one before it is the first read.
  expect(after.entries[1]?.id).toBe(before.entries[0]?.id);
  expect(after.entries[0]?.action).toBe("READ_ACCESS_LOG");

  // The control: the same reads from the portal's own pages are logged.
  expect(
    (await nina.get("/api/patients/pat-an/record", { headers: { "Sec-Fetch-Site": "same-origin" } })).status(),
  ).toBe(200);
  const control = await readLog();
  expect(control.entries.some((entry) => entry.actor?.name === "Nina De Smet")).toBe(true);
});

test("twenty-five cross-site requests for distinct patient ids do not get anyone suspended", async ({ baseURL }) => {
  // d.frank has no relation with anyone: every look at a file is a denial, and the twentieth
  // distinct patient denied within ten minutes suspends him (demo defaults, lib/env.ts).
  await reseedDemoWorld();
  const frank = await signedIn(baseURL, "d.frank");
  // Asks "is he suspended?" without being a look at a patient: the declaration route's gate.
  const suspended = async () => {
    const response = await frank.post("/api/declarations/accept", { data: { version: 4 } });
    if (response.status() === 200) return false;
    await expectError(response, 403, "suspended");
    return true;
  };

  for (let index = 1; index <= 19; index += 1) {
    await expectError(await frank.get(`/api/patients/edges-probe-${index}/record`), 403, "forbidden");
  }
  expect(await suspended(), "19 denials stay under the threshold").toBe(false);

  for (let index = 1; index <= 25; index += 1) {
    if (index % 2 === 0) {
      await expectError(
        await frank.get(`/api/patients/edges-cross-${index}/record`, { headers: CROSS_SITE }),
        403,
        "forbidden",
      );
    } else {
      const page = await frank.get(`/caregiver/patients/edges-cross-${index}`, { headers: CROSS_SITE });
      expect(await page.text()).toContain(NOTICE_TITLE);
    }
  }
  expect(await suspended(), "cross-site requests count for nothing").toBe(false);

  // The control: one more real denial reaches the threshold, so the count above was live.
  await expectError(await frank.get("/api/patients/edges-probe-20/record"), 403, "forbidden");
  expect(await suspended(), "the twentieth real denial suspends").toBe(true);
});

// ---------------------------------------------------------------------------------------------
// Browser headers.
// ---------------------------------------------------------------------------------------------

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

test("every page carries a Content-Security-Policy with a fresh nonce, and every script tag carries it", async ({
  baseURL,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const an = await signedIn(baseURL, "p.an");
  const seen = new Set<string>();
  for (const [context, path] of [
    [anonymous, "/login"],
    [anonymous, "/login"],
    [an, "/patient/file"],
    [an, "/privacy"],
    [an, "/login"],
  ] as const) {
    const response = await context.get(path, { maxRedirects: 0 });
    const policy = response.headers()["content-security-policy"];
    expect(policy, path).toContain("'strict-dynamic'");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("base-uri 'none'");
    const nonce = nonceOf(policy);
    expect(seen.has(nonce), `${path}: a nonce is never reused`).toBe(false);
    seen.add(nonce);
    if (response.status() !== 200) continue;
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  await anonymous.dispose();
});

test("no HSTS over plain http; no-store on personal pages and API answers", async ({ baseURL }) => {
  const an = await signedIn(baseURL, "p.an");
  const nina = await signedIn(baseURL, "n.nina");
  for (const [context, path] of [
    [an, "/patient"],
    [an, "/patient/file"],
    [an, "/patient/access-log"],
    [nina, "/nurse/patients/pat-an"],
    [an, "/api/patients/pat-an/record"],
    [an, "/api/patients/pat-an/access-log"],
    [nina, "/api/patients/pat-bart/record"],
    [nina, "/api/patients/pat-dina/record"],
  ] as const) {
    const response = await context.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    expect(response.headers()["cache-control"], path).toContain("no-store");
    // The e2e portal's public URL is http: HSTS there would pin a developer's host to https.
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
  }
});

// ---------------------------------------------------------------------------------------------
// Limits.
// ---------------------------------------------------------------------------------------------

test("an oversized body is refused with 413: on its Content-Length before a byte is read, and while streaming", async ({
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  // 100 MB announced, 10 bytes sent, the request never finished: only an answer given before
  // reading the body can arrive.
  const announced = await rawRequest(
    baseURL!,
    "POST",
    "/api/patients/pat-an/emergency-access",
    { Origin: origin, "Content-Type": "application/json", "Content-Length": String(100 * 1024 * 1024) },
    (request) => request.write('{"reason":'),
  );
  expect(announced.status).toBe(413);
  expect(JSON.parse(announced.body)).toMatchObject({ error: { code: "payload_too_large" } });

  // No Content-Length (chunked): read as a stream and refused once past the limit.
  const noah = await signedIn(baseURL, "n.noah");
  const streamed = await rawRequest(
    baseURL!,
    "POST",
    "/api/patients/pat-bart/emergency-access",
    {
      Origin: origin,
      "Content-Type": "application/json",
      "Transfer-Encoding": "chunked",
      Cookie: await cookieHeader(noah),
    },
    (request) => {
      request.write('{"reason":"');
      for (let index = 0; index < 20; index += 1) request.write("x".repeat(8 * 1024));
      request.end('"}');
    },
  );
  expect(streamed.status, streamed.body).toBe(413);
  // Nothing was opened for Bart.
  await expectError(await noah.get("/api/patients/pat-bart/record"), 403, "forbidden");
});

test("numeric query parameters out of range are a 400 naming the parameter, never a 500", async ({ baseURL }) => {
  const an = await signedIn(baseURL, "p.an");
  for (const [query, parameter] of [
    ["before=9999999999999999999", "before"],
    ["before=99999999999999999999999999", "before"],
    ["before=-1", "before"],
    ["before=0", "before"],
    ["limit=100000", "limit"],
    ["limit=-5", "limit"],
    ["limit=1e3", "limit"],
    ["limit=abc", "limit"],
  ]) {
    const message = await expectError(await an.get(`/api/patients/pat-an/access-log?${query}`), 400, "invalid_input");
    expect(message, query).toContain(parameter);
  }
  expect((await an.get("/api/patients/pat-an/access-log?before=9223372036854775807&limit=500")).status()).toBe(200);
});

// ---------------------------------------------------------------------------------------------
// Public files.
// ---------------------------------------------------------------------------------------------

test("the favicon, icons and manifest are served without a session and linked from every page", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const [path, type] of [
    ["/favicon.ico", "image/"],
    ["/icon.svg", "image/svg+xml"],
    ["/icon-192.png", "image/png"],
    ["/apple-touch-icon.png", "image/png"],
    ["/manifest.webmanifest", "application/manifest+json"],
  ] as const) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
  const manifest = (await (await anonymous.get("/manifest.webmanifest")).json()) as {
    name: string;
    icons: Array<{ src: string }>;
  };
  expect(manifest.name).toContain("Thuiszorg Demo vzw");
  for (const icon of manifest.icons) expect((await anonymous.get(icon.src)).status(), icon.src).toBe(200);

  const login = await (await anonymous.get("/login")).text();
  expect(login).toMatch(/<link[^>]*rel="manifest"[^>]*href="\/manifest\.webmanifest"/);
  expect(login).toMatch(/<link[^>]*rel="icon"[^>]*href="\/favicon\.ico"/);
  expect(login).toMatch(/<link[^>]*rel="icon"[^>]*href="\/icon\.svg"/);
  expect(login).toMatch(/<link[^>]*rel="apple-touch-icon"[^>]*href="\/apple-touch-icon\.png"/);
  await anonymous.dispose();
});
