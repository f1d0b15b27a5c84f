import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { answerLockout } from "@/lib/auth/lockout-response";
import { appLoginThrottle } from "@/lib/auth/login-throttle";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

/** next-auth's own POST endpoints; a locked-out password login answers 429 (lib/auth/lockout-response.ts). */
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const bodyCopy = request.clone();
  const response: Response = await handler(request, context);
  return answerLockout(request, bodyCopy, response, await appLoginThrottle());
}
