// What a nurse or service-center form's server action answers when it does not redirect. Only
// translated, safe text travels back: never an exception message.
export type ActionFormState =
  | { status: "idle" }
  | {
      status: "error";
      /** Per field name, shown next to that field. */
      fieldErrors: Record<string, string>;
      /** Above the form: a conflict, a refusal, or something that failed. */
      formError?: string;
      /** What was typed, so nothing has to be typed again. */
      values: Record<string, string>;
      /** Changes with every answer, so the fields are rebuilt with the kept values. */
      attempt: number;
    };

export const idleFormState: ActionFormState = { status: "idle" };

/** The posted text fields, capped so a forged post is not echoed back in full. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$")) values[name] = value.slice(0, 50_000);
  }
  return values;
}

/** Turns dotted names ("content.nl-BE.title") into the nested object the schema expects. */
export function nestValues(values: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const path = name.split(".");
    let target = result;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = value;
  }
  return result;
}
