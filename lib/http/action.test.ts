// formAction's mapping of every outcome to the one form state, with the guards and translations
// replaced: the integration test (tests/integration/server-actions.test.ts) runs the real actions.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { GatedActor } from "@/lib/auth/actor";
import { PortalError } from "@/lib/errors";
import { formAction, formActionInfo, type FormFailure } from "./action";
import { idleFormState, type FormState } from "./form-state";

const guard = vi.hoisted(() => ({ calls: [] as string[] }));

vi.mock("@/lib/auth/guards", () => {
  const actor = {
    sessionId: "s",
    personId: "usr-nina",
    displayName: "Nina",
    roles: ["NURSE"],
    activeRole: "NURSE",
    declaration: { currentVersion: 1, accepted: true },
    suspended: false,
  };
  return {
    requirePageActor: async (roles: string[]) => (guard.calls.push(`page:${roles.join(",")}`), actor),
    requireRoleChosenActor: async () => (guard.calls.push("role-chosen"), actor),
    requireSignedInActor: async () => (guard.calls.push("signed-in"), actor),
  };
});
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => (key: string, values?: Record<string, unknown>) =>
    `${namespace}.${key}${values ? ` ${JSON.stringify(values)}` : ""}`,
}));

const ZForm = z.object({ reason: z.string().trim().min(10).max(20), itemId: z.string().min(1) });

function actionThat(run: (input: z.output<typeof ZForm>, actor: GatedActor) => Promise<FormFailure | void>) {
  return formAction({
    gate: { roles: ["NURSE"] },
    schema: ZForm,
    translations: async () => (key: string) => `t.${key}`,
    messages: (t) => ({
      fields: { reason: (issue) => t(issue.code === "too_big" ? "tooLong" : "tooShort") },
      forbidden: t("forbidden"),
      conflict: t("conflict"),
      notFound: { title: t("goneTitle"), text: t("gone") },
      generic: t("generic"),
    }),
    run: ({ input, actor }) => run(input, actor),
  });
}

function form(reason: string, itemId = "item-1"): FormData {
  const data = new FormData();
  data.append("reason", reason);
  data.append("itemId", itemId);
  return data;
}

const valid = form("Een goede reden");
const error = (formError: string, extra: Partial<Extract<FormState, { status: "error" }>> = {}) => ({
  status: "error",
  fieldErrors: {},
  formError,
  values: { reason: "Een goede reden", itemId: "item-1" },
  attempt: 1,
  ...extra,
});

beforeEach(() => {
  guard.calls = [];
});

