// Hostile input against every route handler and every server action (issue 9, ADR 0022), with
// fast-check. Both are found in the code (tests/support/request-surface.ts); a route or action
// without a fuzz target below fails the first tests. The cases are derived from the same zod
// schemas the routes and actions parse with (tests/support/zod-arbitrary.ts), so most of them
// reach the data layer, plus hostile extras: unknown fields, prototype keys (`__proto__`,
// `constructor`, `prototype`, dotted variants), huge strings, wrong types, numeric extremes,
// repeated fields, files, broken JSON. For every case:
// - no 5xx and nothing unexpected logged (an action's "500" is a logged, generic failure);
// - a refusal of the input is a 4xx naming what is wrong (a route's `issues` with their paths, an
//   action's message beside the field or naming the refused field);
// - a refused request changed no row of the database (a trigger counts every committed change);
//   a denial (403) may only write the access log, which is what a denial must do;
// - `({}).x` is still undefined: nothing reached Object.prototype.
// Cases per target: FUZZ_RUNS, else 1,000 when CI is set, else 100.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type Mock } from "vitest";
import type { z } from "zod";
import { ZAcceptDeclaration } from "@/app/api/declarations/accept/schemas";
import { ZAccessLogQuery } from "@/app/api/patients/[id]/access-log/schemas";
import { ZEmergencyAccessRequest } from "@/app/api/patients/[id]/emergency-access/schemas";
import type { SessionState } from "@/lib/auth/portal-session";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import type { Role } from "@/lib/generated/prisma/enums";
import { formActionInfo } from "@/lib/http/action";
import { parseForm } from "@/lib/http/form-data";
import { idleFormState, type FormState } from "@/lib/http/form-state";
import nlBE from "@/messages/nl-BE.json";
import { gated } from "../support/actors";
import { resetDatabase, testPrisma } from "../support/database";
import {
  IDENTITIES,
  changeWatcher,
  root,
  findRouteHandlers,
  findServerActions,
  portalRequest,
  prototypeIsClean,
  redirectTarget,
  type FoundAction,
  type FoundRoute,
} from "../support/request-surface";
import { arbitraryFor, formFields } from "../support/zod-arbitrary";

const session = vi.hoisted(() => ({ state: { status: "none" } as SessionState }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionState: async () => session.state,
}));
vi.mock("next-intl/server", () => {
  // One translator per namespace for the whole run: thousands of cases ask for the same few.
  const translators = new Map<string, unknown>();
  return {
    getTranslations: async (namespace = "") => {
      if (!translators.has(namespace)) {
        translators.set(
          namespace,
          createTranslator({ locale: "nl-BE", messages: nlBE, namespace: namespace as "forms" }),
        );
      }
      return translators.get(namespace);
    },
  };
});
// The record system's bearer token is tested on its own (tests/integration/fhir-auth.test.ts); here
// every Bundle comes from an authenticated caller, so the fuzzing reaches the transaction itself.
vi.mock("@/lib/fhir", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/fhir")>()),
  authenticateSystemCaller: async () => ({ clientId: "ehr-fuzz", scopes: ["system/*.write"] }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: () => {}, get: () => undefined, getAll: () => [] }),
  headers: async () => new Headers(),
}));

const forms = createTranslator({ locale: "nl-BE", messages: nlBE, namespace: "forms" });
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI ? 1000 : 100));
const watcher = changeWatcher();
/** Time allowed per case (a test's timeout grows with its case count); a case takes 2 to 90 ms. */
const CASE_BUDGET_MS = 250;

/**
 * What a denial writes: the access log entry that records it, and the suspension that the misuse
 * detection starts after too many denials (lib/access). Nothing else may change on a denial.
 */
const DENIAL_TABLES = new Set(["AccessLogEntry", "Suspension"]);

// ---------------------------------------------------------------------------------------------
// Hostile extras
// ---------------------------------------------------------------------------------------------

