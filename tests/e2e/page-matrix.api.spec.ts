// Every page of the portal against every demo role and no session (issue 9, ADR 0022). The pages
// are found in the code (app/**/page.tsx), so a new page cannot be forgotten: a page missing from
// the table below fails the first test. Each page is requested once per identity over HTTP from
// the production server, without following redirects, and the answer must be the one in the
// table: shown (200), not found (404), or a redirect to a named place. next-auth's own endpoints
// (app/api/auth/[...nextauth], which the in-process matrix cannot run without a Next request) are
// checked here the same way. The route handlers and server actions are in the in-process matrix
// (tests/integration/request-matrix.test.ts).
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { reseedDemoWorld } from "./support/demo-world";
import { signedInContextPool } from "./support/login";

test.describe.configure({ mode: "serial" });

/** One demo account per role, and nobody signed in. */
const IDENTITIES = {
  none: null,
  PATIENT: "p.an",
  TRUSTED_PERSON: "t.tom",
  DOCTOR: "d.dirk",
  CAREGIVER: "c.carl",
  NURSE: "n.nina",
  SERVICE_CENTER: "s.sara",
  COORDINATOR: "k.kris",
  PRIVACY_OFFICER: "o.otto",
  LEGAL_REPRESENTATIVE: "r.rita",
} as const;
type Identity = keyof typeof IDENTITIES;
const COLUMNS = Object.keys(IDENTITIES) as Identity[];

