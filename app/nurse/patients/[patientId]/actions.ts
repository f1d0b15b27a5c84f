"use server";
// The nurse's writes to one file. Each action is a public endpoint made by formAction
// (lib/http/action.ts), which re-checks the actor and reads the form; lib/nursing (or
// lib/corrections/nurse) decides (WRITE_NURSING_FILE, logged) and writes. The patient id of the
// file forms comes from a hidden field and is only a claim: the access decision is what lets the
// write through. Resolving a correction takes its patient from the stored request instead. On
// success: redirect back with what happened (post/redirect/get).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { resolveRoutedCorrection, type ResolveProblem } from "@/lib/corrections/nurse";
import { formAction, type FormMessages } from "@/lib/http/action";
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
  ZAddNoteForm,
  ZCorrectNoteForm,
  ZCorrectVitalForm,
  ZPlanVisitForm,
  ZRecordVitalForm,
  ZResolveCorrection,
  ZUpdateCarePlanItemForm,
  type ZFilePatient,
} from "@/lib/nursing/schemas";
import type { Done } from "./done";
import { fieldErrorMessages, type NurseTranslate, type WorkScreenForm } from "./form-messages";

function formMessages(form: WorkScreenForm, t: NurseTranslate): FormMessages {
  return {
    fields: fieldErrorMessages(form, t),
    conflict: t("errors.conflict"),
    forbidden: t("errors.forbidden"),
    notFound: t("errors.notFound"),
    generic: t("errors.generic"),
  };
}

/** A work-screen form: its posted schema, the confirmation it redirects to, the lib function that writes. */
function fileEntryAction<Entry extends z.ZodType>(
  form: WorkScreenForm,
  schema: z.ZodIntersection<typeof ZFilePatient, Entry>,
  done: Done,
  write: (context: NursingContext, data: z.output<Entry>) => Promise<unknown>,
) {
  return formAction({
    gate: { roles: ["NURSE"] },
    schema,
    translations: () => getTranslations("nurse"),
    messages: (t) => formMessages(form, t),
    run: async ({ actor, input, requestId }) => {
      const { patientId, ...entry } = input;
      await write({ actor, patientId, requestId }, entry as z.output<Entry>);
      redirect(`/nurse/patients/${encodeURIComponent(patientId)}?done=${done}`);
    },
  });
}

export const addNoteAction = fileEntryAction("addNote", ZAddNoteForm, "note", addNursingNote);
export const recordVitalAction = fileEntryAction("recordVital", ZRecordVitalForm, "vital", recordVitalSign);
export const planVisitAction = fileEntryAction("planVisit", ZPlanVisitForm, "visit", planVisit);
export const correctNoteAction = fileEntryAction("correctNote", ZCorrectNoteForm, "corrected", correctNursingNote);
export const correctVitalAction = fileEntryAction(
  "correctVital",
  ZCorrectVitalForm,
  "vitalCorrected",
  correctVitalSign,
);
export const updateCarePlanAction = fileEntryAction(
  "updateCarePlan",
  ZUpdateCarePlanItemForm,
  "carePlan",
  updateCarePlanItem,
);

const resolveProblemMessage = {
  stale: "errors.conflict",
  not_routed: "resolve.notRouted",
  // Said the same way: whether the request exists, is someone else's or the file is closed.
  not_found: "resolve.notYours",
  not_assigned: "resolve.notYours",
  forbidden: "resolve.notYours",
  emergency_only: "resolve.emergencyOnly",
} as const satisfies Record<ResolveProblem, string>;

export const resolveCorrectionAction = formAction({
  gate: { roles: ["NURSE"] },
  schema: ZResolveCorrection,
  translations: () => getTranslations("nurse"),
  messages: (t) => formMessages("resolveCorrection", t),
  run: async ({ actor, input, requestId, t }) => {
    const outcome = await resolveRoutedCorrection({ actor, ...input, requestId });
    if (!outcome.ok) return { formError: t(resolveProblemMessage[outcome.problem]) };
    redirect(`/nurse/patients/${encodeURIComponent(outcome.patientId)}?done=resolved`);
  },
});
