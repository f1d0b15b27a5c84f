"use server";
// The coordinator's changes to one patient's care organisation. Each is a public endpoint made by
// formAction (lib/http/action.ts): the gate first, the form read with its zod schema (the patient id
// posted with it is only a request: lib/coordinator decides the action about it through the access
// core), then the change commits with its log entry. post/redirect/get: the page confirms it.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
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
import { formAction, type FieldMessage, type FormFailure, type FormMessages } from "@/lib/http/action";

type Translate = Awaited<ReturnType<typeof getTranslations<"coordinator">>>;

/** Every form of the page posts the patient it is about beside its own fields. */
const ZPatientId = z.string().min(1).max(100);
function aboutPatient<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  return schema.extend({ patientId: ZPatientId });
}

function messages(fields: (t: Translate) => Record<string, FieldMessage>) {
  return (t: Translate): FormMessages => ({
    fields: fields(t),
    forbidden: t("errors.forbidden"),
    generic: t("errors.generic"),
  });
}

/** Maps a lib result: a confirmation (redirect) or the problem to show above the form. */
function answer<R extends { ok: true; changed?: boolean } | { ok: false; problem: string }>(
  t: Translate,
  patientId: string,
  outcome: Outcome<R>,
  done: string,
  unchanged = done,
): FormFailure {
  if (!outcome.allowed) return { formError: t("errors.forbidden") };
  const result = outcome.result;
  if (!result.ok) return { formError: t(`problems.${result.problem}` as Parameters<Translate>[0]) };
  redirect(
    `/coordinator/patients/${encodeURIComponent(patientId)}?done=${result.changed === false ? unchanged : done}`,
  );
}

const translations = () => getTranslations("coordinator");
const gate = { roles: ["COORDINATOR"] } as const;

export const startEpisodeAction = formAction({
  gate,
  schema: aboutPatient(ZStartEpisodeForm),
  translations,
  messages: messages((t) => ({ startDate: t("errors.date") })),
  run: async ({ actor, input, requestId, t }) =>
    answer(
      t,
      input.patientId,
      await startCareEpisode({ actor, patientId: input.patientId, requestId, startDate: input.startDate }),
      "episodeStarted",
    ),
});

export const endEpisodeAction = formAction({
  gate,
  schema: aboutPatient(ZEndEpisodeForm),
  translations,
  messages: messages((t) => ({ endDate: t("errors.date") })),
  run: async ({ actor, input, requestId, t }) =>
    answer(
      t,
      input.patientId,
      await endCareEpisode({ actor, patientId: input.patientId, requestId, endDate: input.endDate }),
      "episodeEnded",
    ),
});

export const assignNurseAction = formAction({
  gate,
  schema: aboutPatient(ZAssignNurseForm),
  translations,
  messages: messages((t) => ({ nurseId: t("errors.nurse"), responsible: t("errors.nurse") })),
  run: async ({ actor, input, requestId, t }) =>
    answer(
      t,
      input.patientId,
      await assignCareTeamNurse({
        actor,
        patientId: input.patientId,
        requestId,
        nurseId: input.nurseId,
        responsible: input.responsible,
      }),
      input.responsible ? "responsibleSet" : "nurseAssigned",
      "nothingChanged",
    ),
});

export const unassignNurseAction = formAction({
  gate,
  schema: aboutPatient(ZUnassignNurseForm),
  translations,
  messages: messages((t) => ({ assignmentId: t("errors.generic") })),
  run: async ({ actor, input, requestId, t }) =>
    answer(
      t,
      input.patientId,
      await unassignCareTeamNurse({ actor, patientId: input.patientId, requestId, assignmentId: input.assignmentId }),
      "nurseUnassigned",
      "nothingChanged",
    ),
});

export const recordRelationAction = formAction({
  gate,
  schema: aboutPatient(ZRecordRelationForm),
  translations,
  messages: messages((t) => ({
    caregiverInsz: t("errors.insz"),
    proof: t("errors.proof"),
    startDate: t("errors.date"),
    term: t("errors.generic"),
  })),
  run: async ({ actor, input: { patientId, ...relation }, requestId, t }) =>
    answer(
      t,
      patientId,
      await recordTherapeuticRelation({ actor, patientId, requestId, ...relation }),
      "relationRecorded",
    ),
});

export const recordRepresentativeAction = formAction({
  gate,
  schema: aboutPatient(ZRecordRepresentativeForm),
  translations,
  messages: messages((t) => ({
    representativeInsz: t("errors.insz"),
    proof: t("errors.proof"),
    firstName: t("errors.name"),
    lastName: t("errors.name"),
    basis: t("errors.generic"),
  })),
  run: async ({ actor, input: { patientId, ...representation }, requestId, t }) =>
    answer(
      t,
      patientId,
      await recordLegalRepresentative({ actor, patientId, requestId, ...representation }),
      "representativeRecorded",
      "nothingChanged",
    ),
});
