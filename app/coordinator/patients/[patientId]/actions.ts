"use server";
// The coordinator's changes to one patient's care organisation. Each is a public endpoint: the
// page's guard first, the form checked with its zod schema (the patient id from the form is only
// a request: lib/coordinator decides the action about it through the access core), then the
// change commits with its log entry. post/redirect/get: the page confirms what happened.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actionErrorKind } from "@/components/patient-settings/action-errors";
import { formFailure, formValues, type ActionFormState } from "@/components/patient-settings/form-state";
import { requirePageActor } from "@/lib/auth/guards";
import {
  assignCareTeamNurse,
  endCareEpisode,
  recordLegalRepresentative,
  recordTherapeuticRelation,
  startCareEpisode,
  unassignCareTeamNurse,
  type Outcome,
} from "@/lib/coordinator";
import {
  ZAssignNurseForm,
  ZEndEpisodeForm,
  ZRecordRelationForm,
  ZRecordRepresentativeForm,
  ZStartEpisodeForm,
  ZUnassignNurseForm,
} from "@/lib/coordinator/schemas";

const ZPatientId = z.string().min(1).max(100);

type T = Awaited<ReturnType<typeof getTranslations<"coordinator">>>;

/**
 * The steps every action shares: guard, parse, run, map the outcome. `run` answers a problem key
 * (shown above the form) or the `done` key of the confirmation.
 */
async function coordinatorAction<Schema extends z.ZodType>(
  previous: ActionFormState,
  formData: FormData,
  names: readonly string[],
  schema: Schema,
  fieldError: (field: string, t: T) => string,
  run: (
    input: { actor: Awaited<ReturnType<typeof requirePageActor>>; patientId: string; requestId: string },
    data: z.output<Schema>,
  ) => Promise<Outcome<{ problem: string } | { done: string }>>,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["COORDINATOR"]);
  const t = await getTranslations("coordinator");
  const values = formValues(formData, names);
  const patientId = ZPatientId.safeParse(formData.get("patientId"));
  if (!patientId.success) return formFailure(previous, values, { formError: t("errors.generic") });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] = fieldError(String(issue.path[0]), t);
    return formFailure(previous, values, { fieldErrors });
  }
  let done: string;
  try {
    const outcome = await run({ actor, patientId: patientId.data, requestId: randomUUID() }, parsed.data);
    if (!outcome.allowed) return formFailure(previous, values, { formError: t("errors.forbidden") });
    if ("problem" in outcome.result)
      return formFailure(previous, values, {
        formError: t(`problems.${outcome.result.problem}` as Parameters<T>[0]),
      });
    done = outcome.result.done;
  } catch (error) {
    return formFailure(previous, values, { formError: t(`errors.${actionErrorKind(error, "coordinator action")}`) });
  }
  redirect(`/coordinator/patients/${encodeURIComponent(patientId.data)}?done=${done}`);
}

/** Maps a lib result to the action's answer. */
function answer<R extends { ok: true; changed: boolean } | { ok: false; problem: string }>(
  outcome: Outcome<R>,
  done: string,
  unchanged = done,
): Outcome<{ problem: string } | { done: string }> {
  if (!outcome.allowed) return outcome;
  const result = outcome.result;
  return {
    allowed: true,
    result: result.ok ? { done: result.changed ? done : unchanged } : { problem: result.problem },
  };
}

const dateError = (_field: string, t: T) => t("errors.date");

export async function startEpisodeAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return coordinatorAction(previous, formData, ["startDate"], ZStartEpisodeForm, dateError, async (input, data) =>
    answer(await startCareEpisode({ ...input, startDate: data.startDate }), "episodeStarted"),
  );
}

export async function endEpisodeAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return coordinatorAction(previous, formData, ["endDate"], ZEndEpisodeForm, dateError, async (input, data) => {
    const outcome = await endCareEpisode({ ...input, endDate: data.endDate });
    if (!outcome.allowed) return outcome;
    return {
      allowed: true,
      result: outcome.result.ok ? { done: "episodeEnded" } : { problem: outcome.result.problem },
    };
  });
}

export async function assignNurseAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return coordinatorAction(
    previous,
    formData,
    ["nurseId", "responsible"],
    ZAssignNurseForm,
    (_field, t) => t("errors.nurse"),
    async (input, data) =>
      answer(
        await assignCareTeamNurse({ ...input, nurseId: data.nurseId, responsible: data.responsible }),
        data.responsible ? "responsibleSet" : "nurseAssigned",
        "nothingChanged",
      ),
  );
}

export async function unassignNurseAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return coordinatorAction(
    previous,
    formData,
    ["assignmentId"],
    ZUnassignNurseForm,
    (_field, t) => t("errors.generic"),
    async (input, data) =>
      answer(
        await unassignCareTeamNurse({ ...input, assignmentId: data.assignmentId }),
        "nurseUnassigned",
        "nothingChanged",
      ),
  );
}

export async function recordRelationAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return coordinatorAction(
    previous,
    formData,
    ["caregiverInsz", "term", "startDate", "proof"],
    ZRecordRelationForm,
    (field, t) =>
      field === "caregiverInsz" ? t("errors.insz") : field === "proof" ? t("errors.proof") : t("errors.date"),
    async (input, data) => answer(await recordTherapeuticRelation({ ...input, ...data }), "relationRecorded"),
  );
}

export async function recordRepresentativeAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  return coordinatorAction(
    previous,
    formData,
    ["representativeInsz", "lastName", "firstName", "basis", "proof"],
    ZRecordRepresentativeForm,
    (field, t) =>
      field === "representativeInsz" ? t("errors.insz") : field === "proof" ? t("errors.proof") : t("errors.name"),
    async (input, data) =>
      answer(await recordLegalRepresentative({ ...input, ...data }), "representativeRecorded", "nothingChanged"),
  );
}
