// POST /api/fhir/token: SMART Backend Services token endpoint (ADR 0017). Form-encoded
// client_credentials with a private_key_jwt assertion; answers an access token or an OAuth error.
// Machine to machine: no cookie is read or set, so the browser CSRF rules do not apply here.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { fhirEndpoints, issueAccessToken, mediaType, OAuthError, publicOrigin, readBoundedBody } from "@/lib/fhir";

const MAX_FORM_BYTES = 16 * 1024;
const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(status: number, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status, headers: noStore });
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
    if (mediaType(request) !== "application/x-www-form-urlencoded") {
      return oauthError(400, "invalid_request", "Send the request form-encoded (application/x-www-form-urlencoded).");
    }
    const body = await readBoundedBody(request, MAX_FORM_BYTES);
    if (body === null) return oauthError(400, "invalid_request", "The request is too large.");
    const token = await issueAccessToken({
      form: new URLSearchParams(body),
      tokenEndpoint: fhirEndpoints(publicOrigin(request)).token,
    });
    return Response.json(token, { headers: noStore });
  } catch (error) {
    if (error instanceof OAuthError) return oauthError(error.status, error.error, error.description);
    console.error(`[${randomUUID()}] token endpoint failed`, error);
    return Response.json({ error: "server_error" }, { status: 500, headers: noStore });
  }
}
