// The foundation's HTTP contract (shared/spec/demo-world.md, "HTTP surface"), without a
// browser: next-auth's demo login, the session endpoint, sign-out, and accepting the user
// declaration, including every malformed request a client could send. Bad input is always a
// 4xx in the one error shape `{ error: { code, message } }`, never a 500.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { csrfToken, currentSession, loginOverHttp, postDemoCredentials } from "./support/login";

type ErrorBody = { error: { code: string; message: string } };

async function expectError(response: APIResponse, status: number | "4xx", code?: string): Promise<ErrorBody> {
  const body = (await response.json()) as ErrorBody;
  if (status === "4xx") {
    expect(response.status(), JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    expect(response.status(), JSON.stringify(body)).toBeLessThan(500);
  } else {
    expect(response.status(), JSON.stringify(body)).toBe(status);
  }
  if (code) expect(body.error.code).toBe(code);
  else expect(body.error.code).toEqual(expect.any(String));
  // A message a client can show: present, and no stack trace or exception class leaking out.
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.message).not.toMatch(/\bat .+\(.+:\d+:\d+\)|TypeError|PrismaClient/);
  return body;
}

function acceptDeclaration(request: APIRequestContext, data: string, contentType = "application/json") {
  return request.post("/api/declarations/accept", { data, headers: { "Content-Type": contentType } });
}

test.describe("demo login over HTTP", () => {
  test("csrf, callback and session", async ({ request }) => {
    expect(await csrfToken(request)).toMatch(/^[0-9a-f]{32,}$/);
    expect(await currentSession(request)).toBeNull();

    const session = await loginOverHttp(request, "p.an");
    expect(session.user.name).toBe("An Peeters");
    expect(new Date(session.expires).getTime()).toBeGreaterThan(Date.now());
  });

  test("the session shows a name and nothing that grants access", async ({ request }) => {
    const session = await loginOverHttp(request, "p.an");
    expect(JSON.stringify(session)).not.toMatch(/41031212410|pat-an|passwordHash/);
  });

  test("a wrong password or an unknown user gives no session", async ({ request }) => {
    await postDemoCredentials(request, "p.an", "not-the-password");
    expect(await currentSession(request)).toBeNull();
    await postDemoCredentials(request, "nobody.here", "demo");
    expect(await currentSession(request)).toBeNull();
  });

  test("a login without the CSRF token gives no session", async ({ request }) => {
    await request.post("/api/auth/callback/demo", { form: { username: "p.an", password: "demo" }, maxRedirects: 0 });
    expect(await currentSession(request)).toBeNull();
  });

  test("sign-out ends the session", async ({ request }) => {
    await loginOverHttp(request, "p.an");
    const response = await request.post("/api/auth/signout", {
      form: { csrfToken: await csrfToken(request) },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(400);
    expect(await currentSession(request)).toBeNull();
  });
});

test.describe("POST /api/declarations/accept", () => {
  test("refuses a caller without a session", async ({ request }) => {
    await expectError(await acceptDeclaration(request, JSON.stringify({ version: 4 })), 401, "unauthenticated");
  });

  test("refuses any version but the current one", async ({ request }) => {
    await loginOverHttp(request, "d.gert");
    const body = await expectError(
      await acceptDeclaration(request, JSON.stringify({ version: 3 })),
      400,
      "invalid_input",
    );
    expect(body.error.message).toContain("4");
  });

  for (const [label, data, contentType] of [
    ["a body that is not JSON", "version=4", "application/json"],
    ["a JSON body of the wrong content type", JSON.stringify({ version: 4 }), "text/plain"],
    ["an empty body", "", "application/json"],
    ["a body without a version", JSON.stringify({}), "application/json"],
    ["a version that is not a number", JSON.stringify({ version: "x" }), "application/json"],
    ["a version that is not an integer", JSON.stringify({ version: 4.5 }), "application/json"],
    ["a JSON array", JSON.stringify([4]), "application/json"],
    ["JSON null", "null", "application/json"],
  ] as const) {
    test(`answers ${label} with a clear 4xx, never a 500`, async ({ request }) => {
      await loginOverHttp(request, "d.gert");
      await expectError(await acceptDeclaration(request, data, contentType), "4xx");
    });
  }

  test("accepts the current version, idempotently", async ({ request }) => {
    await loginOverHttp(request, "d.gert");
    // foundation.spec.ts may have accepted it already through the page: a second acceptance
    // of the same version is a success too, not a conflict.
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await acceptDeclaration(request, JSON.stringify({ version: 4 }));
      expect(response.status(), await response.text()).toBe(200);
    }
    // Still refuses the old version afterwards: accepting never moves "current" backwards.
    await expectError(await acceptDeclaration(request, JSON.stringify({ version: 3 })), 400, "invalid_input");
  });
});
