// The agreement form of a minor of 12 to 15, shared by the server action and the page.
import { z } from "zod";

export const ZRepresentativeAgreementForm = z.strictObject({
  representativeId: z.string().min(1).max(100),
  agree: z.enum(["true", "false"]).transform((value) => value === "true"),
});
