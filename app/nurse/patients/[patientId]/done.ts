// What the work screen confirms after a redirect (?done=…): only these values are shown.
import { z } from "zod";

export const ZDone = z.enum(["note", "vital", "visit", "corrected", "vitalCorrected", "carePlan", "resolved"]);
export type Done = z.infer<typeof ZDone>;
