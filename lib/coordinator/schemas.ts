// The coordinator's forms, shared by the server actions and the client forms (no server-only
// imports here). A server action is a public endpoint: every field is checked again here, unknown
// fields are refused, sizes are bounded.
import { z } from "zod";
import { ZInsz } from "@/lib/insz";

const ZRowId = z.string().min(1).max(100);
const ZName = z.string().trim().min(1).max(100);
const ZDay = z.iso.date();
/** What proves a relation or a representation: a document's reference, typed by the coordinator. */
export const MIN_PROOF_LENGTH = 3;
export const MAX_PROOF_LENGTH = 200;
const ZProof = z.string().trim().min(MIN_PROOF_LENGTH).max(MAX_PROOF_LENGTH);

export const ZRegisterPatientForm = z.strictObject({
  insz: ZInsz,
  firstName: ZName,
  lastName: ZName,
});
export type RegisterPatientForm = z.output<typeof ZRegisterPatientForm>;

export const ZStartEpisodeForm = z.strictObject({ startDate: ZDay });
export const ZEndEpisodeForm = z.strictObject({ endDate: ZDay });

export const ZAssignNurseForm = z.strictObject({
  nurseId: ZRowId,
  responsible: z.enum(["true", "false"]).transform((value) => value === "true"),
});
export const ZUnassignNurseForm = z.strictObject({ assignmentId: ZRowId });

export const ZRecordRelationForm = z.strictObject({
  caregiverInsz: ZInsz,
  term: z.enum(["GP_LONG_TERM", "OCCASIONAL_CONTACT", "EMERGENCY_DEPARTMENT"]),
  startDate: ZDay,
  proof: ZProof,
});
export type RecordRelationForm = z.output<typeof ZRecordRelationForm>;

export const ZRecordRepresentativeForm = z.strictObject({
  representativeInsz: ZInsz,
  /** Needed only when the portal does not know the person yet. */
  firstName: z.union([z.literal(""), ZName]).transform((value) => (value === "" ? null : value)),
  lastName: ZName,
  basis: z.enum(["PARENT", "APPOINTED"]),
  proof: ZProof,
});
export type RecordRepresentativeForm = z.output<typeof ZRecordRepresentativeForm>;

export const ZCoordinatorSearch = z.strictObject({ q: z.string().trim().min(2).max(100) });
