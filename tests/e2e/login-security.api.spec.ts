// Login throttling, the security log and the end of sessions over HTTP (issue 10, ADR 0013/0014),
// against the running portal:
// - 30 wrong passwords lock an account: the 30th and every later attempt, the right password
//   included, answer HTTP 429 `{ error: { code: "rate_limited" } }` with Retry-After; an unknown
//   username fails exactly like a wrong password; `npm run db:seed` clears the lock;
// - a client cannot choose its address with X-Forwarded-For (no trusted proxy by default);
// - a copied session cookie is worthless after sign-out, after the absolute lifetime, and after
//   the person's role is removed, and /api/auth/session answers `{}` for it.
// The lockout's end with the right password is proved with a short lockout in
// tests/integration/login-security.test.ts (the portal here runs with the default 15 minutes).
//
// State-changing: the demo world is reseeded before and after.
import { expect, request as newRequestContext, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { reseedDemoWorld } from "./support/demo-world";
import { e2eDatabaseUrl } from "./support/e2e-database";
import { csrfToken, currentSession, loginOverHttp, postDemoCredentials } from "./support/login";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

/** Runs SQL on the portal's own end-to-end database (the clock of a session, a role removed). */
async function onPortalDatabase(sql: string, values: unknown[]): Promise<void> {
  test.skip(!process.env.DATABASE_URL, "needs DATABASE_URL to reach the portal's database");
  const client = new pg.Client({ connectionString: e2eDatabaseUrl(process.env.DATABASE_URL!).url });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

async function securityLogPage(sara: APIRequestContext, account: string): Promise<string> {
  const response = await sara.get(`/service-center/security-log?account=${encodeURIComponent(account)}`);
  expect(response.status()).toBe(200);
  return response.text();
}

test("30 wrong passwords lock the account with HTTP 429, and the lock is in the security log", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 30; attempt += 1) {
    statuses.push((await postDemoCredentials(request, "c.carl", `wrong-${attempt}`)).status());
  }
  // next-auth's own answer to a wrong password (a redirect to the login page) until the lock...
  expect(statuses.slice(0, 29)).toEqual(Array(29).fill(302));
  // ...and 429 from the attempt that locks it.
  expect(statuses[29]).toBe(429);

  const locked = await postDemoCredentials(request, "c.carl", "demo");
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(60);
  const body = (await locked.json()) as { error: { code: string; message: string }; url: string };
  expect(body.error).toMatchObject({
    code: "rate_limited",
    message: expect.stringMatching(/Try again in \d+ minutes/),
  });
  expect(body.url).toMatch(/\/login\?error=rate_limited$/);
  expect(await currentSession(request)).toBeNull();

  // next-auth's own client (json=true) gets the same 429, with the url its signIn() reads.
  const json = await request.post("/api/auth/callback/demo", {
    form: { username: "c.carl", password: "demo", csrfToken: await csrfToken(request), json: "true" },
    maxRedirects: 0,
  });
  expect(json.status()).toBe(429);

  // Staff see it: every attempt, the lock, the method and the address; never a password.
  const sara = await newRequestContext.newContext({ baseURL });
  try {
    await loginOverHttp(sara, "s.sara");
    const log = await securityLogPage(sara, "c.carl");
    expect(log).toContain("Geblokkeerd (te veel mislukte pogingen)");
    expect(log).toContain("wrong_password");
    expect(log).toContain("127.0.0.1");
    expect(log).not.toMatch(/wrong-\d/);
  } finally {
    await sara.dispose();
  }

  // npm run db:seed clears the demo world's counters and locks.
  await reseedDemoWorld();
  expect((await postDemoCredentials(request, "c.carl", "demo")).status()).toBe(302);
  expect((await currentSession(request))?.user.name).toBe("Carl Hermans");
});

