// Every server action is made here, the counterpart of withActor (lib/http/route.ts) for forms, so
// none can skip a step. A server action is a public endpoint: anyone can post anything to it,
// with any field names and any "previous state". In order, each action:
// 1. makes its request id on the server (never from a client header);
// 2. resolves the actor through the page guards (lib/auth/guards.ts): signed in, not suspended,
//    the active role still held and chosen, its declaration accepted, one of the action's roles;
//    a missing step redirects exactly as a page does, so an ended session is handled the same
//    way everywhere (to the login page). Only the role choice and the declaration itself opt out
//    of the later steps, and the language switch needs no actor at all;
// 3. reads the FormData with the action's zod schema (lib/http/form-data.ts): only the names the
//    schema knows, no prototype words, null-prototype nesting, bounded sizes;
// 4. runs the action, which ends in a redirect (post/redirect/get) or returns a failure;
// 5. answers every refusal in the one form state (lib/http/form-state.ts): the schema's issues
//    and a PortalError's field issues beside their fields (a field without a message of its own
//    named above the form), every other PortalError by its code
//    above the form, anything unexpected logged with the request id and answered generically.
// ADR 0011 says why this is our own small wrapper and not next-safe-action.
import "server-only";
import { randomUUID } from "node:crypto";
import { redirect, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor, GatedActor } from "@/lib/auth/actor";
import { requirePageActor, requireRoleChosenActor, requireSignedInActor } from "@/lib/auth/guards";
import { reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { isPortalError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseForm, type FormProblem } from "./form-data";
import type { FormState } from "./form-state";

/**
 * Who may call an action:
 * - `{ roles }`: the full gate of a page (requirePageActor);
 * - "role-chosen": signed in, not suspended, a role chosen; its declaration may still be pending
 *   (only for accepting that declaration);
 * - "signed-in": signed in and not suspended (only for choosing the role);
 * - "public": no actor (only for the language switch, which the login page needs too).
 */
export type ActionGate = { roles: readonly [Role, ...Role[]] } | "role-chosen" | "signed-in" | "public";

type ActorOf<Gate extends ActionGate> = Gate extends "public" ? null : Gate extends "signed-in" ? Actor : GatedActor;

/** A message above the form: text, or a heading with text where the form shows one. */
export type FormMessage = string | { title: string; text: string };
/** Beside a field: fixed, or chosen by the kind of problem (too short, too long). */
export type FieldMessage = string | ((issue: { code?: string }) => string);

/** What a run returns when it does not redirect: messages beside fields and/or above the form. */
export type FormFailure = { fieldErrors?: Record<string, string>; formError?: FormMessage };
/** What a run returns to show secrets once on the page (see FormState "done"). */
export type FormReveal = { reveal: string[] };

export type FormMessages = {
  /** By dotted field name: the message beside that field when its value is refused. */
  fields?: Record<string, FieldMessage>;
  /** Not permitted (forbidden, suspended, declaration pending, or the decision refused). */
  forbidden: FormMessage;
  /** Someone else changed it meanwhile (a stale version). Default: generic. */
  conflict?: FormMessage;
  /** The thing is gone. Default: generic. */
  notFound?: FormMessage;
  /** An invalid_input PortalError whose issues name no field of the form. Default: generic. */
  invalidInput?: FormFailure;
  generic: FormMessage;
};

export type FormActionDefinition<Gate extends ActionGate, Schema extends z.ZodType, Translate> = {
  gate: Gate;
  /** Names every field the form posts, hidden ones included: any other name refuses the form. */
  schema: Schema;
  /** The action's message namespace, e.g. `() => getTranslations("nurse")`. */
  translations: () => Promise<Translate>;
  messages: (t: Translate) => FormMessages;
  /** Does the work and redirects; returns a failure to show on the form instead. */
  run: (context: {
    actor: ActorOf<Gate>;
    input: z.output<Schema>;
    requestId: string;
    t: Translate;
  }) => Promise<FormFailure | FormReveal | void>;
};

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** What a test needs to know of an action made here: whom it lets in and which fields it reads. */
export type FormActionInfo = { gate: ActionGate; schema: z.ZodType };

const made = new WeakMap<FormAction, FormActionInfo>();

/** The gate and schema of an action made by formAction; undefined for any other function. */
export function formActionInfo(action: unknown): FormActionInfo | undefined {
  return typeof action === "function" ? made.get(action as FormAction) : undefined;
}

export function formAction<Gate extends ActionGate, Schema extends z.ZodType, Translate>(
  definition: FormActionDefinition<Gate, Schema, Translate>,
): FormAction {
  const action: FormAction = async (previous, formData) => {
    const requestId = randomUUID();
    const actor = (await resolveGate(definition.gate)) as ActorOf<Gate>;
    const attempt = nextAttempt(previous);
    const parsed = parseForm(formData, definition.schema);
    if (parsed.status === "refused") return refusedForm(parsed.problem, attempt);
    const t = await definition.translations();
    const messages = definition.messages(t);
    if (parsed.status === "invalid") {
      const fieldErrors = fieldErrorsOf(
        parsed.issues.map((issue) => ({ path: issue.path.join("."), code: issue.code })),
        messages,
      );
      return failed(
        Object.keys(fieldErrors).length ? { fieldErrors } : await unmessagedFieldFailure(parsed.issues, messages),
        parsed.values,
        attempt,
      );
    }
    let outcome: FormFailure | FormReveal | void;
    try {
      outcome = await definition.run({ actor, input: parsed.data, requestId, t });
    } catch (error) {
      // redirect() and notFound() are how Next navigates: they must leave the action.
      unstable_rethrow(error);
      if (isPortalError(error) && error.code === "unauthenticated") redirect("/login?reason=expired");
      return failed(await failureOf(error, messages, requestId), parsed.values, attempt);
    }
    if (!outcome) return { status: "done" };
    if ("reveal" in outcome) return { status: "done", reveal: outcome.reveal };
    return failed(outcome, parsed.values, attempt);
  };
  made.set(action, { gate: definition.gate, schema: definition.schema });
  return action;
}

async function resolveGate(gate: ActionGate): Promise<Actor | null> {
  if (gate === "public") return null;
  if (gate === "signed-in") return requireSignedInActor();
  if (gate === "role-chosen") return requireRoleChosenActor();
  return requirePageActor(gate.roles);
}

/**
 * The attempt counter comes back from the browser with the previous state, so it is as hostile as
 * the fields: only a small whole number is taken from it.
 */
function nextAttempt(previous: unknown): number {
  const attempt = (previous as { attempt?: unknown } | null)?.attempt;
  return typeof attempt === "number" && Number.isSafeInteger(attempt) && attempt >= 0 && attempt < 1_000_000
    ? attempt + 1
    : 1;
}

function failed(failure: FormFailure, values: Record<string, string>, attempt: number): FormState {
  const message = failure.formError;
  return {
    status: "error",
    fieldErrors: failure.fieldErrors ?? {},
    ...(message === undefined
      ? {}
      : typeof message === "string"
        ? { formError: message }
        : { formError: message.text, formErrorTitle: message.title }),
    values,
    attempt,
  };
}

function fieldErrorsOf(
  issues: ReadonlyArray<{ path: string; code?: string }>,
  messages: FormMessages,
): Record<string, string> {
  const fieldErrors = new Map<string, string>();
  const fields = messages.fields ?? {};
  for (const issue of issues) {
    if (fieldErrors.has(issue.path) || !Object.hasOwn(fields, issue.path)) continue;
    const message = fields[issue.path]!;
    fieldErrors.set(issue.path, typeof message === "string" ? message : message(issue));
  }
  // The first issue per field wins; fromEntries defines own properties whatever the name.
  return Object.fromEntries(fieldErrors);
}

async function failureOf(error: unknown, messages: FormMessages, requestId: string): Promise<FormFailure> {
  // The database cannot be reached: nothing was written (ADR 0025); the form keeps its values
  // and says so, and the next pages answer 503 until the database is back.
  if ((isPortalError(error) && error.code === "unavailable") || isDatabaseUnavailable(error)) {
    reportDatabaseUnavailable();
    const t = await getTranslations("unavailable");
    return { formError: { title: t("title"), text: t("body") } };
  }
  if (!isPortalError(error)) {
    console.error(`[${requestId}] server action failed`, error);
    return { formError: messages.generic };
  }
  switch (error.code) {
    case "forbidden":
    case "suspended":
    case "declaration_required":
      return { formError: messages.forbidden };
    case "conflict":
      return { formError: messages.conflict ?? messages.generic };
    case "not_found":
      return { formError: messages.notFound ?? messages.generic };
    case "invalid_input": {
      const fieldErrors = fieldErrorsOf(error.issues ?? [], messages);
      if (Object.keys(fieldErrors).length) return { fieldErrors };
      return messages.invalidInput ?? { formError: messages.generic };
    }
    case "rate_limited":
      return { formError: (await getTranslations("forms"))("rateLimited") };
    case "payload_too_large":
      return { formError: (await getTranslations("forms"))("refused.tooLarge") };
    default:
      return { formError: messages.generic };
  }
}

/**
 * A refused value in a field without a message of its own (a hidden id, a version, a choice the
 * page offers as buttons): only a forged or outdated form sends one, so it is named above the form,
 * as an unknown field is (issue 9: every refusal names what is wrong). An issue about the form as a
 * whole names no field and gets the form's generic message.
 */
async function unmessagedFieldFailure(
  issues: ReadonlyArray<{ path: PropertyKey[] }>,
  messages: FormMessages,
): Promise<FormFailure> {
  const named = issues.find((issue) => issue.path.length > 0);
  if (!named) return { formError: messages.generic };
  return {
    formError: (await getTranslations("forms"))("refused.invalidField", { name: named.path.map(String).join(".") }),
  };
}

/** A form refused as a whole: its fields are not echoed, its problem is named. */
async function refusedForm(problem: FormProblem, attempt: number): Promise<FormState> {
  const t = await getTranslations("forms");
  let formError: string;
  switch (problem.kind) {
    case "unknown_field":
      formError = t("refused.unknownField", { name: problem.name });
      break;
    case "forbidden_name":
      formError = t("refused.forbiddenName", { name: problem.name });
      break;
    case "duplicate_field":
      formError = t("refused.duplicateField", { name: problem.name });
      break;
    case "file_field":
      formError = t("refused.fileField", { name: problem.name });
      break;
    case "too_many_fields":
      formError = t("refused.tooManyFields");
      break;
    case "too_large":
      formError = t("refused.tooLarge");
      break;
    case "not_form":
      formError = t("refused.notForm");
  }
  return { status: "error", fieldErrors: {}, formError, values: {}, attempt };
}
