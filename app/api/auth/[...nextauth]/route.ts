import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { answerLockout } from "@/lib/auth/lockout-response";
import { appLoginThrottle } from "@/lib/auth/login-throttle";
import { authOptions } from "@/lib/auth/options";
import { oidcCallbackErrorRedirect } from "@/lib/auth/oidc";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** A cancel or an error answered by the eID/itsme provider is handled before next-auth (lib/auth/oidc.ts). */
export async function GET(request: NextRequest, context: Context): Promise<Response> {
  return (await oidcCallbackErrorRedirect(request.url)) ?? handler(request, context);
}

/** next-auth's own POST endpoints; a locked-out password login answers 429 (lib/auth/lockout-response.ts). */
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const bodyCopy = request.clone();
  const response: Response = await handler(request, context);
  return answerLockout(request, bodyCopy, response, await appLoginThrottle());
}