describe("formAction", () => {
  it("passes the gate first, then hands the parsed input and the actor to run", async () => {
    const run = vi.fn(async () => {});
    expect(await actionThat(run)(idleFormState, valid)).toEqual({ status: "done" });
    expect(guard.calls).toEqual(["page:NURSE"]);
    expect(run).toHaveBeenCalledWith(
      { reason: "Een goede reden", itemId: "item-1" },
      expect.objectContaining({ personId: "usr-nina" }),
    );
  });

  it("puts a refused value beside its field, chosen by the kind of problem", async () => {
    const run = vi.fn(async () => {});
    const tooShort = await actionThat(run)(idleFormState, form("kort"));
    expect(tooShort).toEqual({
      status: "error",
      fieldErrors: { reason: "t.tooShort" },
      values: { reason: "kort", itemId: "item-1" },
      attempt: 1,
    });
    expect(await actionThat(run)(idleFormState, form("x".repeat(30)))).toMatchObject({
      fieldErrors: { reason: "t.tooLong" },
    });
    // A field without a message of its own (a hidden id) is named above the form.
    expect(await actionThat(run)(idleFormState, form("Een goede reden", ""))).toMatchObject({
      fieldErrors: {},
      formError: 'forms.refused.invalidField {"name":"itemId"}',
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("maps every PortalError by its code", async () => {
    const throwing = (thrown: unknown) => actionThat(async () => Promise.reject(thrown));
    expect(await throwing(new PortalError("forbidden"))(idleFormState, valid)).toEqual(error("t.forbidden"));
    expect(await throwing(new PortalError("suspended"))(idleFormState, valid)).toEqual(error("t.forbidden"));
    expect(await throwing(new PortalError("declaration_required"))(idleFormState, valid)).toEqual(error("t.forbidden"));
    expect(await throwing(new PortalError("conflict"))(idleFormState, valid)).toEqual(error("t.conflict"));
    expect(await throwing(new PortalError("not_found"))(idleFormState, valid)).toEqual(
      error("t.gone", { formErrorTitle: "t.goneTitle" }),
    );
    expect(
      await throwing(new PortalError("invalid_input", { issues: [{ path: "reason", message: "too short" }] }))(
        idleFormState,
        valid,
      ),
    ).toEqual({ ...error("t.generic"), formError: undefined, fieldErrors: { reason: "t.tooShort" } });
    expect(await throwing(new PortalError("invalid_input"))(idleFormState, valid)).toEqual(error("t.generic"));
    expect(await throwing(new PortalError("rate_limited"))(idleFormState, valid)).toEqual(error("forms.rateLimited"));
    expect(await throwing(new PortalError("internal"))(idleFormState, valid)).toEqual(error("t.generic"));
  });

  it("sends an ended session to the login page", async () => {
    const action = actionThat(async () => Promise.reject(new PortalError("unauthenticated")));
    await expect(action(idleFormState, valid)).rejects.toMatchObject({
      digest: expect.stringContaining("/login?reason=expired"),
    });
  });

  it("lets redirect() through and logs an unexpected error without showing it", async () => {
    const { redirect } = await import("next/navigation");
    await expect(actionThat(async () => redirect("/done"))(idleFormState, valid)).rejects.toMatchObject({
      digest: expect.stringContaining("/done"),
    });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await actionThat(async () => Promise.reject(new Error("secret table name")))(idleFormState, valid);
    expect(state).toEqual(error("t.generic"));
    expect(JSON.stringify(state)).not.toContain("secret");
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringMatching(/^\[[0-9a-f-]{36}\] server action failed$/),
      expect.any(Error),
    );
  });

  it("returns a failure from run with the typed values", async () => {
    const state = await actionThat(async () => ({ fieldErrors: { itemId: "weg" }, formError: "niet meer" }))(
      idleFormState,
      valid,
    );
    expect(state).toEqual(error("niet meer", { fieldErrors: { itemId: "weg" } }));
  });

  it("reads only a small whole number from the previous state the browser sends back", async () => {
    const action = actionThat(async () => ({ formError: "nee" }));
    const attempt = async (previous: unknown) =>
      ((await action(previous as FormState, valid)) as { attempt: number }).attempt;
    expect(await attempt({ status: "error", attempt: 4 })).toBe(5);
    expect(await attempt({ status: "error", attempt: "4" })).toBe(1);
    expect(await attempt({ status: "error", attempt: 1e12 })).toBe(1);
    expect(await attempt({ status: "error", attempt: -3 })).toBe(1);
    expect(await attempt(null)).toBe(1);
    expect(await attempt("__proto__")).toBe(1);
  });

  it("refuses the form before run for a hostile name, naming it", async () => {
    const run = vi.fn(async () => {});
    const hostile = form("Een goede reden");
    hostile.append("__proto__.x", "polluted");
    expect(await actionThat(run)(idleFormState, hostile)).toEqual({
      status: "error",
      fieldErrors: {},
      formError: 'forms.refused.forbiddenName {"name":"__proto__.x"}',
      values: {},
      attempt: 1,
    });
    expect(run).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("records its gate and schema, so a test can find every action made here", () => {
    const action = actionThat(async () => {});
    expect(formActionInfo(action)).toEqual({ gate: { roles: ["NURSE"] }, schema: ZForm });
    expect(formActionInfo(async () => {})).toBeUndefined();
  });
});
