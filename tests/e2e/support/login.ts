// Demo login for the end-to-end tests, over next-auth's own HTTP endpoints (the contract in
// shared/spec/demo-world.md): GET /api/auth/csrf, POST /api/auth/callback/demo, then
// GET /api/auth/session to prove the login took. Every demo account's password is "demo".
//
// Works with any APIRequestContext: the `request` fixture for HTTP-only specs, or
// `page.context().request` to sign a browser in without going through the login form (it
// shares the browser context's cookies).
import { expect, request as newRequestContext, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo";

export type DemoSession = { user: { name?: string }; expires: string };

/** Returns the CSRF token next-auth expects with every POST to /api/auth/*. */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  expect(response.status(), "GET /api/auth/csrf").toBe(200);
  const body = (await response.json()) as { csrfToken?: unknown };
  expect(typeof body.csrfToken, "csrfToken in /api/auth/csrf").toBe("string");
  return body.csrfToken as string;
}

/** Posts the demo credentials; returns the raw response (a redirect), whether or not they were right. */
export async function postDemoCredentials(request: APIRequestContext, username: string, password: string) {
  return request.post("/api/auth/callback/demo", {
    form: { username, password, csrfToken: await csrfToken(request), callbackUrl: "/" },
    // The redirect target tells success from failure; following it would hide that.
    maxRedirects: 0,
  });
}

/** The current session as next-auth reports it; `null` when signed out. */
export async function currentSession(request: APIRequestContext): Promise<DemoSession | null> {
  const response = await request.get("/api/auth/session");
  expect(response.status(), "GET /api/auth/session").toBe(200);
  const body = (await response.json()) as Partial<DemoSession>;
  return body.user ? (body as DemoSession) : null;
}

/** Signs `username` in and fails the test unless a session exists afterwards. */
export async function loginOverHttp(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<DemoSession> {
  const response = await postDemoCredentials(request, username, password);
  expect(response.status(), `demo login of ${username} should redirect`).toBe(302);
  const session = await currentSession(request);
  expect(session, `a session after the demo login of ${username}`).not.toBeNull();
  return session!;
}

/** Signs in through the login page, like a person would. Does not wait for a particular page. */
export async function loginViaForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(password);
  // exact: the eID/itsme button ("Aanmelden met …") is a button too.
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
}

/** Signs in through the login page and waits for the home page the role lands on (e.g. /patient). */
export async function loginViaFormTo(page: Page, username: string, home: string): Promise<void> {
  await loginViaForm(page, username);
  await expect(page, `${username} lands on ${home}`).toHaveURL((url) => url.pathname === home);
}

/**
 * Signs `username` in over HTTP (the browser context shares the cookie) and opens `home`: for the
 * journeys whose subject comes after the login. The login form itself is a journey of its own
 * (foundation.spec.ts, edges.spec.ts, the keyboard journey in qualities.spec.ts); going through it
 * in every journey cost about a second each on 2 cores.
 */
export async function signInTo(page: Page, username: string, home: string): Promise<void> {
  await loginOverHttp(page.context().request, username);
  await page.goto(home);
  await expect(page, `${username} lands on ${home}`).toHaveURL((url) => url.pathname === home);
}

/**
 * The Origin a browser sends with a write from the portal's own pages. Every JSON route refuses
 * a write without it (ADR 0012), so a context that stands in for a person's browser sends it.
 */
export function sameOriginHeaders(baseURL: string | undefined): Record<string, string> {
  return baseURL ? { Origin: new URL(baseURL).origin } : {};
}

/**
 * A new HTTP-only context signed in as `username`, for a second person acting beside the
 * browser. The caller disposes it (keep them in a list and dispose in afterAll).
 */
export async function signedInRequestContext(
  baseURL: string | undefined,
  username: string,
): Promise<APIRequestContext> {
  const context = await newRequestContext.newContext({ baseURL, extraHTTPHeaders: sameOriginHeaders(baseURL) });
  await loginOverHttp(context, username);
  return context;
}

/**
 * Signs out with the header's button, the way a person ends a visit, and proves the session is
 * gone: the login page shows, and the home page just left sends back to it.
 */
export async function signOutViaButton(page: Page): Promise<void> {
  const home = new URL(page.url()).pathname;
  await page.getByRole("banner").getByRole("button", { name: "Afmelden" }).click();
  await expect(page, "sign-out lands on the login page").toHaveURL(/\/login/);
  await page.goto(home);
  await expect(page, `${home} after sign-out sends to the login page`).toHaveURL(/\/login/);
}

/**
 * Second persons acting beside the browser over HTTP, one signed-in context each, all disposed
 * together (call `disposeAll` in afterAll).
 */
export function signedInContextPool() {
  const contexts: APIRequestContext[] = [];
  return {
    async signedIn(baseURL: string | undefined, username: string): Promise<APIRequestContext> {
      const context = await signedInRequestContext(baseURL, username);
      contexts.push(context);
      return context;
    },
    async disposeAll(): Promise<void> {
      await Promise.all(contexts.splice(0).map((context) => context.dispose()));
    },
  };
}