const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "__proto__.x",
  "constructor.prototype.x",
  "a.__proto__.x",
  "a.constructor.prototype.x",
  "__PROTO__",
  "__proto__[x]",
  "x.prototype",
];
const hostileName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom("toString", "hasOwnProperty", "valueOf", "isAdmin", "role", "") },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
);

/** Numbers as a query string or a form field carries them: the edges a parser gets wrong. */
const NUMERIC_EXTREMES = [
  "9999999999999999999",
  "99999999999999999999999999999999999999",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775809",
  "-1",
  "0",
  "-0",
  "+1",
  "1e3",
  "1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  " 5",
  "5 ",
  "5.5",
  "1,5",
  "",
  "𝟙",
  "٣",
  "null",
  "undefined",
  "[object Object]",
  "true",
];
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMERIC_EXTREMES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 50 }) },
  // Past every field's maximum, and past the form's and the body's limits.
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 300_000 }).map((length) => "x".repeat(length)) },
);
const hostileJson = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    "9999999999999999999",
    [],
    {},
  ),
  fc.jsonValue({ maxDepth: 2 }),
  hostileText,
);

/** Defines `key` as an own property, `__proto__` included (an object literal would set the prototype). */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON body text: shaped by the schema, or with an extra key, a wrong value, a huge one, or not JSON at all. */
function jsonBody(schema: z.ZodType): fc.Arbitrary<string> {
  const valid = arbitraryFor(schema);
  const keyed = <T>(other: fc.Arbitrary<T>) =>
    fc.tuple(valid, other, fc.nat()).map(([value, extra, pick]) => {
      const base = isRecord(value) ? value : {};
      const keys = Object.keys(base);
      return { base, key: keys.length ? keys[pick % keys.length]! : "x", extra };
    });
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((value) => JSON.stringify(value) ?? "null") },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, hostileName, hostileJson)
        .map(([value, key, extra]) => JSON.stringify(withOwn(isRecord(value) ? value : {}, key, extra))),
    },
    {
      weight: 2,
      arbitrary: keyed(hostileJson).map(({ base, key, extra }) => JSON.stringify(withOwn(base, key, extra))),
    },
    {
      weight: 1,
      arbitrary: keyed(fc.constant(null)).map(({ base, key }) => {
        const copy = { ...base };
        delete copy[key];
        return JSON.stringify(copy);
      }),
    },
    { weight: 1, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? "null") },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

/** A query string: the schema's parameters with fitting or hostile values, repeated or unknown ones. */
function queryString(schema: z.ZodType): fc.Arbitrary<string> {
  const entry = fc.tuple(
    fc.oneof(fc.constantFrom(...knownKeys(schema)), hostileName),
    fc.oneof(hostileText, fc.string({ maxLength: 20 })),
  );
  return fc
    .tuple(arbitraryFor(schema), fc.array(entry, { maxLength: 3 }), fc.boolean())
    .map(([value, extras, keepValid]) =>
      new URLSearchParams([...(keepValid ? formFields(value) : []), ...extras]).toString(),
    );
}

function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema._zod.def as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : ["limit"];
}

/** A route parameter as a path carries it: a real id, a malformed one, a huge one. */
const patientIdParam = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.values(demoIds.patients)) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: hostileText },
);

/**
 * A transaction Bundle: the documented example (docs/fhir/example-transaction.json; FHIR has no zod
 * schema here, its profiles are checked by lib/fhir/validation.ts) with one node replaced by a
 * hostile value, a hostile key added to one object, or not a Bundle at all.
 */
