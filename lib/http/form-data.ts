// Reads a posted form into the object a zod schema checks. Every field name is chosen by whoever
// posts (a server action is a public endpoint), so the names are the dangerous part: a name such
// as `__proto__.polluted` nested by splitting on "." into a plain object writes into
// Object.prototype, and from then on every object of the server process carries the key (issue
// 9: one nurse's post broke every request of every user until a restart). Hence:
// - only the names the schema knows are accepted; an unknown name refuses the whole form (a
//   forged or outdated form), it is not silently dropped;
// - `__proto__`, `constructor` and `prototype` anywhere in a name refuse the form, whatever the
//   schema says;
// - nesting ("content.nl-BE.title") is built in null-prototype objects, so even a key that got
//   through could not reach a prototype;
// - the number of fields, the length of names and values and the nesting depth are bounded.
// No server-only imports: the browser runs the very same parse before sending (components/forms).
import type { z } from "zod";

export const formLimits = {
  /** Fields of one post, Next's own `$ACTION_…` fields included. */
  maxFields: 200,
  maxNameLength: 200,
  /** Characters of one value: the longest form text (a declaration body) is 50,000. */
  maxValueLength: 64 * 1024,
  /** Characters of all values together. */
  maxTotalLength: 256 * 1024,
  /** Dotted segments of one name. */
  maxDepth: 4,
} as const;

export type FormLimits = { [K in keyof typeof formLimits]: number };

/** Why a post was refused before its values were looked at. */
export type FormProblem =
  | { kind: "not_form" }
  | { kind: "too_many_fields" }
  | { kind: "too_large" }
  | { kind: "forbidden_name"; name: string }
  | { kind: "unknown_field"; name: string }
  | { kind: "duplicate_field"; name: string }
  | { kind: "file_field"; name: string };

/** The posted fields as the schema reads them: nested, and without a prototype at any level. */
export type FormFields = { [name: string]: string | FormFields };

export type FormParse<Output> =
  | { status: "parsed"; data: Output; values: Record<string, string> }
  | { status: "invalid"; issues: z.core.$ZodIssue[]; values: Record<string, string> }
  | { status: "refused"; problem: FormProblem };

/** Next's own fields (action id, bound arguments, form state key): never passed to a schema. */
const NEXT_FIELD_PREFIX = "$ACTION_";
/** Anywhere in a name, in any case: no form of ours needs these words, and they are how prototypes are reached. */
const FORBIDDEN_NAME_PART = /__proto__|constructor|prototype/i;

/**
 * Reads `formData` with `schema`: refused (the form itself is wrong: unknown, forbidden or
 * repeated names, too much of it), invalid (the schema's issues, by field), or parsed. `values`
 * is what was typed, per field name, to put back into the form after a refusal.
 */
export function parseForm<Schema extends z.ZodType>(
  formData: unknown,
  schema: Schema,
  limits: FormLimits = formLimits,
): FormParse<z.output<Schema>> {
  const read = readFormFields(formData, knownFieldNames(schema, limits.maxDepth), limits);
  if (!read.ok) return { status: "refused", problem: read.problem };
  const parsed = schema.safeParse(read.fields);
  if (!parsed.success) return { status: "invalid", issues: parsed.error.issues, values: read.values };
  return { status: "parsed", data: parsed.data, values: read.values };
}

type ReadResult =
  { ok: true; fields: FormFields; values: Record<string, string> } | { ok: false; problem: FormProblem };

