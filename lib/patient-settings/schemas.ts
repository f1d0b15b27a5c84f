// The patient-settings forms' input, shared by the server actions and the client forms (no
// server-only imports here). A server action is a public endpoint: everything is re-checked.
import { z } from "zod";
import { ZInsz } from "@/lib/insz";

/** Ids are generated (cuid); the cap only keeps a forged post from carrying a megabyte. */
const ZRowId = z.string().min(1).max(100);
const ZLastName = z.string().trim().min(1).max(200);

export const ZAppointTrustedPersonForm = z.object({
  insz: ZInsz,
  lastName: ZLastName,
});
export type AppointTrustedPersonForm = z.output<typeof ZAppointTrustedPersonForm>;

export const ZRevokeTrustedPersonForm = z.object({ appointmentId: ZRowId });

/** Exclude someone who has or had a relation with the patient (picked from the list)... */
export const ZExcludeRelatedForm = z.object({ personId: ZRowId });
/** ...or anyone the organisation knows, by national number and last name. */
export const ZExcludeByInszForm = z.object({ insz: ZInsz, lastName: ZLastName });

export const ZLiftExclusionForm = z.object({ exclusionId: ZRowId });

export const ZConsentForm = z.object({ give: z.enum(["true", "false"]).transform((value) => value === "true") });
