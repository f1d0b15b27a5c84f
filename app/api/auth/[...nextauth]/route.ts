import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { oidcCallbackErrorRedirect } from "@/lib/auth/oidc";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// A cancel or an error answered by the eID/itsme provider is handled before next-auth (lib/auth/oidc.ts).
function GET(request: Request, context: Context) {
  return oidcCallbackErrorRedirect(request.url) ?? handler(request, context);
}

export { GET, handler as POST };