function fhirBundle(): fc.Arbitrary<string> {
  const example = JSON.parse(readFileSync(path.join(root, "docs/fhir/example-transaction.json"), "utf8")) as unknown;
  const nodes: Array<Array<string | number>> = [];
  const walk = (node: unknown, at: Array<string | number>) => {
    nodes.push(at);
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...at, index]));
    else if (isRecord(node)) for (const [key, value] of Object.entries(node)) walk(value, [...at, key]);
  };
  walk(example, []);
  const locate = (copy: unknown, pick: number) => {
    const at = nodes[pick % nodes.length]!;
    let parent: unknown = copy;
    for (const step of at.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
    return { parent: parent as Record<string | number, unknown>, last: at[at.length - 1] };
  };
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.nat(), hostileJson).map(([pick, value]) => {
        const copy = structuredClone(example);
        const { parent, last } = locate(copy, pick);
        if (last === undefined) return JSON.stringify(value);
        parent[last] = value;
        return JSON.stringify(copy);
      }),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.nat(), hostileName, hostileJson).map(([pick, key, value]) => {
        const copy = structuredClone(example) as Record<string, unknown>;
        const { parent, last } = locate(copy, pick);
        const target = last === undefined ? copy : parent[last];
        if (!isRecord(target)) return JSON.stringify(withOwn(copy, key, value));
        Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        return JSON.stringify(copy);
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 40 }),
        hostileJson.map((value) => JSON.stringify(value) ?? ""),
      ),
    },
  );
}

type Field = [name: string, value: string | Blob];

/** A form's fields: shaped by the schema, or with a hostile name, value, repetition, file or bulk. */
function formCase(schema: z.ZodType): fc.Arbitrary<Field[]> {
  const fields: fc.Arbitrary<Field[]> = arbitraryFor(schema).map((value) => formFields(value));
  const at = <T>(other: fc.Arbitrary<T>, change: (list: Field[], other: T, index: number) => Field[]) =>
    fc.tuple(fields, other, fc.nat()).map(([list, extra, pick]) => change(list, extra, pick % (list.length + 1)));
  return fc.oneof(
    { weight: 3, arbitrary: fields },
    // A hostile or unknown name among the fields.
    {
      weight: 3,
      arbitrary: at(fc.tuple(hostileName, fc.string({ maxLength: 10 })), (list, extra, index) =>
        insert(list, index, extra),
      ),
    },
    // A hostile value in a known field.
    {
      weight: 3,
      arbitrary: at(hostileText, (list, value, index) =>
        list.map((field, i): Field => (i === index ? [field[0], value] : field)),
      ),
    },
    // A field left out, repeated, or sent as a file.
    { weight: 1, arbitrary: at(fc.constant(0), (list, _, index) => list.filter((_, i) => i !== index)) },
    {
      weight: 1,
      arbitrary: at(fc.constant(0), (list, _, index) => (list[index] ? insert(list, index, list[index]) : list)),
    },
    {
      weight: 1,
      arbitrary: at(fc.constant(0), (list, _, index) =>
        list[index] ? insert(list, index, [list[index][0], new Blob(["x"])]) : list,
      ),
    },
    // More fields than any form has.
    { weight: 1, arbitrary: fields.map((list) => [...list, ...Array.from({ length: 201 }, (): Field => ["a", "b"])]) },
  );
}

function insert<T>(list: T[], index: number, item: T): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}

// ---------------------------------------------------------------------------------------------
// Targets: what each route is sent, and as whom
// ---------------------------------------------------------------------------------------------

type RouteCase = { request: NextRequest; params: Record<string, string> };
type RouteTarget = { actor: SessionState; cases: fc.Arbitrary<() => RouteCase> };

const asRole = (personId: string, role: Role): SessionState => ({ status: "active", actor: gated(personId, role) });
const an = asRole(IDENTITIES.PATIENT, "PATIENT");

