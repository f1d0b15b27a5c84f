// The query of GET /api/patients/{id}/access-log, beside the route so the fuzz tests read the same schema.
import { z } from "zod";
import { ZEntryId, ZQueryInt } from "@/lib/http/params";

export const ZAccessLogQuery = z.strictObject({
  limit: ZQueryInt({ min: 1, max: 500 }).default(100),
  before: ZEntryId.optional(),
});
