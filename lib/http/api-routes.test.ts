// Every API route handler goes through withActor (lib/http/route.ts), which applies the
// request-shape rules (Origin and media type of a write, no cross-site read, body size) before
// anything else. proxy.ts does not run for /api (ADR 0012), so this test is what makes the
// rules impossible to skip: it reads app/api and fails on an exported handler that is not
// `withActor(...)`, in a route added later too.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Routes that protect themselves another way, with the reason. */
const NOT_WRAPPED: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's own endpoints: their POSTs carry next-auth's CSRF token (double-submit cookie), and the demo-login contract posts a form to them",
  "app/api/fhir/token/route.ts":
    "SMART token endpoint, machine to machine: a form-encoded client assertion signed with the client's key is the only credential, no cookie is read or set, so a cross-site post gains nothing; size-capped (ADR 0017)",
};

/**
 * The record system's FHIR API answers bearer tokens only, never cookies, so the browser rules
 * (Origin, cross-site reads) have nothing to protect there; its own wrapper answers in
 * OperationOutcomes and caps the body (lib/fhir/http.ts, ADR 0018).
 */
const MACHINE_WRAPPER = { dir: "app/api/fhir/", wrapper: "withFhirRoute" };

function routeFiles(dir = join(root, "app", "api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /^route\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

/** The HTTP methods a route file exports, and whether each is `withActor(...)`. */
function exportedHandlers(source: string, wrapper = "withActor"): Array<{ method: string; wrapped: boolean }> {
  const handlers: Array<{ method: string; wrapped: boolean }> = [];
  for (const match of source.matchAll(
    new RegExp(`export\\s+(?:async\\s+)?(?:const|let|var|function)\\s+([A-Z]+)\\b(\\s*=\\s*${wrapper}\\s*[<(])?`, "g"),
  )) {
    if (HTTP_METHODS.includes(match[1]!)) handlers.push({ method: match[1]!, wrapped: Boolean(match[2]) });
  }
  // `export { handler as POST }` and re-exports from another module.
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1]!.split(",").map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
    )) {
      if (HTTP_METHODS.includes(name)) handlers.push({ method: name, wrapped: false });
    }
  }
  return handlers;
}

describe("API route handlers", () => {
  const files = routeFiles();

  it("finds the routes it is meant to check", () => {
    expect(files).toContain("app/api/patients/[id]/record/route.ts");
    expect(files).toContain("app/api/declarations/accept/route.ts");
  });

  it("are all wrapped in withActor, except the listed ones", () => {
    const unwrapped = files.flatMap((file) =>
      file in NOT_WRAPPED
        ? []
        : exportedHandlers(
            readFileSync(join(root, file), "utf8"),
            file.startsWith(MACHINE_WRAPPER.dir) ? MACHINE_WRAPPER.wrapper : "withActor",
          )
            .filter((handler) => !handler.wrapped)
            .map((handler) => `${file} ${handler.method}`),
    );
    expect(unwrapped).toEqual([]);
  });

  it("each export at least one handler, so the scan cannot pass by finding none", () => {
    for (const file of files) {
      expect(exportedHandlers(readFileSync(join(root, file), "utf8")).length, file).toBeGreaterThan(0);
    }
  });

  it("tell a wrapped handler from one that is not", () => {
    expect(exportedHandlers("export const POST = withActor(async () => new Response());")).toEqual([
      { method: "POST", wrapped: true },
    ]);
    expect(exportedHandlers("export const GET = withActor<{ id: string }>(async () => x);")).toEqual([
      { method: "GET", wrapped: true },
    ]);
    expect(exportedHandlers("export async function POST(request) { return new Response(); }")).toEqual([
      { method: "POST", wrapped: false },
    ]);
    expect(exportedHandlers("export const DELETE = handler;")).toEqual([{ method: "DELETE", wrapped: false }]);
    expect(exportedHandlers("export { handler as GET, handler as POST };")).toEqual([
      { method: "GET", wrapped: false },
      { method: "POST", wrapped: false },
    ]);
  });

  it("lists no exception that no longer exists", () => {
    expect(Object.keys(NOT_WRAPPED).filter((file) => !files.includes(file))).toEqual([]);
  });
});
