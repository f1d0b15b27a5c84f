// The body of POST /api/patients/{id}/emergency-access, beside the route so the fuzz tests read the same schema.
import { z } from "zod";
import { MIN_EMERGENCY_REASON_LENGTH } from "@/lib/access";

export const ZEmergencyAccessRequest = z.strictObject({
  reason: z
    .string({ error: "must be text" })
    .trim()
    .min(MIN_EMERGENCY_REASON_LENGTH, `must be at least ${MIN_EMERGENCY_REASON_LENGTH} characters`)
    .max(2000, "must be at most 2000 characters"),
});
