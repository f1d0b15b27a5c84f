// Forms of the read views, shared by the caregiver's forms (client) and their server actions.
// No server-only imports: the client bundle reads these.
import { z } from "zod";
import { ZRequestCorrectionForm } from "@/lib/corrections/schemas";
import { normalizeInsz } from "@/lib/insz";

export const MIN_CARE_QUESTION_LENGTH = 10;
export const MAX_CARE_QUESTION_LENGTH = 300;

/**
 * Looking a patient up needs a concrete care question (domain.md: no systematic querying); it is
 * stored in the access log beside the lookup's decision.
 */
export const ZPatientLookupForm = z.object({
  insz: z.string().transform((value, context) => {
    const digits = normalizeInsz(value);
    if (!digits) {
      context.addIssue({ code: "custom", message: "invalid_insz" });
      return z.NEVER;
    }
    return digits;
  }),
  careQuestion: z.string().trim().min(MIN_CARE_QUESTION_LENGTH).max(MAX_CARE_QUESTION_LENGTH),
});
export type PatientLookupForm = z.infer<typeof ZPatientLookupForm>;

/**
 * A doctor's or caregiver's correction request from the file they read (issue 4: "the file,
 * read-only ... asking a correction"): the patient's form plus the patient it is about, which
 * the access decision checks again on the server (relation, consent, no exclusion, window).
 */
export const ZCaregiverCorrectionForm = ZRequestCorrectionForm.extend({ patientId: z.string().min(1).max(100) });
export type CaregiverCorrectionForm = z.infer<typeof ZCaregiverCorrectionForm>;
