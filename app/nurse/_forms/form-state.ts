// The nurse's and service center's forms answer with the same state as every other form
// (components/patient-settings/form-state.ts); what differs is how they read the posted fields:
// all of them, including dotted names for nested schemas.
export { idleActionFormState, type ActionFormState } from "@/components/patient-settings/form-state";

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
