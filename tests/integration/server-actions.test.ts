// Every server action of the portal, found by scanning the code for "use server" files (a new one
// cannot be forgotten), against hostile field names (issue 9): a field named `__proto__.x`,
// `constructor.prototype.x` or `a.__proto__.x` posted to any action must pollute nothing
// (`({}).x` stays undefined), be answered with the one form state naming the problem (no throw, no
// 500) and leave the database exactly as it was. The actions run as in the portal: through
// formAction (lib/http/action.ts), the page guards and lib/, on the real test database; only the
// session lookup (at the lib boundary), next-intl's request config and the cookie store are
// replaced, since there is no Next request around them here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { SessionState } from "@/lib/auth/portal-session";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import type { Role } from "@/lib/generated/prisma/enums";
import { formActionInfo, type ActionGate, type FormAction } from "@/lib/http/action";
import { knownFieldNames } from "@/lib/http/form-data";
import { idleFormState, type FormState } from "@/lib/http/form-state";
import nlBE from "@/messages/nl-BE.json";
import { gated } from "../support/actors";
import { resetDatabase, testPrisma } from "../support/database";

const session = vi.hoisted(() => ({ state: { status: "none" } as SessionState }));
const cookieJar = vi.hoisted(() => ({ set: [] as Array<{ name: string; value: string; options: unknown }> }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionState: async () => session.state,
}));
vi.mock("next-intl/server", () => ({
  // The real catalog, so a missing key or a wrong placeholder fails here as it would in the portal.
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: "nl-BE", messages: nlBE, namespace: namespace as "forms" }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    set: (name: string, value: string, options: unknown) => cookieJar.set.push({ name, value, options }),
  }),
}));

const db = testPrisma();
const root = path.resolve(__dirname, "../..");
const t = createTranslator({ locale: "nl-BE", messages: nlBE, namespace: "forms" });

/** The source files that may hold server actions: everything the app bundles. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return full.endsWith(path.join("lib", "generated")) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

const serverActionFiles = ["app", "components", "lib"]
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .filter((file) => /["']use server["']/.test(readFileSync(file, "utf8")));

type FoundAction = { name: string; action: FormAction; gate: ActionGate; fields: string[] };
let actions: FoundAction[] = [];

const actorIdByRole = {
  PATIENT: demoIds.patients.an,
  TRUSTED_PERSON: demoIds.users.tom,
  DOCTOR: demoIds.users.dirk,
  CAREGIVER: demoIds.users.carl,
  NURSE: demoIds.users.nina,
  SERVICE_CENTER: demoIds.users.sara,
  COORDINATOR: demoIds.users.kris,
  PRIVACY_OFFICER: demoIds.users.otto,
  LEGAL_REPRESENTATIVE: demoIds.users.rita,
} as const satisfies Record<Role, string>;

/** A signed-in session that passes the action's gate. */
function sessionFor(gate: ActionGate): SessionState {
  if (gate === "public") return { status: "none" };
  const role: Role = typeof gate === "object" ? gate.roles[0] : "PATIENT";
  const actor: Actor = gated(actorIdByRole[role], role);
  return { status: "active", actor };
}

/** Where a redirect() thrown by an action points; undefined for any other throw. */
function redirectTarget(error: unknown): string | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;") ? digest.split(";")[2] : undefined;
}

/** Every row of every application table, as one comparable value. */
async function databaseSnapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const snapshot: Record<string, string> = {};
  for (const { tablename } of tables) {
    const quoted = `"${tablename.replaceAll('"', '""')}"`;
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${quoted} t`,
    );
    snapshot[tablename] = row!.digest;
  }
  return snapshot;
}

/** A form with every field the action reads, and `hostile` in the middle of them. */
function hostileForm(fields: string[], hostile: string): FormData {
  const formData = new FormData();
  formData.append("$ACTION_REF_1", "");
  const half = Math.ceil(fields.length / 2);
  for (const name of fields.slice(0, half)) formData.append(name, "1");
  formData.append(hostile, "polluted");
  for (const name of fields.slice(half)) formData.append(name, "1");
  return formData;
}

function expectCleanPrototype(): void {
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("x");
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("a");
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  for (const file of serverActionFiles) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      const info = formActionInfo(value);
      actions.push({
        name: `${path.relative(root, file)}#${exportName}`,
        action: value as FormAction,
        gate: info?.gate ?? "public",
        fields: info ? [...knownFieldNames(info.schema)] : [],
      });
    }
  }
  actions = actions.sort((a, b) => a.name.localeCompare(b.name));
});

beforeEach(() => {
  cookieJar.set = [];
});

afterEach(() => {
  session.state = { status: "none" };
  expectCleanPrototype();
});

