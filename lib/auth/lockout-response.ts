// The password login's answer to a lockout (ADR 0013). next-auth answers every failed credentials
// login alike: a redirect (302) to the login page with `?error=…`, or, for its own client
// (`json=true`), a 401 with `{ url }`. A lockout must be told apart by any client, a script
// included, so the callback route turns next-auth's `error=rate_limited` answer into
//   HTTP 429, Retry-After: <seconds>,
//   { "error": { "code": "rate_limited", "message": … }, "url": "<origin>/login?error=rate_limited" }
// (`url` keeps next-auth's client `signIn()` working: it reads the error from it).
import type { NextRequest } from "next/server";
import type { LoginThrottle } from "@/lib/auth/login-throttle";
import { clientAddress } from "@/lib/auth/client-address";

/**
 * The paths of the password login's callback: "demo" in the demo world (demo-world.md's contract),
 * "password" for accounts made with `npm run admin:create` outside it.
 */
export const PASSWORD_CALLBACK_PATHS: ReadonlySet<string> = new Set([
  "/api/auth/callback/demo",
  "/api/auth/callback/password",
]);

async function errorOf(response: Response, origin: string): Promise<string | null> {
  const target =
    response.headers.get("location") ??
    (response.headers.get("content-type")?.includes("application/json")
      ? await response
          .clone()
          .json()
          .then((body: unknown) =>
            body && typeof body === "object" && "url" in body && typeof body.url === "string" ? body.url : null,
          )
          .catch(() => null)
      : null);
  if (!target) return null;
  try {
    return new URL(target, origin).searchParams.get("error");
  } catch {
    return null;
  }
}

async function usernameOf(request: Request): Promise<string> {
  try {
    const value = (await request.formData()).get("username");
    return typeof value === "string" ? value : "";
  } catch {
    return "";
  }
}

/**
 * `response` is next-auth's answer to `request`; `bodyCopy` is a clone of the request taken
 * before next-auth read its body (for the username, to tell how long the lock lasts). Anything
 * but a lockout of the password login passes through unchanged.
 */
export async function answerLockout(
  request: NextRequest,
  bodyCopy: Request,
  response: Response,
  throttle: LoginThrottle,
): Promise<Response> {
  if (request.method !== "POST" || !PASSWORD_CALLBACK_PATHS.has(request.nextUrl.pathname)) return response;
  const origin = request.nextUrl.origin;
  if ((await errorOf(response, origin)) !== "rate_limited") return response;

  const state = await throttle.check({
    username: await usernameOf(bodyCopy),
    clientAddress: clientAddress(request.headers),
  });
  const retryAfterSeconds = state.locked ? state.retryAfterSeconds : 60;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const headers = new Headers({ "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" });
  // next-auth's cookies (its CSRF and callback cookies) still apply.
  for (const cookie of response.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return Response.json(
    {
      error: {
        code: "rate_limited",
        message: `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      },
      url: `${origin}/login?error=rate_limited`,
    },
    { status: 429, headers },
  );
}
