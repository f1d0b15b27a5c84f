// Every API route handler is wrapped once here, so none can skip authentication, the
// suspension check, the declaration gate or input parsing, and every failure leaves in the
// one JSON error shape `{ error: { code, message } }` (never a raw exception, never a 500
// for bad input).
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor, GatedActor } from "@/lib/auth/actor";
import { getSessionState } from "@/lib/auth/session";
import { PortalError, isPortalError } from "@/lib/errors";

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
};

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

export function errorResponse(error: PortalError): Response {
  const body: { error: { code: string; message: string; issues?: unknown } } = {
    error: { code: error.code, message: error.userMessage },
  };
  if (error.issues?.length) body.error.issues = error.issues;
  return Response.json(body, { status: error.status, headers: { "Cache-Control": "no-store" } });
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
      const state = await getSessionState();
      // A session ended by a suspension that still holds answers as a suspended user does.
      if (state.status === "suspended") throw new PortalError("suspended");
      const actor = gateActor(state.status === "active" ? state.actor : null, options);
      const params = (await context.params) as Params;
      const response = await handler({ actor, request, params, requestId });
      response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      if (isPortalError(error)) return errorResponse(error);
      console.error(`[${requestId}] unhandled error in ${request.method} ${request.nextUrl.pathname}`, error);
      return errorResponse(new PortalError("internal"));
    }
  };
}

/** Reads and validates a JSON body; every problem becomes a 4xx naming the field. */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().includes("application/json")) throw new PortalError("unsupported_media_type");
  const text = await request.text();
  if (text.length > 64 * 1024) throw new PortalError("payload_too_large");
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