const HOME: Record<Exclude<Identity, "none">, string> = {
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

/**
 * An expected answer: a status, "home" (a redirect to the identity's own role home: the page is
 * for another role), or "→<path>" (a redirect there).
 */
type Outcome = number | "home" | `→${string}`;
const ok = 200;
const home = "home";
const login = "→/login";
/** Signed in already (or not suspended): on to "/", which sends each role home. */
const toRoot = "→/";

/** A correction id that exists nowhere: the page must answer 404 to whoever passes its gate. */
/** app/not-found.tsx's heading (nl-BE, the contexts' language). */
const NOT_FOUND_TITLE = "Deze pagina bestaat niet";
const UNKNOWN_CORRECTION = "00000000-0000-4000-8000-000000000000";

// Columns: none, PATIENT, TRUSTED_PERSON, DOCTOR, CAREGIVER, NURSE, SERVICE_CENTER, COORDINATOR,
// PRIVACY_OFFICER, LEGAL_REPRESENTATIVE (the order of IDENTITIES).
const PAGES: Record<string, { url: string; outcomes: Outcome[] }> = {
  "app/account/second-factor/page.tsx": {
    url: "/account/second-factor",
    outcomes: [login, ok, ok, ok, ok, ok, ok, ok, ok, ok],
  },
  "app/caregiver/page.tsx": { url: "/caregiver", outcomes: [login, home, home, ok, ok, home, home, home, home, home] },
  "app/caregiver/patients/[patientId]/correction/page.tsx": {
    url: "/caregiver/patients/pat-an/correction",
    outcomes: [login, home, home, ok, ok, home, home, home, home, home],
  },
  "app/caregiver/patients/[patientId]/page.tsx": {
    url: "/caregiver/patients/pat-an",
    outcomes: [login, home, home, ok, ok, home, home, home, home, home],
  },
  "app/choose-role/page.tsx": {
    url: "/choose-role",
    outcomes: [login, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot],
  },
  "app/coordinator/page.tsx": {
    url: "/coordinator",
    outcomes: [login, home, home, home, home, home, home, ok, home, home],
  },
  "app/coordinator/patients/[patientId]/page.tsx": {
    url: "/coordinator/patients/pat-an",
    outcomes: [login, home, home, home, home, home, home, ok, home, home],
  },
  "app/declaration/page.tsx": { url: "/declaration", outcomes: [login, ok, ok, ok, ok, ok, ok, ok, ok, ok] },
  "app/login/page.tsx": {
    url: "/login",
    outcomes: [ok, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot],
  },
  "app/nurse/page.tsx": { url: "/nurse", outcomes: [login, home, home, home, home, ok, home, home, home, home] },
  "app/nurse/patients/[patientId]/page.tsx": {
    url: "/nurse/patients/pat-an",
    outcomes: [login, home, home, home, home, ok, home, home, home, home],
  },
  "app/open-from-portal/page.tsx": { url: "/open-from-portal", outcomes: [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok] },
  "app/page.tsx": { url: "/", outcomes: [login, home, home, home, home, home, home, home, home, home] },
  "app/patient/access-log/page.tsx": {
    url: "/patient/access-log",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/patient/consent/page.tsx": {
    url: "/patient/consent",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/patient/corrections/page.tsx": {
    url: "/patient/corrections",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/patient/exclusions/page.tsx": {
    url: "/patient/exclusions",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/patient/file/page.tsx": {
    url: "/patient/file",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/patient/page.tsx": { url: "/patient", outcomes: [login, ok, home, home, home, home, home, home, home, home] },
  "app/patient/representatives/page.tsx": {
    url: "/patient/representatives",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/patient/trusted-persons/page.tsx": {
    url: "/patient/trusted-persons",
    outcomes: [login, ok, home, home, home, home, home, home, home, home],
  },
  "app/privacy-officer/page.tsx": {
    url: "/privacy-officer",
    outcomes: [login, home, home, home, home, home, home, home, ok, home],
  },
  "app/privacy/page.tsx": { url: "/privacy", outcomes: [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok] },
  "app/representative/page.tsx": {
    url: "/representative",
    outcomes: [login, home, home, home, home, home, home, home, home, ok],
  },
  "app/representative/patients/[patientId]/consent/page.tsx": {
    url: "/representative/patients/pat-finn/consent",
    outcomes: [login, home, home, home, home, home, home, home, home, ok],
  },
  "app/representative/patients/[patientId]/page.tsx": {
    url: "/representative/patients/pat-finn",
    outcomes: [login, home, home, home, home, home, home, home, home, ok],
  },
  "app/service-center/corrections/[id]/page.tsx": {
    url: `/service-center/corrections/${UNKNOWN_CORRECTION}`,
    outcomes: [login, home, home, home, home, home, 404, home, home, home],
  },
  "app/service-center/corrections/page.tsx": {
    url: "/service-center/corrections",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/service-center/declarations/page.tsx": {
    url: "/service-center/declarations",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/service-center/page.tsx": {
    url: "/service-center",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/service-center/patients/[patientId]/page.tsx": {
    url: "/service-center/patients/pat-an",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/service-center/patients/page.tsx": {
    url: "/service-center/patients",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/service-center/review/page.tsx": {
    url: "/service-center/review",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/service-center/security-log/page.tsx": {
    url: "/service-center/security-log",
    outcomes: [login, home, home, home, home, home, ok, home, home, home],
  },
  "app/suspended/page.tsx": {
    url: "/suspended",
    outcomes: [login, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot, toRoot],
  },
  "app/trusted-person/page.tsx": {
    url: "/trusted-person",
    outcomes: [login, home, ok, home, home, home, home, home, home, home],
  },
  "app/trusted-person/patients/[patientId]/page.tsx": {
    url: "/trusted-person/patients/pat-an",
    outcomes: [login, home, ok, home, home, home, home, home, home, home],
  },
};

type Request = { method: "GET" | "POST"; url: string; outcomes: Outcome[] };
/** next-auth's endpoints by exported method of app/api/auth/[...nextauth]/route.ts. */
const NEXT_AUTH: Record<string, Request> = {
  GET: { method: "GET", url: "/api/auth/session", outcomes: [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok] },
  // Without next-auth's CSRF token a sign-out is refused: back to its confirmation page.
  POST: { method: "POST", url: "/api/auth/signout", outcomes: Array<Outcome>(10).fill("→/api/auth/signout?csrf=true") },
};

function pageFiles(dir = join(process.cwd(), "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return entry.name === "page.tsx" ? [relative(process.cwd(), path).split(sep).join("/")] : [];
  });
}

/**
 * What an answer is, in the table's terms. A page under app/loading.tsx streams: its shell is sent
 * (200) before the page's guard runs, so a redirect or notFound() in the guard arrives in the
 * body instead, as Next's refresh tag or its not-found marker; both are read as the status they stand for.
 */
function outcomeOf(identity: Identity, status: number, location: string | undefined, body: string): Outcome {
  const streamedRedirect = /<meta[^>]*id="__next-page-redirect"[^>]*content="\d+;url=([^"]+)"/.exec(body)?.[1];
  const target = status >= 300 && status < 400 ? location : streamedRedirect;
  if (target) {
    const url = new URL(target.replaceAll("&amp;", "&"), "http://portal");
    const path = `${url.pathname}${url.search}`;
    if (identity !== "none" && path === HOME[identity]) return home;
    return `→${path}`;
  }
  // notFound() after the shell: Next's error digest in the stream (as NEXT_REDIRECT is for a
  // redirect), or the not-found heading rendered as HTML. Not the title as text alone: every
  // page's RSC payload carries the not-found boundary as data.
  const streamedNotFound = /\$RX\("[^"]*","NEXT_HTTP_ERROR_FALLBACK;404"/.test(body);
  if (status === 200 && (streamedNotFound || new RegExp(`<h1[^>]*>${NOT_FOUND_TITLE}</h1>`).test(body))) return 404;
  return status;
}

