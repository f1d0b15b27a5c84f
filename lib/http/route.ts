// Every API route handler is wrapped once here, so none can skip the request-shape rules
// (lib/http/request-guards.ts: Origin and media type of a write, no cross-site read, body size),
// authentication, the suspension check, the declaration gate or input parsing, and every
// failure leaves in the one JSON error shape `{ error: { code, message } }` (never a raw
// exception, never a 500 for bad input). lib/http/api-routes.test.ts reads app/api and fails on a
// route handler that is not wrapped here, so a new route cannot forget it.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor, GatedActor } from "@/lib/auth/actor";
import { getSessionState } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { RETRY_AFTER_SECONDS, reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { PortalError, isPortalError } from "@/lib/errors";
import { apiRequestRefusal, contentLengthRefusal, jsonMediaTypeRefusal } from "@/lib/http/request-guards";
import { NO_STORE, strictTransportSecurity } from "@/lib/http/security-headers";
import { MAX_JSON_BODY_BYTES } from "@/lib/limits";

export type RouteContext<Params> = {
  actor: GatedActor;
  request: NextRequest;
  params: Params;
  /** Correlates the access-log entries and server logs of one request. */
  requestId: string;
};

type Options = {
  /** Only for the routes that resolve the gate itself (accepting the declaration, choosing a role). */
  allowPendingDeclaration?: boolean;
  /**
   * For routes about one patient's file: the access decision (lib/access) checks suspension and
   * the declaration itself, so that these denials are written to the access log like any other.
   * The route must call authorizePatientAccess/withPatientAccess and assertAllowed.
   */
  gateInAccessDecision?: boolean;
  /**
   * Only for a public, non-personal GET (none yet): answer reads that another site started
   * (`Sec-Fetch-Site: cross-site`). Every other route refuses them before the session is read.
   */
  allowCrossSiteReads?: boolean;
  /** A route that reads a larger body than MAX_JSON_BODY_BYTES says so here and to parseJsonBody. */
  maxBodyBytes?: number;
};

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

export function errorResponse(error: PortalError): Response {
  const body: { error: { code: string; message: string; issues?: unknown } } = {
    error: { code: error.code, message: error.userMessage },
  };
  if (error.issues?.length) body.error.issues = error.issues;
  const response = Response.json(body, { status: error.status });
  if (error.code === "unavailable") response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return withApiHeaders(response);
}

/** Every API answer: never stored (it is personal data), and HSTS when the portal is on https. */
function withApiHeaders(response: Response): Response {
  response.headers.set("Cache-Control", NO_STORE);
  const hsts = strictTransportSecurity(env.AUTH_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

/** Resolves the gate for an actor; the order matters: suspension denies before anything else. */
export function gateActor(actor: Actor | null, options: Options = {}): GatedActor {
  if (!actor) throw new PortalError("unauthenticated");
  // A suspended person is answered as suspended, whatever else is missing.
  if (actor.secondFactor.required && !actor.secondFactor.enrolled && !actor.suspended)
    throw new PortalError("second_factor_required");
  if (!actor.activeRole) throw new PortalError("forbidden", { userMessage: "Choose the role you act in first." });
  if (options.gateInAccessDecision) return actor as GatedActor;
  if (actor.suspended) throw new PortalError("suspended");
  if (!options.allowPendingDeclaration && !actor.declaration.accepted) throw new PortalError("declaration_required");
  return actor as GatedActor;
}

export function withActor<Params = Record<string, string>>(
  handler: (context: RouteContext<Params>) => Promise<Response>,
  options: Options = {},
): (request: NextRequest, context: NextRouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      // Before the session is read: a forged request must not even refresh its idle timer, and
      // a refused cross-site read must reach no decision, no log entry, no misuse count.
      const refusal = apiRequestRefusal(request, {
        publicUrl: env.AUTH_URL,
        allowCrossSiteReads: options.allowCrossSiteReads === true,
        maxBodyBytes: options.maxBodyBytes,
      });
      if (refusal) throw refusal;
      const state = await getSessionState();
      // A session ended by a suspension that still holds answers as a suspended user does.
      if (state.status === "suspended") throw new PortalError("suspended");
      const actor = gateActor(state.status === "active" ? state.actor : null, options);
      const params = (await context.params) as Params;
      return withApiHeaders(await handler({ actor, request, params, requestId }));
    } catch (error) {
      if (isPortalError(error)) return errorResponse(error);
      // A database that cannot be reached is not a bug of ours: 503 with Retry-After (ADR 0025).
      if (isDatabaseUnavailable(error)) {
        reportDatabaseUnavailable();
        return errorResponse(new PortalError("unavailable"));
      }
      console.error(`[${requestId}] unhandled error in ${request.method} ${request.nextUrl.pathname}`, error);
      return errorResponse(new PortalError("internal"));
    }
  };
}

/**
 * Reads and validates a JSON body; every problem becomes a 4xx naming the field. The size is
 * checked on Content-Length before a byte is read (413), and a body without Content-Length is
 * read as a stream and abandoned as soon as it passes the limit: it is never read whole first.
 */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { maxBytes?: number } = {},
): Promise<z.infer<Schema>> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const refusal = jsonMediaTypeRefusal(request.headers) ?? contentLengthRefusal(request.headers, maxBytes);
  if (refusal) throw refusal;
  const text = await readBodyText(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PortalError("invalid_input", { userMessage: "The body is not valid JSON." });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidInput(parsed.error, "body");
  return parsed.data;
}

/** The body as UTF-8 text, at most `maxBytes` bytes (413 beyond, whatever Content-Length said). */
async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PortalError("payload_too_large", { userMessage: `The request body is larger than ${maxBytes} bytes.` });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PortalError("invalid_input", { userMessage: "The body is not valid UTF-8." });
  }
}

/** Validates the query string; unknown parameters and bad values become a 400 naming them. */
export function parseSearchParams<Schema extends z.ZodType>(request: NextRequest, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw invalidInput(parsed.error, "query");
  return parsed.data;
}

/** A 400 that names every field that is wrong and why. */
function invalidInput(error: z.ZodError, where: "body" | "query"): PortalError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join(".") || `(${where})`, message: issue.message }));
  return new PortalError("invalid_input", {
    userMessage: `Invalid ${where}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
    issues,
  });
}
