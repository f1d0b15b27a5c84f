// The review forms' input, checked by the server actions (a server action is a public endpoint:
// anything can be posted to it). The length rules match lib/access/misuse.ts, which checks the
// reason again on its own.
import { z } from "zod";
import { MIN_LIFT_REASON_LENGTH } from "@/lib/access";

export const MAX_LIFT_REASON_LENGTH = 2000;
export const MAX_REVIEW_NOTE_LENGTH = 2000;
/** Ids are generated (cuid/uuid); the cap only keeps a forged post from carrying a megabyte. */
const ZItemId = z.string().min(1).max(100);

export const ZLiftSuspensionForm = z.object({
  suspensionId: ZItemId,
  reason: z.string().trim().min(MIN_LIFT_REASON_LENGTH).max(MAX_LIFT_REASON_LENGTH),
});

export const ZReviewEmergencyAccessForm = z.object({
  emergencyAccessId: ZItemId,
  // Optional: an absent field is the same as an empty note.
  note: z.string().trim().max(MAX_REVIEW_NOTE_LENGTH).default(""),
});
