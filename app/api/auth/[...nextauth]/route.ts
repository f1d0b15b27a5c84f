import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { answerLockout } from "@/lib/auth/lockout-response";
import { appLoginThrottle } from "@/lib/auth/login-throttle";
import { authOptions } from "@/lib/auth/options";
import { oidcCallbackErrorRedirect } from "@/lib/auth/oidc";
import { reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { errorResponse } from "@/lib/http/route";
import { PortalError } from "@/lib/errors";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** A cancel or an error answered by the eID/itsme provider is handled before next-auth (lib/auth/oidc.ts). */
export async function GET(request: NextRequest, context: Context): Promise<Response> {
  return answerUnavailable(async () => (await oidcCallbackErrorRedirect(request.url)) ?? handler(request, context));
}

/** next-auth's own POST endpoints; a locked-out password login answers 429 (lib/auth/lockout-response.ts). */
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  return answerUnavailable(async () => {
    const bodyCopy = request.clone();
    const response: Response = await handler(request, context);
    return answerLockout(request, bodyCopy, response, await appLoginThrottle());
  });
}

/** The database cannot be reached: 503 with Retry-After, like every other route (ADR 0025). */
async function answerUnavailable(answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    reportDatabaseUnavailable();
    return errorResponse(new PortalError("unavailable"));
  }
}