/** Reads the fields whose names are in `known` into null-prototype objects; refuses anything else. */
export function readFormFields(
  formData: unknown,
  known: ReadonlySet<string>,
  limits: FormLimits = formLimits,
): ReadResult {
  if (!(formData instanceof FormData)) return { ok: false, problem: { kind: "not_form" } };
  const fields: FormFields = Object.create(null);
  const accepted: Array<[string, string]> = [];
  let count = 0;
  let total = 0;
  for (const [name, value] of formData.entries()) {
    if (++count > limits.maxFields) return { ok: false, problem: { kind: "too_many_fields" } };
    if (name.length > limits.maxNameLength) {
      return { ok: false, problem: { kind: "forbidden_name", name: shortened(name) } };
    }
    if (FORBIDDEN_NAME_PART.test(name))
      return { ok: false, problem: { kind: "forbidden_name", name: shortened(name) } };
    if (typeof value !== "string") return { ok: false, problem: { kind: "file_field", name: shortened(name) } };
    total += value.length;
    if (value.length > limits.maxValueLength || total > limits.maxTotalLength) {
      return { ok: false, problem: { kind: "too_large" } };
    }
    if (name.startsWith(NEXT_FIELD_PREFIX)) continue;
    if (!known.has(name)) return { ok: false, problem: { kind: "unknown_field", name: shortened(name) } };
    if (!setNested(fields, name.split("."), value)) return { ok: false, problem: { kind: "duplicate_field", name } };
    accepted.push([name, value]);
  }
  // Known names only (no prototype word can be among them); fromEntries defines own properties.
  return { ok: true, fields, values: Object.fromEntries(accepted) };
}

/** Sets `path` in `target`, creating null-prototype objects on the way; false if the slot is taken. */
function setNested(target: FormFields, path: string[], value: string): boolean {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next === "string") return false;
    if (next === undefined) {
      const created: FormFields = Object.create(null);
      node[key] = created;
      node = created;
    } else {
      node = next;
    }
  }
  const leaf = path[path.length - 1]!;
  if (Object.hasOwn(node, leaf)) return false;
  node[leaf] = value;
  return true;
}

function shortened(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

const knownNamesCache = new WeakMap<z.ZodType, ReadonlySet<string>>();

/**
 * The dotted field names a schema reads: the paths to its leaves through objects, unions (every
 * option's fields), intersections and wrappers (optional, default, pipe, …). A schema a form
 * cannot describe by names (records, arrays) is a programming error and throws.
 */
export function knownFieldNames(schema: z.ZodType, maxDepth: number = formLimits.maxDepth): ReadonlySet<string> {
  const cached = knownNamesCache.get(schema);
  if (cached) return cached;
  const names = new Set<string>();
  collectNames(schema, [], names, maxDepth);
  knownNamesCache.set(schema, names);
  return names;
}

type AnySchema = z.core.$ZodType;

function collectNames(schema: AnySchema, path: string[], names: Set<string>, maxDepth: number): void {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case "object": {
      const shape = (def as unknown as { shape: Record<string, AnySchema> }).shape;
      for (const key of Object.keys(shape)) {
        if (key.includes(".") || FORBIDDEN_NAME_PART.test(key) || key.startsWith(NEXT_FIELD_PREFIX)) {
          throw new Error(`Form schema key "${key}" cannot be a form field name`);
        }
        if (path.length + 1 > maxDepth) throw new Error(`Form schema nests deeper than ${maxDepth} at "${key}"`);
        collectNames(shape[key]!, [...path, key], names, maxDepth);
      }
      return;
    }
    case "union":
      for (const option of def.options as AnySchema[]) collectNames(option, path, names, maxDepth);
      return;
    case "intersection":
      collectNames(def.left as AnySchema, path, names, maxDepth);
      collectNames(def.right as AnySchema, path, names, maxDepth);
      return;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      collectNames(def.innerType as AnySchema, path, names, maxDepth);
      return;
    case "pipe": {
      // A preprocess is a pipe from a transform: what it reads is what its output schema names.
      const input = def.in as AnySchema;
      collectNames(input._zod.def.type === "transform" ? (def.out as AnySchema) : input, path, names, maxDepth);
      return;
    }
    case "lazy":
      collectNames((def.getter as () => AnySchema)(), path, names, maxDepth);
      return;
    case "record":
    case "map":
    case "array":
    case "tuple":
    case "set":
      throw new Error(`Form schemas name every field; "${path.join(".") || "(form)"}" is a ${def.type}`);
    default:
      if (path.length === 0) throw new Error(`A form schema is an object, not a ${def.type}`);
      names.add(path.join("."));
  }
}