test("an unknown username fails exactly like a wrong password", async ({ request }) => {
  const unknown = await postDemoCredentials(request, "x.nobody", "demo");
  const wrong = await postDemoCredentials(request, "p.an", "wrong");
  expect(unknown.status()).toBe(302);
  expect(wrong.status()).toBe(302);
  expect(unknown.headers().location).toBe(wrong.headers().location);
});

test("a client cannot choose its address with X-Forwarded-For", async ({ baseURL }) => {
  const client = await newRequestContext.newContext({
    baseURL,
    extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.99" },
  });
  const sara = await newRequestContext.newContext({ baseURL });
  try {
    await postDemoCredentials(client, "x.forwarded", "wrong");
    await loginOverHttp(sara, "s.sara");
    const log = await securityLogPage(sara, "x.forwarded");
    expect(log).toContain("unknown_username");
    expect(log).toContain("127.0.0.1");
    expect(log).not.toContain("203.0.113.99");
  } finally {
    await Promise.all([client.dispose(), sara.dispose()]);
  }
});

/** A second client holding a copy of `original`'s cookies, as a thief of the cookie would. */
async function copyOf(original: APIRequestContext, baseURL: string | undefined): Promise<APIRequestContext> {
  return newRequestContext.newContext({ baseURL, storageState: await original.storageState() });
}

test("a copied session cookie is refused after sign-out", async ({ request, baseURL }) => {
  await loginOverHttp(request, "p.an");
  const thief = await copyOf(request, baseURL);
  try {
    expect((await thief.get("/api/patients/pat-an/record")).status()).toBe(200);
    const signout = await request.post("/api/auth/signout", {
      form: { csrfToken: await csrfToken(request), callbackUrl: "/" },
      maxRedirects: 0,
    });
    expect(signout.status()).toBe(302);
    expect((await thief.get("/api/patients/pat-an/record")).status()).toBe(401);
    // The session endpoint answers as for a browser that never signed in.
    const session = await thief.get("/api/auth/session");
    expect(await session.json()).toEqual({});
  } finally {
    await thief.dispose();
  }
});

test("a copied session cookie is refused after the absolute lifetime, however active", async ({ request, baseURL }) => {
  await loginOverHttp(request, "p.an");
  const thief = await copyOf(request, baseURL);
  try {
    expect((await thief.get("/api/patients/pat-an/record")).status()).toBe(200);
    // The clock of the session moved 12 hours and a minute on; it was active a moment ago.
    await onPortalDatabase(
      `UPDATE "PortalSession" SET "createdAt" = now() - interval '12 hours 1 minute', "lastSeenAt" = now()
        WHERE "personId" = $1 AND "endedAt" IS NULL`,
      ["pat-an"],
    );
    expect((await thief.get("/api/patients/pat-an/record")).status()).toBe(401);
    expect(await (await thief.get("/api/auth/session")).json()).toEqual({});
    expect((await request.get("/api/patients/pat-an/record")).status()).toBe(401);
  } finally {
    await thief.dispose();
  }
});

test("removing the service-center role ends the session at once", async ({ request }) => {
  await loginOverHttp(request, "s.sara");
  // Signed in: the record route answers her as a signed-in service-center agent, not with 401.
  const before = await request.get("/api/patients/pat-an/record");
  expect(before.status()).not.toBe(401);
  await onPortalDatabase(`DELETE FROM "PersonRole" WHERE "personId" = $1 AND role = 'SERVICE_CENTER'`, ["usr-sara"]);
  // The session ended with the role: the same cookie is no session at all any more.
  expect((await request.get("/api/patients/pat-an/record")).status()).toBe(401);
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  // The page itself sends her to the login page (a streamed page redirects with a meta refresh;
  // its text would carry the message catalogue, so look for the redirect, not for a word).
  const page = await request.get("/service-center/security-log", { maxRedirects: 0 });
  if (page.status() === 307) {
    expect(page.headers()["location"]).toMatch(/\/login$/);
  } else {
    const html = await page.text();
    expect(html).toMatch(/<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=\/login"/);
    expect(html).not.toContain("<table");
  }
  await reseedDemoWorld();
});
