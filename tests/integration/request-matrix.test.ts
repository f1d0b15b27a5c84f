// Every route handler and every server action against every demo role and no session (issue 9,
// ADR 0022), with the expected answer in the tables below. Both are found in the code
// (tests/support/request-surface.ts): a handler or action missing from its table fails the first
// tests, so a new one cannot be forgotten. They run in-process as in the portal (withActor or
// formAction, the guards, lib/, the real test database); only the session lookup, next-intl's
// request config and the cookie store are replaced, since there is no Next request around them.
// The pages and next-auth's own endpoints need a real Next server: they are in the same kind of
// table in tests/e2e/page-matrix.api.spec.ts.
import { createTranslator } from "next-intl";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionState } from "@/lib/auth/portal-session";
import { seedDemoWorld } from "@/tests/support/demo-world";
import { idleFormState } from "@/lib/http/form-state";
import nlBE from "@/messages/nl-BE.json";
import { resetDatabase, testPrisma } from "../support/database";
import {
  COLUMNS,
  findRouteHandlers,
  findServerActions,
  portalRequest,
  prototypeIsClean,
  redirectTarget,
  sessionOf,
  type FoundAction,
  type FoundRoute,
  type Identity,
} from "../support/request-surface";

const session = vi.hoisted(() => ({ state: { status: "none" } as SessionState }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionState: async () => session.state,
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: "nl-BE", messages: nlBE, namespace: namespace as "forms" }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: () => {}, get: () => undefined, getAll: () => [] }),
  headers: async () => new Headers(),
}));

/**
 * An expected answer. Routes: the HTTP status. Actions: "form" (past the gate: the empty form is
 * answered with the form state), "done" (past the gate, and the action ran on it), "home" (a
 * redirect to the identity's own role home: the action is another role's), or "→<path>" (a
 * redirect there). "http": checked over HTTP in tests/e2e/page-matrix.api.spec.ts instead.
 */
type Outcome = number | "form" | "done" | "home" | "http" | `→${string}`;
const login = "→/login";
const home = "home";
const form = "form";
/** Starting a second factor needs no field: the action runs and reloads its page (post/redirect/get). */
const reload = "→/account/second-factor";
const http = ["http", "http", "http", "http", "http", "http", "http", "http", "http", "http"] satisfies Outcome[];

// Columns: none, PATIENT (p.an), TRUSTED_PERSON (t.tom), DOCTOR (d.dirk), CAREGIVER (c.carl),
// NURSE (n.nina), SERVICE_CENTER (s.sara), COORDINATOR (k.kris), PRIVACY_OFFICER (o.otto),
// LEGAL_REPRESENTATIVE (r.rita).

