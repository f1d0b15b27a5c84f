// The shared body of the nurse's and the service center's server actions, after each has
// re-checked its actor: validate with the form's zod schema, run the lib function, and turn
// every failure into translated text on the form. A raw exception never reaches the page; an
// unexpected one is logged. On success the caller redirects (post/redirect/get).
import "server-only";
import type { z } from "zod";
import { isPortalError } from "@/lib/errors";
import { formValues, nestValues, type ActionFormState } from "./form-state";

export type FormMessages = {
  /** One message per field name for a failed check of that field. */
  fields: Record<string, string>;
  conflict: string;
  forbidden: string;
  notFound: string;
  generic: string;
};

export async function runFormAction<S extends z.ZodType>(
  previous: ActionFormState,
  formData: FormData,
  schema: S,
  messages: FormMessages,
  run: (data: z.output<S>) => Promise<void>,
): Promise<ActionFormState | null> {
  const values = formValues(formData);
  const attempt = (previous.status === "error" ? previous.attempt : 0) + 1;
  const fail = (fieldErrors: Record<string, string>, formError?: string): ActionFormState => ({
    status: "error",
    fieldErrors,
    formError,
    values,
    attempt,
  });
  const parsed = schema.safeParse(nestValues(values));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.join(".");
      if (!fieldErrors[name] && messages.fields[name]) fieldErrors[name] = messages.fields[name];
    }
    return fail(fieldErrors, Object.keys(fieldErrors).length === 0 ? messages.generic : undefined);
  }
  try {
    await run(parsed.data);
    return null;
  } catch (error) {
    if (isPortalError(error)) {
      if (error.code === "conflict") return fail({}, messages.conflict);
      if (error.code === "not_found") return fail({}, messages.notFound);
      if (error.code === "invalid_input") {
        const fieldErrors: Record<string, string> = {};
        for (const issue of error.issues ?? [])
          if (messages.fields[issue.path]) fieldErrors[issue.path] = messages.fields[issue.path]!;
        return fail(fieldErrors, Object.keys(fieldErrors).length === 0 ? messages.generic : undefined);
      }
      if (error.code === "forbidden" || error.code === "suspended" || error.code === "declaration_required")
        return fail({}, messages.forbidden);
    } else {
      console.error("form action failed", error);
    }
    return fail({}, messages.generic);
  }
}
