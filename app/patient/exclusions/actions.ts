"use server";
// Exclusion actions: the guard first, the form checked with the shared zod schema, then
// lib/patient-settings decides MANAGE_PATIENT_SETTINGS again and writes with its log entry. The
// patient is always the signed-in person.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionErrorKind, personFieldErrors } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import { excludeByInsz, excludeRelatedPerson, liftExclusion, type ChangeResult } from "@/lib/patient-settings";
import { ZExcludeByInszForm, ZExcludeRelatedForm, ZLiftExclusionForm } from "@/lib/patient-settings/schemas";

const PATH = "/patient/exclusions";

type Translate = Awaited<ReturnType<typeof getTranslations<"exclusions">>>;
type Outcome = { allowed: true; result: ChangeResult } | { allowed: false };

/** Runs one change and maps its answer; returns the `done` code, or the failed form state. */
async function run(
  previous: ActionFormState,
  values: Record<string, string>,
  t: Translate,
  change: () => Promise<Outcome>,
  codes: { changed: string; unchanged: string },
): Promise<string | ActionFormState> {
  try {
    const outcome = await change();
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    if (!outcome.result.ok)
      return formFailure(previous, values, {
        formError: t(outcome.result.problem === "self" ? "errors.self" : "errors.noMatch"),
      });
    return outcome.result.changed ? codes.changed : codes.unchanged;
  } catch (error) {
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "exclusion change")}`) });
  }
}

export async function excludeRelatedAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("exclusions");
  const parsed = ZExcludeRelatedForm.safeParse({ personId: formData.get("personId") });
  if (!parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  const done = await run(
    previous,
    {},
    t,
    () =>
      excludeRelatedPerson({
        actor,
        patientId: actor.personId,
        requestId: randomUUID(),
        personId: parsed.data.personId,
      }),
    { changed: "excluded", unchanged: "alreadyExcluded" },
  );
  if (typeof done !== "string") return done;
  redirect(`${PATH}?done=${done}`);
}

export async function excludeByInszAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("exclusions");
  const values = formValues(formData, ["insz", "lastName"]);
  const parsed = ZExcludeByInszForm.safeParse(values);
  if (!parsed.success) return formFailure(previous, values, { fieldErrors: personFieldErrors(parsed.error.issues, t) });
  const done = await run(
    previous,
    values,
    t,
    () => excludeByInsz({ actor, patientId: actor.personId, requestId: randomUUID(), ...parsed.data }),
    { changed: "excluded", unchanged: "alreadyExcluded" },
  );
  if (typeof done !== "string") return done;
  redirect(`${PATH}?done=${done}`);
}

export async function liftExclusionAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["PATIENT"]);
  const t = await getTranslations("exclusions");
  const parsed = ZLiftExclusionForm.safeParse({ exclusionId: formData.get("exclusionId") });
  if (!parsed.success) return formFailure(previous, {}, { formError: t("errors.generic") });
  const done = await run(
    previous,
    {},
    t,
    () =>
      liftExclusion({
        actor,
        patientId: actor.personId,
        requestId: randomUUID(),
        exclusionId: parsed.data.exclusionId,
      }),
    { changed: "lifted", unchanged: "alreadyLifted" },
  );
  if (typeof done !== "string") return done;
  redirect(`${PATH}?done=${done}`);
}
