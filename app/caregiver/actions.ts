"use server";
// Looking a patient up by national number. A public endpoint like every server action: it opens
// with the page's guard, validates with the form's own zod schema, and lets lib/dossier decide
// (and log, with the care question) through the access core. Allowed: on to the file. Refused:
// only what refusalKind allows the caregiver to be told.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/guards";
import { lookupPatientByInsz } from "@/lib/dossier";
import { MAX_CARE_QUESTION_LENGTH, MIN_CARE_QUESTION_LENGTH, ZPatientLookupForm } from "@/lib/dossier/schemas";
import { organisation } from "@/lib/env";
import type { LookupFormState } from "./lookup-state";

function formText(formData: FormData, name: string, max: number): string {
  const value = formData.get(name);
  // Kept for the form only; capped so a forged post is not echoed back in full.
  return typeof value === "string" ? value.slice(0, max) : "";
}

export async function lookupPatientAction(previous: LookupFormState, formData: FormData): Promise<LookupFormState> {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const t = await getTranslations("caregiver.lookup");
  const values = {
    insz: formText(formData, "insz", 40),
    careQuestion: formText(formData, "careQuestion", MAX_CARE_QUESTION_LENGTH * 2),
  };
  const attempt = (previous.status === "error" ? previous.attempt : 0) + 1;

  const parsed = ZPatientLookupForm.safeParse({
    insz: formData.get("insz") ?? "",
    careQuestion: formData.get("careQuestion") ?? "",
  });
  if (!parsed.success) {
    const fieldErrors: { insz?: string; careQuestion?: string } = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "insz") fieldErrors.insz = t("inszInvalid");
      if (issue.path[0] === "careQuestion") {
        fieldErrors.careQuestion =
          issue.code === "too_big"
            ? t("careQuestionTooLong", { max: MAX_CARE_QUESTION_LENGTH })
            : t("careQuestionTooShort", { min: MIN_CARE_QUESTION_LENGTH });
      }
    }
    return { status: "error", fieldErrors, values, attempt };
  }

  let result;
  try {
    result = await lookupPatientByInsz({
      actor,
      insz: parsed.data.insz,
      careQuestion: parsed.data.careQuestion,
      requestId: randomUUID(),
    });
  } catch (error) {
    console.error("patient lookup failed", error);
    return {
      status: "error",
      fieldErrors: {},
      formError: { title: t("failed.title"), body: t("failed.body") },
      values,
      attempt,
    };
  }
  if (result.allowed) redirect(`/caregiver/patients/${encodeURIComponent(result.patientId)}`);
  if (result.refusal === "suspended") redirect("/suspended");
  if (result.refusal === "declaration_required") redirect("/declaration");
  const tRefusal = await getTranslations("file.refusal");
  return {
    status: "error",
    fieldErrors: {},
    formError: {
      title: tRefusal(`${result.refusal}.title`),
      body: tRefusal(`${result.refusal}.body`, { phone: organisation.serviceCenterPhone }),
    },
    values,
    attempt,
  };
}
