"use server";
// Exclusion actions. Each is a public endpoint made by formAction (lib/http/action.ts), which
// re-checks the actor and reads the form; lib/patient-settings decides MANAGE_PATIENT_SETTINGS
// again and writes with its log entry. The patient is always the signed-in person.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction, type FormFailure, type FormMessages } from "@/lib/http/action";
import { excludeByInsz, excludeRelatedPerson, liftExclusion, type ChangeResult } from "@/lib/patient-settings";
import { ZExcludeByInszForm, ZExcludeRelatedForm, ZLiftExclusionForm } from "@/lib/patient-settings/schemas";

const PATH = "/patient/exclusions";

type Translate = Awaited<ReturnType<typeof getTranslations<"exclusions">>>;
type Outcome = { allowed: true; result: ChangeResult } | { allowed: false };

function messages(t: Translate): FormMessages {
  return {
    fields: { insz: t("errors.insz"), lastName: t("errors.lastName") },
    forbidden: t("errors.forbidden"),
    conflict: t("errors.conflict"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  };
}

/** Maps one change's answer: a redirect with its `done` code, or the failure to show. */
function answer(outcome: Outcome, t: Translate, codes: { changed: string; unchanged: string }): FormFailure {
  if (!outcome.allowed) return { formError: t("errors.forbidden") };
  if (!outcome.result.ok) return { formError: t(outcome.result.problem === "self" ? "errors.self" : "errors.noMatch") };
  redirect(`${PATH}?done=${outcome.result.changed ? codes.changed : codes.unchanged}`);
}

export const excludeRelatedAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZExcludeRelatedForm,
  translations: () => getTranslations("exclusions"),
  messages,
  run: async ({ actor, input, requestId, t }) =>
    answer(await excludeRelatedPerson({ actor, patientId: actor.personId, requestId, personId: input.personId }), t, {
      changed: "excluded",
      unchanged: "alreadyExcluded",
    }),
});

export const excludeByInszAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZExcludeByInszForm,
  translations: () => getTranslations("exclusions"),
  messages,
  run: async ({ actor, input, requestId, t }) =>
    answer(await excludeByInsz({ actor, patientId: actor.personId, requestId, ...input }), t, {
      changed: "excluded",
      unchanged: "alreadyExcluded",
    }),
});

export const liftExclusionAction = formAction({
  gate: { roles: ["PATIENT"] },
  schema: ZLiftExclusionForm,
  translations: () => getTranslations("exclusions"),
  messages,
  run: async ({ actor, input, requestId, t }) =>
    answer(await liftExclusion({ actor, patientId: actor.personId, requestId, exclusionId: input.exclusionId }), t, {
      changed: "lifted",
      unchanged: "alreadyLifted",
    }),
});