/** The request each route gets, the same for every identity: about An, as the portal sends it. */
const ROUTES: Record<string, { request: () => Request; params?: Record<string, string>; outcomes: Outcome[] }> = {
  "GET app/api/auth/[...nextauth]/route.ts": {
    request: () => portalRequest("GET", "/api/auth/session"),
    outcomes: http,
  },
  "POST app/api/auth/[...nextauth]/route.ts": {
    request: () => portalRequest("POST", "/api/auth/signout"),
    outcomes: http,
  },
  "POST app/api/declarations/accept/route.ts": {
    request: () => portalRequest("POST", "/api/declarations/accept", { body: JSON.stringify({ version: 4 }) }),
    outcomes: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  "GET app/api/fhir/.well-known/smart-configuration/route.ts": {
    request: () => portalRequest("GET", "/api/fhir/.well-known/smart-configuration"),
    outcomes: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  "GET app/api/fhir/metadata/route.ts": {
    request: () => portalRequest("GET", "/api/fhir/metadata"),
    outcomes: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  // A signed-in person's cookie is no credential for the record system's API: a bearer token is.
  "POST app/api/fhir/route.ts": {
    request: () =>
      portalRequest("POST", "/api/fhir", {
        body: JSON.stringify({ resourceType: "Bundle", type: "transaction", entry: [] }),
        headers: { "content-type": "application/fhir+json" },
      }),
    outcomes: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
  },
  "POST app/api/fhir/token/route.ts": {
    request: () =>
      portalRequest("POST", "/api/fhir/token", {
        body: "grant_type=client_credentials&scope=system%2F*.write",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    outcomes: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
  },
  "GET app/api/patients/[id]/access-log/route.ts": {
    request: () => portalRequest("GET", "/api/patients/pat-an/access-log?limit=5"),
    params: { id: "pat-an" },
    outcomes: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  "POST app/api/patients/[id]/emergency-access/route.ts": {
    request: () =>
      portalRequest("POST", "/api/patients/pat-an/emergency-access", {
        body: JSON.stringify({ reason: "Patiënt reageert niet, huisarts onbereikbaar" }),
      }),
    params: { id: "pat-an" },
    outcomes: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403],
  },
  "GET app/api/patients/[id]/record/route.ts": {
    request: () => portalRequest("GET", "/api/patients/pat-an/record"),
    params: { id: "pat-an" },
    outcomes: [401, 200, 200, 200, 200, 200, 200, 403, 403, 403],
  },
};

/** By file, then by exported action. */
const ACTIONS: Record<string, Record<string, Outcome[]>> = {
  "app/account/second-factor/actions.ts": {
    beginEnrolmentAction: [login, reload, reload, reload, reload, reload, reload, reload, reload, reload],
    confirmEnrolmentAction: [login, form, form, form, form, form, form, form, form, form],
    disableSecondFactorAction: [login, form, form, form, form, form, form, form, form, form],
  },
  "app/caregiver/actions.ts": {
    lookupPatientAction: [login, home, home, form, form, home, home, home, home, home],
  },
  "app/caregiver/patients/[patientId]/correction/actions.ts": {
    requestCaregiverCorrectionAction: [login, home, home, form, form, home, home, home, home, home],
  },
  "app/choose-role/actions.ts": {
    chooseRoleAction: [login, form, form, form, form, form, form, form, form, form],
  },
  "app/coordinator/actions.ts": {
    registerPatientAction: [login, home, home, home, home, home, home, form, home, home],
  },
  "app/coordinator/patients/[patientId]/actions.ts": {
    assignNurseAction: [login, home, home, home, home, home, home, form, home, home],
    endEpisodeAction: [login, home, home, home, home, home, home, form, home, home],
    recordRelationAction: [login, home, home, home, home, home, home, form, home, home],
    recordRepresentativeAction: [login, home, home, home, home, home, home, form, home, home],
    startEpisodeAction: [login, home, home, home, home, home, home, form, home, home],
    unassignNurseAction: [login, home, home, home, home, home, home, form, home, home],
  },
  "app/declaration/actions.ts": {
    acceptDeclarationAction: [login, form, form, form, form, form, form, form, form, form],
  },
  "app/nurse/actions.ts": {
    emergencyAccessAction: [login, home, home, home, home, form, home, home, home, home],
  },
  "app/nurse/patients/[patientId]/actions.ts": {
    addNoteAction: [login, home, home, home, home, form, home, home, home, home],
    correctNoteAction: [login, home, home, home, home, form, home, home, home, home],
    correctVitalAction: [login, home, home, home, home, form, home, home, home, home],
    planVisitAction: [login, home, home, home, home, form, home, home, home, home],
    recordVitalAction: [login, home, home, home, home, form, home, home, home, home],
    resolveCorrectionAction: [login, home, home, home, home, form, home, home, home, home],
    updateCarePlanAction: [login, home, home, home, home, form, home, home, home, home],
  },
  "app/patient/consent/actions.ts": {
    setConsentAction: [login, form, home, home, home, home, home, home, home, home],
  },
  "app/patient/corrections/actions.ts": {
    addCommentAction: [login, form, home, home, home, home, home, home, home, home],
    requestCorrectionAction: [login, form, home, home, home, home, home, home, home, home],
  },
  "app/patient/exclusions/actions.ts": {
    excludeByInszAction: [login, form, home, home, home, home, home, home, home, home],
    excludeRelatedAction: [login, form, home, home, home, home, home, home, home, home],
    liftExclusionAction: [login, form, home, home, home, home, home, home, home, home],
  },
  "app/patient/representatives/actions.ts": {
    setAgreementAction: [login, form, home, home, home, home, home, home, home, home],
  },
  "app/patient/trusted-persons/actions.ts": {
    appointTrustedPersonAction: [login, form, home, home, home, home, home, home, home, home],
    revokeTrustedPersonAction: [login, form, home, home, home, home, home, home, home, home],
  },
  "app/representative/patients/[patientId]/consent/actions.ts": {
    setChildConsentAction: [login, home, home, home, home, home, home, home, home, form],
  },
  "app/service-center/corrections/[id]/actions.ts": {
    rejectCorrectionAction: [login, home, home, home, home, home, form, home, home, home],
    resolveAdministrativeAction: [login, home, home, home, home, home, form, home, home, home],
    routeToNurseAction: [login, home, home, home, home, home, form, home, home, home],
  },
  "app/service-center/declarations/actions.ts": {
    publishDeclarationAction: [login, home, home, home, home, home, form, home, home, home],
  },
  "app/service-center/patients/[patientId]/actions.ts": {
    correctAdministrativeAction: [login, home, home, home, home, home, form, home, home, home],
  },
  "app/service-center/review/actions.ts": {
    liftSuspensionAction: [login, home, home, home, home, home, form, home, home, home],
    reviewEmergencyAccessAction: [login, home, home, home, home, home, form, home, home, home],
  },
  "lib/i18n/actions.ts": {
    changeLocale: [form, form, form, form, form, form, form, form, form, form],
  },
};

const actionTable: Record<string, Outcome[]> = Object.fromEntries(
  Object.entries(ACTIONS).flatMap(([file, row]) =>
    Object.entries(row).map(([name, outcomes]) => [`${file}#${name}`, outcomes]),
  ),
);

const HOME_PATHS: Record<Exclude<Identity, "none">, string> = {
  PATIENT: "/patient",
  TRUSTED_PERSON: "/trusted-person",
  DOCTOR: "/caregiver",
  CAREGIVER: "/caregiver",
  NURSE: "/nurse",
  SERVICE_CENTER: "/service-center",
  COORDINATOR: "/coordinator",
  PRIVACY_OFFICER: "/privacy-officer",
  LEGAL_REPRESENTATIVE: "/representative",
};

let routes: FoundRoute[] = [];
let actions: FoundAction[] = [];

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(testPrisma());
  routes = await findRouteHandlers();
  actions = await findServerActions();
});

afterEach(() => {
  session.state = { status: "none" };
  expect(prototypeIsClean()).toBe(true);
});

describe("the tables", () => {
  it("name every route handler in app/, with an outcome for every identity", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.map((route) => route.key)).toEqual(Object.keys(ROUTES).sort());
    for (const [key, route] of Object.entries(ROUTES)) expect(route.outcomes.length, key).toBe(COLUMNS.length);
  });

  it("name every server action, with an outcome for every identity", () => {
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(actions.map((action) => action.key)).toEqual(Object.keys(actionTable).sort());
    for (const [key, outcomes] of Object.entries(actionTable)) expect(outcomes.length, key).toBe(COLUMNS.length);
  });
});

describe("every route handler", () => {
  it("answers every identity as its table row says", async () => {
    const actual: Record<string, Outcome[]> = {};
    for (const route of routes) {
      const row = ROUTES[route.key];
      actual[route.key] = [];
      for (const [column, identity] of COLUMNS.entries()) {
        if (row?.outcomes[column] === "http") {
          actual[route.key]!.push("http");
          continue;
        }
        session.state = sessionOf(identity);
        const request = row ? row.request() : portalRequest(route.method, "/");
        const response = await route.handler(request as never, { params: Promise.resolve(row?.params ?? {}) });
        actual[route.key]!.push(response.status);
      }
    }
    expect(actual).toEqual(Object.fromEntries(Object.entries(ROUTES).map(([key, row]) => [key, row.outcomes])));
  });
});

describe("every server action", () => {
  it("answers every identity as its table row says", async () => {
    const actual: Record<string, Outcome[]> = {};
    for (const found of actions) {
      actual[found.key] = [];
      for (const identity of COLUMNS) {
        session.state = sessionOf(identity);
        const form = new FormData();
        form.append("$ACTION_REF_1", "");
        const outcome: Outcome = await found.action(idleFormState, form).then(
          (state) => (state.status === "error" ? "form" : "done"),
          (error: unknown) => {
            const target = redirectTarget(error);
            if (target === undefined) throw error;
            return identity !== "none" && target === HOME_PATHS[identity] ? home : (`→${target}` as const);
          },
        );
        actual[found.key]!.push(outcome);
      }
    }
    expect(actual).toEqual(actionTable);
  });
});
