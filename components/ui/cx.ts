/** Joins class names, skipping the falsy ones a condition leaves behind. */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