const ROUTE_TARGETS: Record<string, RouteTarget | { notFuzzed: string }> = {
  "GET app/api/auth/[...nextauth]/route.ts": {
    notFuzzed:
      "next-auth's own endpoints need a Next request scope (cookies()); their input is next-auth's, checked by its CSRF token and tests/integration/login-security.test.ts",
  },
  "POST app/api/auth/[...nextauth]/route.ts": {
    notFuzzed: "as GET: next-auth's own, behind its CSRF token; the login's throttling is tested on its own",
  },
  "POST app/api/declarations/accept/route.ts": {
    actor: asRole(IDENTITIES.DOCTOR, "DOCTOR"),
    cases: jsonBody(ZAcceptDeclaration).map((body) => () => ({
      request: portalRequest("POST", "/api/declarations/accept", { body }),
      params: {},
    })),
  },
  "POST app/api/patients/[id]/emergency-access/route.ts": {
    // A nurse outside every care team: a valid case opens the file, as breaking the glass does.
    actor: asRole(demoIds.users.noah, "NURSE"),
    cases: fc.tuple(patientIdParam, jsonBody(ZEmergencyAccessRequest)).map(([id, body]) => () => ({
      request: portalRequest("POST", `/api/patients/${encodeURIComponent(id)}/emergency-access`, { body }),
      params: { id },
    })),
  },
  "GET app/api/patients/[id]/access-log/route.ts": {
    actor: an,
    cases: fc.tuple(patientIdParam, queryString(ZAccessLogQuery)).map(([id, query]) => () => ({
      request: portalRequest("GET", `/api/patients/${encodeURIComponent(id)}/access-log?${query}`),
      params: { id },
    })),
  },
  "GET app/api/patients/[id]/record/route.ts": {
    actor: asRole(IDENTITIES.NURSE, "NURSE"),
    cases: fc
      .tuple(patientIdParam, fc.array(fc.tuple(hostileName, hostileText), { maxLength: 2 }))
      .map(([id, query]) => () => ({
        request: portalRequest("GET", `/api/patients/${encodeURIComponent(id)}/record?${new URLSearchParams(query)}`),
        params: { id },
      })),
  },
  "GET app/api/fhir/metadata/route.ts": {
    actor: { status: "none" },
    cases: fc.array(fc.tuple(hostileName, hostileText), { maxLength: 3 }).map((query) => () => ({
      request: portalRequest("GET", `/api/fhir/metadata?${new URLSearchParams(query)}`),
      params: {},
    })),
  },
  "GET app/api/fhir/.well-known/smart-configuration/route.ts": {
    actor: { status: "none" },
    cases: fc.array(fc.tuple(hostileName, hostileText), { maxLength: 3 }).map((query) => () => ({
      request: portalRequest("GET", `/api/fhir/.well-known/smart-configuration?${new URLSearchParams(query)}`),
      params: {},
    })),
  },
  "POST app/api/fhir/token/route.ts": {
    actor: an,
    cases: fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom("grant_type", "scope", "client_assertion_type", "client_assertion", "client_id"),
            hostileName,
          ),
          fc.oneof(
            fc.constantFrom(
              "client_credentials",
              "system/*.write",
              "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
              "eyJhbGciOiJub25lIn0.eyJpc3MiOiJlaHItZGVtbyJ9.",
            ),
            hostileText,
          ),
        ),
        { maxLength: 6 },
      )
      .map((form) => () => ({
        request: portalRequest("POST", "/api/fhir/token", {
          body: new URLSearchParams(form).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
        params: {},
      })),
  },
  "POST app/api/fhir/route.ts": {
    actor: { status: "none" },
    cases: fhirBundle().map((body) => () => ({
      request: portalRequest("POST", "/api/fhir", {
        body,
        headers: { "content-type": "application/fhir+json", authorization: `Bearer ${"a".repeat(43)}` },
      }),
      params: {},
    })),
  },
};

const INSZ_CHECKSUM =
  "a national number's check digits (mod 97) are a rule of the schema the walk cannot see; the valid path is covered by the action's own integration tests";
/**
 * Actions whose schema the walk cannot satisfy, so their fuzz cases stay at the parser (where the
 * hostile part of the fuzzing is aimed anyway). Listed so a new gap shows up, and a closed one too.
 */