describe("the server actions of the portal", () => {
  it("are all file-level 'use server' modules, found by scanning the code", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(15);
    for (const file of serverActionFiles) {
      // Inline "use server" functions would escape this test and the wrapper: not allowed.
      expect(readFileSync(file, "utf8").trimStart().startsWith('"use server";'), path.relative(root, file)).toBe(true);
    }
  });

  it("are every one made by formAction (lib/http/action.ts)", () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
    const notWrapped = actions.filter((found) => !formActionInfo(found.action)).map((found) => found.name);
    expect(notWrapped).toEqual([]);
  });
});

describe.each(["__proto__.x", "constructor.prototype.x", "a.__proto__.x"])("a field named %s", (hostile) => {
  it("is refused by every action with the form state, pollutes nothing and changes nothing", async () => {
    const before = await databaseSnapshot();
    for (const found of actions) {
      session.state = sessionFor(found.gate);
      let state: FormState | undefined;
      let thrown: unknown;
      try {
        state = await found.action(idleFormState, hostileForm(found.fields, hostile));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, found.name).toBeUndefined();
      expect(state, found.name).toEqual({
        status: "error",
        fieldErrors: {},
        formError: t("refused.forbiddenName", { name: hostile }),
        values: {},
        attempt: 1,
      });
      expectCleanPrototype();
    }
    expect(cookieJar.set).toEqual([]);
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("a field the form does not have", () => {
  it("is refused by every action by name, not dropped, and changes nothing", async () => {
    const before = await databaseSnapshot();
    for (const found of actions) {
      session.state = sessionFor(found.gate);
      const state = await found.action(
        { status: "error", fieldErrors: {}, values: {}, attempt: 4 },
        hostileForm(found.fields, "isAdmin"),
      );
      expect(state, found.name).toMatchObject({
        status: "error",
        formError: t("refused.unknownField", { name: "isAdmin" }),
        attempt: 5,
      });
    }
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("an ended session", () => {
  it("sends every action that needs an actor to the login page, before reading the form", async () => {
    for (const found of actions.filter((candidate) => candidate.gate !== "public")) {
      for (const [state, target] of [
        [{ status: "none" }, "/login"],
        [{ status: "expired" }, "/login?reason=expired"],
      ] as const) {
        session.state = state;
        const outcome = await found.action(idleFormState, hostileForm(found.fields, "__proto__.x")).then(
          () => "answered",
          (error: unknown) => redirectTarget(error),
        );
        expect(outcome, found.name).toBe(target);
      }
    }
  });
});

describe("the same harness sees what a real post does", () => {
  // Without these, the "changes nothing" above could pass because nothing ever could change.
  it("writes and redirects for a valid form", async () => {
    const consent = actions.find((found) => found.name.endsWith("app/patient/consent/actions.ts#setConsentAction"))!;
    session.state = { status: "active", actor: gated(demoIds.patients.bart, "PATIENT") };
    const before = await databaseSnapshot();
    const form = new FormData();
    form.append("give", "true");
    const outcome = await consent.action(idleFormState, form).then(
      () => "answered",
      (error: unknown) => redirectTarget(error),
    );
    expect(outcome).toBe("/patient/consent?done=given");
    const after = await databaseSnapshot();
    expect(after.ConsentEvent).not.toBe(before.ConsentEvent);
    expect(after.AccessLogEntry).not.toBe(before.AccessLogEntry);
  });

  it("answers a wrong value beside its field, with what was typed", async () => {
    const addNote = actions.find((found) => found.name.endsWith("#addNoteAction"))!;
    session.state = sessionFor(addNote.gate);
    const form = new FormData();
    form.append("patientId", demoIds.patients.an);
    form.append("id", "6f1c7a52-55d0-4a43-9d3c-0b1e5d1c1a11");
    form.append("kind", "OBSERVATION");
    form.append("text", "   ");
    const state = await addNote.action(idleFormState, form);
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { text: (nlBE.nurse as { note: { textError: string } }).note.textError },
      values: { text: "   ", kind: "OBSERVATION" },
    });
  });

  it("sets the language cookie with every option explicit", async () => {
    const changeLocale = actions.find((found) => found.name.endsWith("#changeLocale"))!;
    const form = new FormData();
    form.append("locale", "fr-BE");
    expect(await changeLocale.action(idleFormState, form)).toEqual({ status: "done" });
    expect(cookieJar.set).toEqual([
      {
        name: "NEXT_LOCALE",
        value: "fr-BE",
        options: expect.objectContaining({ path: "/", sameSite: "lax", httpOnly: true, secure: false }),
      },
    ]);
  });
});
