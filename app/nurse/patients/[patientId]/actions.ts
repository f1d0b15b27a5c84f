"use server";
// The nurse's writes to one file. Each action is a public endpoint: it re-checks the actor,
// validates with the form's schema, and lets lib/nursing (or lib/corrections/nurse) decide
// (WRITE_NURSING_FILE, logged) and write. The patient id of the file forms comes from a hidden
// field and is only a claim: the access decision is what lets the write through. Resolving a
// correction takes its patient from the stored request instead. On success: redirect back with
// what happened (post/redirect/get).
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requirePageActor } from "@/lib/auth/guards";
import { resolveRoutedCorrection, type ResolveProblem } from "@/lib/corrections/nurse";
import {
  addNursingNote,
  correctNursingNote,
  correctVitalSign,
  planVisit,
  recordVitalSign,
  updateCarePlanItem,
  type NursingContext,
} from "@/lib/nursing";
import {
  ZAddNote,
  ZCorrectNote,
  ZCorrectVital,
  ZPlanVisit,
  ZRecordVital,
  ZResolveCorrection,
  ZRowId,
  ZUpdateCarePlanItem,
} from "@/lib/nursing/schemas";
import { formValues, type ActionFormState } from "../../_forms/form-state";
import { runFormAction, type FormMessages } from "../../_forms/run-action";
import { fieldErrorMessages, type NurseTranslate, type WorkScreenForm } from "./form-messages";
import type { Done } from "./done";

function formMessages(form: WorkScreenForm, t: NurseTranslate): FormMessages {
  return {
    fields: fieldErrorMessages(form, t),
    conflict: t("errors.conflict"),
    forbidden: t("errors.forbidden"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  };
}

async function writeFileEntry<S extends z.ZodType>(
  previous: ActionFormState,
  formData: FormData,
  form: WorkScreenForm,
  schema: S,
  done: Done,
  write: (context: NursingContext, data: z.output<S>) => Promise<unknown>,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["NURSE"]);
  const t = await getTranslations("nurse");
  const patientId = ZRowId.safeParse(formData.get("patientId"));
  if (!patientId.success)
    return { status: "error", fieldErrors: {}, formError: t("errors.generic"), values: {}, attempt: 1 };
  const failed = await runFormAction(previous, formData, schema, formMessages(form, t), async (data) => {
    await write({ actor, patientId: patientId.data }, data);
  });
  if (failed) return failed;
  redirect(`/nurse/patients/${encodeURIComponent(patientId.data)}?done=${done}`);
}

/** A form's schema, the confirmation it redirects to, and the lib function that writes. */
function fileEntryForm<S extends z.ZodType>(
  schema: S,
  done: Done,
  write: (context: NursingContext, data: z.output<S>) => Promise<unknown>,
) {
  return {
    schema: schema as z.ZodType,
    done,
    write: write as (context: NursingContext, data: unknown) => Promise<unknown>,
  };
}

const fileEntryForms = {
  addNote: fileEntryForm(ZAddNote, "note", addNursingNote),
  recordVital: fileEntryForm(ZRecordVital, "vital", recordVitalSign),
  planVisit: fileEntryForm(ZPlanVisit, "visit", planVisit),
  correctNote: fileEntryForm(ZCorrectNote, "corrected", correctNursingNote),
  correctVital: fileEntryForm(ZCorrectVital, "vitalCorrected", correctVitalSign),
  updateCarePlan: fileEntryForm(ZUpdateCarePlanItem, "carePlan", updateCarePlanItem),
} satisfies Partial<Record<WorkScreenForm, unknown>>;

function submit(
  form: keyof typeof fileEntryForms,
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const { schema, done, write } = fileEntryForms[form];
  return writeFileEntry(previous, formData, form, schema, done, write);
}

export const addNoteAction = async (previous: ActionFormState, formData: FormData) =>
  submit("addNote", previous, formData);
export const recordVitalAction = async (previous: ActionFormState, formData: FormData) =>
  submit("recordVital", previous, formData);
export const planVisitAction = async (previous: ActionFormState, formData: FormData) =>
  submit("planVisit", previous, formData);
export const correctNoteAction = async (previous: ActionFormState, formData: FormData) =>
  submit("correctNote", previous, formData);
export const correctVitalAction = async (previous: ActionFormState, formData: FormData) =>
  submit("correctVital", previous, formData);
export const updateCarePlanAction = async (previous: ActionFormState, formData: FormData) =>
  submit("updateCarePlan", previous, formData);

const resolveProblemMessage = {
  stale: "errors.conflict",
  not_routed: "resolve.notRouted",
  // Said the same way: whether the request exists, is someone else's or the file is closed.
  not_found: "resolve.notYours",
  not_assigned: "resolve.notYours",
  forbidden: "resolve.notYours",
  emergency_only: "resolve.emergencyOnly",
} as const satisfies Record<ResolveProblem, string>;

export async function resolveCorrectionAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const actor = await requirePageActor(["NURSE"]);
  const t = await getTranslations("nurse");
  let problem: ResolveProblem | null = null;
  let patientId = "";
  const failed = await runFormAction(
    previous,
    formData,
    ZResolveCorrection,
    formMessages("resolveCorrection", t),
    async (data) => {
      const outcome = await resolveRoutedCorrection({ actor, ...data, requestId: randomUUID() });
      if (outcome.ok) patientId = outcome.patientId;
      else problem = outcome.problem;
    },
  );
  if (failed) return failed;
  if (problem) {
    const values = formValues(formData);
    const attempt = (previous.status === "error" ? previous.attempt : 0) + 1;
    return { status: "error", fieldErrors: {}, formError: t(resolveProblemMessage[problem]), values, attempt };
  }
  redirect(`/nurse/patients/${encodeURIComponent(patientId)}?done=resolved`);
}