const SCHEMA_WALK_GAPS: Record<string, string> = {
  "app/account/second-factor/actions.ts#disableSecondFactorAction":
    "a refine (a TOTP or a recovery code) the walk cannot see; covered by the second-factor tests",
  "app/caregiver/actions.ts#lookupPatientAction": INSZ_CHECKSUM,
  "app/coordinator/actions.ts#registerPatientAction": INSZ_CHECKSUM,
  "app/coordinator/patients/[patientId]/actions.ts#recordRelationAction": INSZ_CHECKSUM,
  "app/coordinator/patients/[patientId]/actions.ts#recordRepresentativeAction": INSZ_CHECKSUM,
  "app/patient/exclusions/actions.ts#excludeByInszAction": INSZ_CHECKSUM,
  "app/patient/trusted-persons/actions.ts#appointTrustedPersonAction": INSZ_CHECKSUM,
};

/** The session an action is fuzzed under: the first role its gate lets in (p.an for the role-free gates). */
function actionActor(found: FoundAction): SessionState {
  const gate = formActionInfo(found.action)?.gate;
  if (gate === "public") return { status: "none" };
  if (gate && typeof gate === "object") return asRole(IDENTITIES[gate.roles[0]], gate.roles[0]);
  return an;
}

// ---------------------------------------------------------------------------------------------

// Found at collection time: each route and action is a test of its own.
const routes: FoundRoute[] = await findRouteHandlers();
const actions: FoundAction[] = await findServerActions();
const timings: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(testPrisma());
  await watcher.install();
  lastCounts = await watcher.counts();
});

afterAll(async () => {
  await watcher.uninstall();
  console.info(`fuzz cases per target: ${RUNS}\n${timings.join("\n")}`);
});

afterEach(() => {
  session.state = { status: "none" };
  expect(prototypeIsClean()).toBe(true);
});

let lastCounts: Record<string, number> = {};

/**
 * Tables whose rows changed while `work` ran (a rolled-back change is no change). The cases run one
 * after another and nothing else writes in between, so one case's "after" is the next one's "before":
 * one query per case.
 */
async function changedBy<T>(work: () => Promise<T>): Promise<{ result: T; changed: string[] }> {
  const before = lastCounts;
  const result = await work();
  const after = (lastCounts = await watcher.counts());
  return { result, changed: Object.keys(after).filter((table) => after[table] !== before[table]) };
}

const consoleErrors = () => (console.error as unknown as Mock).mock.calls.length;

describe("the fuzz targets", () => {
  it("cover every route handler in app/", () => {
    expect(routes.map((route) => route.key)).toEqual(Object.keys(ROUTE_TARGETS).sort());
  });
});

describe("every route handler under hostile input", () => {
  it.each(Object.entries(ROUTE_TARGETS).filter(([, target]) => "cases" in target))(
    "%s: no 5xx, every refusal a 4xx naming the problem, a refused request changes nothing",
    async (key, target) => {
      const { actor, cases } = target as RouteTarget;
      const route = routes.find((found) => found.key === key)!;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(cases, async (make) => {
          session.state = actor;
          const { request, params } = make();
          const sent = `${request.method} ${request.nextUrl.pathname}${request.nextUrl.search} ${await request.clone().text()}`;
          const errorsBefore = consoleErrors();
          const { result: response, changed } = await changedBy(() =>
            route.handler(request, { params: Promise.resolve(params) }),
          );
          const text = await response.text();
          const context = `${response.status} ${text.slice(0, 300)} for ${sent.slice(0, 4000)}`;
          expect(response.status, context).toBeLessThan(500);
          expect(consoleErrors(), context).toBe(errorsBefore);
          if (response.status === 400 && !key.includes("/fhir/")) {
            const body = JSON.parse(text) as { error: { code: string; message: string; issues?: { path: string }[] } };
            expect(body.error.code, context).toBe("invalid_input");
            const named = body.error.issues?.length
              ? body.error.issues.every((issue) => issue.path.length > 0)
              : /JSON|UTF-8/.test(body.error.message);
            expect(named, context).toBe(true);
          }
          if (response.status >= 400 && key === "POST app/api/fhir/route.ts") {
            // The record system's answers are OperationOutcomes that say what is wrong, and where.
            const outcome = JSON.parse(text) as { resourceType?: string; issue?: { diagnostics?: string }[] };
            expect(outcome.resourceType, context).toBe("OperationOutcome");
            expect(outcome.issue?.[0]?.diagnostics, context).toEqual(expect.any(String));
          }
          if (response.status >= 400) {
            const allowed = response.status === 403 ? DENIAL_TABLES : new Set<string>();
            expect(
              changed.filter((table) => !allowed.has(table)),
              context,
            ).toEqual([]);
          }
          expect(prototypeIsClean(), context).toBe(true);
        }),
        { numRuns: RUNS },
      );
      timings.push(`${key}: ${RUNS} cases in ${Math.round(performance.now() - started)} ms`);
    },
    CASE_BUDGET_MS * RUNS,
  );
});

