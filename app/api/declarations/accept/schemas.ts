// The body of POST /api/declarations/accept, beside the route so the fuzz tests read the same schema.
import { z } from "zod";

export const ZAcceptDeclaration = z.strictObject({
  version: z.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive"),
});