const { signedIn, disposeAll } = signedInContextPool();
const contexts = new Map<Identity, APIRequestContext>();

test.beforeAll(async ({ baseURL, playwright }) => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
  for (const identity of COLUMNS) {
    const username = IDENTITIES[identity];
    contexts.set(
      identity,
      username === null
        ? await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } })
        : await signedIn(baseURL, username),
    );
  }
});
test.afterAll(async () => {
  await contexts.get("none")?.dispose();
  await disposeAll();
});

test("the table names every page in app/, with an outcome for every identity", () => {
  expect(pageFiles().sort()).toEqual(Object.keys(PAGES).sort());
  for (const [file, page] of Object.entries(PAGES)) expect(page.outcomes.length, file).toBe(COLUMNS.length);
  for (const [method, request] of Object.entries(NEXT_AUTH))
    expect(request.outcomes.length, method).toBe(COLUMNS.length);
});

async function answers(requests: Array<{ key: string; method: "GET" | "POST"; url: string }>) {
  const actual: Record<string, Outcome[]> = {};
  for (const { key, method, url } of requests) {
    actual[key] = [];
    for (const identity of COLUMNS) {
      const response = await contexts.get(identity)!.fetch(url, { method, maxRedirects: 0 });
      const body = response.status() === 200 ? await response.text() : "";
      actual[key].push(outcomeOf(identity, response.status(), response.headers().location, body));
    }
  }
  return actual;
}

test("every page answers every identity as the table says", async () => {
  test.setTimeout(240_000);
  const actual = await answers(
    Object.entries(PAGES).map(([file, page]) => ({ key: file, method: "GET" as const, url: page.url })),
  );
  const expected = Object.fromEntries(Object.entries(PAGES).map(([file, page]) => [file, page.outcomes]));
  expect(actual).toEqual(expected);
});

test("next-auth's endpoints answer every identity as the table says", async () => {
  const actual = await answers(
    Object.entries(NEXT_AUTH).map(([key, request]) => ({ key, method: request.method, url: request.url })),
  );
  const expected = Object.fromEntries(Object.entries(NEXT_AUTH).map(([key, request]) => [key, request.outcomes]));
  expect(actual).toEqual(expected);
});