describe("every server action under hostile input", () => {
  it("has a schema to derive its cases from", () => {
    expect(actions.filter((found) => !formActionInfo(found.action)).map((found) => found.key)).toEqual([]);
  });

  it("derives cases that reach past the parser: the schema accepts some of them, for every action", () => {
    // Without this, the fuzzing could pass by never getting past parseForm into the data layer.
    const rarelyValid = actions.flatMap((found) => {
      const schema = formActionInfo(found.action)!.schema;
      const accepted = fc.sample(arbitraryFor(schema), { numRuns: 200, seed: 9 }).filter((value) => {
        const form = new FormData();
        for (const [name, text] of formFields(value)) form.append(name, text);
        return parseForm(form, schema).status === "parsed";
      }).length;
      return accepted === 0 ? [found.key] : [];
    });
    expect(rarelyValid).toEqual(Object.keys(SCHEMA_WALK_GAPS).sort());
  });

  it.each(actions.map((found) => [found.key, found] as const))(
    "%s: answered with the form state naming the problem, a refused form changes nothing",
    async (key, found) => {
      const schema = formActionInfo(found.action)!.schema;
      const actor = actionActor(found);
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(formCase(schema), async (entries) => {
          session.state = actor;
          const form = new FormData();
          form.append("$ACTION_REF_1", "");
          for (const [name, value] of entries) form.append(name, value);
          const parse = parseForm(form, schema);
          const errorsBefore = consoleErrors();
          const { result: outcome, changed } = await changedBy(() =>
            found.action(idleFormState, form).then(
              (state): FormState | { redirect: string } => state,
              (error: unknown) => {
                const target = redirectTarget(error);
                if (target === undefined) throw error;
                return { redirect: target };
              },
            ),
          );
          const context = `${parse.status} ${JSON.stringify(outcome).slice(0, 300)}`;
          expect(consoleErrors(), context).toBe(errorsBefore);
          if (parse.status === "refused") {
            expect(outcome, context).toMatchObject({ status: "error", formError: expect.any(String) });
            expect(changed, context).toEqual([]);
          } else if (parse.status === "invalid") {
            expect(outcome, context).toMatchObject({ status: "error" });
            const { fieldErrors, formError } = outcome as { fieldErrors: object; formError?: string };
            // Beside the field, or above the form by its name (a hidden field has no place of its own).
            const named = parse.issues
              .filter((issue) => issue.path.length > 0)
              .map((issue) => forms("refused.invalidField", { name: issue.path.join(".") }));
            expect(Object.keys(fieldErrors).length > 0 || named.includes(formError ?? ""), context).toBe(true);
            expect(changed, context).toEqual([]);
          } else if ("status" in outcome && outcome.status === "error") {
            expect(
              changed.filter((table) => !DENIAL_TABLES.has(table)),
              context,
            ).toEqual([]);
          }
          expect(prototypeIsClean(), context).toBe(true);
        }),
        { numRuns: RUNS },
      );
      timings.push(`${key}: ${RUNS} cases in ${Math.round(performance.now() - started)} ms`);
    },
    CASE_BUDGET_MS * RUNS,
  );
});
