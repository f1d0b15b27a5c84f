// The HTTP edge of the FHIR API (ADR 0017, 0018): one wrapper for its route handlers, so none can
// skip the error shape (an OperationOutcome, never a raw exception, never a 500 for bad input),
// and the bounded body reader. These endpoints are machine to machine with bearer tokens: no
// cookie, no session, no CSRF exposure.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { RETRY_AFTER_SECONDS, reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { env } from "@/lib/env";
import { FhirError, isFhirError, operationOutcome } from "./outcome";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": FHIR_JSON, "Cache-Control": "no-store", ...headers },
  });
}

export function outcomeResponse(error: FhirError): Response {
  return fhirJson(operationOutcome(error.issues), error.status, { ...error.headers });
}

export type FhirRouteContext = { request: NextRequest; requestId: string };

export function withFhirRoute(
  handler: (context: FhirRouteContext) => Promise<Response>,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      return await handler({ request, requestId });
    } catch (error) {
      if (isFhirError(error)) return outcomeResponse(error);
      if (isDatabaseUnavailable(error)) {
        reportDatabaseUnavailable();
        return outcomeResponse(
          new FhirError(
            503,
            { code: "transient", diagnostics: "The database is briefly unavailable. Try again in a few seconds." },
            { "Retry-After": String(RETRY_AFTER_SECONDS) },
          ),
        );
      }
      console.error(`[${requestId}] unhandled error in ${request.method} ${request.nextUrl.pathname}`, error);
      return outcomeResponse(
        new FhirError(500, { code: "exception", diagnostics: "Something went wrong on our side. Try again later." }),
      );
    }
  };
}

/**
 * The portal's public origin: AUTH_URL (npm start always sets it), else the request's own. The
 * token endpoint's URL, which every client assertion must name as its audience, is built from it.
 */
export function publicOrigin(request: Request): string {
  return (env.AUTH_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/**
 * Reads at most `maxBytes` of the body: refused from Content-Length before reading when it says
 * more, and cut off while reading when a body without (or with a false) length runs over.
 * Returns null when the body is too large.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<string | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** The media type of a request, lower-cased, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}
