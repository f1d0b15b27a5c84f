"use server";
// The nurse's writes to one file. Each action is a public endpoint: it re-checks the actor,
// validates with the form's schema, and lets lib/nursing decide (WRITE_NURSING_FILE, logged)
// and write. The patient id comes from a hidden field and is only a claim: the access decision
// is what lets the write through. On success: redirect back with what happened.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requirePageActor } from "@/lib/auth/guards";
import { addNursingNote, correctNursingNote, planVisit, recordVitalSign, updateCarePlanItem } from "@/lib/nursing";
import { ZAddNote, ZCorrectNote, ZPlanVisit, ZRecordVital, ZRowId, ZUpdateCarePlanItem } from "@/lib/nursing/schemas";
import type { ActionFormState } from "../../_forms/form-state";
import { runFormAction, type FormMessages } from "../../_forms/run-action";

type Done = "note" | "vital" | "visit" | "corrected" | "carePlan";

async function messages(fields: Record<string, string>): Promise<FormMessages> {
  const t = await getTranslations("nurse");
  return { fields, conflict: t("errors.conflict"), forbidden: t("errors.forbidden"), notFound: t("errors.notFound"), generic: t("errors.generic") };
}

async function run<S extends z.ZodType>(
  previous: ActionFormState,
  formData: FormData,
  schema: S,
  fields: Record<string, string>,
  done: Done,
  write: (context: { actor: Awaited<ReturnType<typeof requirePageActor>>; patientId: string }, data: z.output<S>) => Promise<unknown>,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["NURSE"]);
  const t = await getTranslations("nurse");
  const patientId = ZRowId.safeParse(formData.get("patientId"));
  if (!patientId.success) return { status: "error", fieldErrors: {}, formError: t("errors.generic"), values: {}, attempt: 1 };
  const failed = await runFormAction(previous, formData, schema, await messages(fields), async (data) => {
    await write({ actor, patientId: patientId.data }, data);
  });
  if (failed) return failed;
  redirect(`/nurse/patients/${encodeURIComponent(patientId.data)}?done=${done}`);
}

export async function addNoteAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const t = await getTranslations("nurse");
  return run(previous, formData, ZAddNote, { text: t("note.textError"), kind: t("note.kindError") }, "note", (context, data) => addNursingNote(context, data));
}

export async function recordVitalAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const t = await getTranslations("nurse");
  return run(
    previous,
    formData,
    ZRecordVital,
    { type: t("vital.typeError"), value: t("vital.valueError"), secondaryValue: t("vital.secondaryError"), note: t("vital.noteError") },
    "vital",
    (context, data) => recordVitalSign(context, data),
  );
}

export async function planVisitAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const t = await getTranslations("nurse");
  return run(
    previous,
    formData,
    ZPlanVisit,
    { startsAt: t("visit.startsAtError"), durationMinutes: t("visit.durationError"), purpose: t("visit.purposeError") },
    "visit",
    (context, data) => planVisit(context, data),
  );
}

export async function correctNoteAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const t = await getTranslations("nurse");
  return run(previous, formData, ZCorrectNote, { text: t("correct.textError"), reason: t("correct.reasonError") }, "corrected", (context, data) =>
    correctNursingNote(context, data),
  );
}

export async function updateCarePlanAction(previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const t = await getTranslations("nurse");
  return run(
    previous,
    formData,
    ZUpdateCarePlanItem,
    { title: t("carePlan.titleError"), description: t("carePlan.descriptionError"), frequency: t("carePlan.frequencyError"), reason: t("correct.reasonError") },
    "carePlan",
    (context, data) => updateCarePlanItem(context, data),
  );
}
