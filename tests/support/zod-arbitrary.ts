// fast-check arbitraries derived from the zod schemas the routes and server actions parse with
// (ADR 0022), so the fuzz tests follow a schema when it changes. zod-fast-check, the maintained
// package for this, supports zod 3 and fast-check 3 only; this walks zod 4's definitions itself.
// A walk aims at values the schema would mostly accept (so the fuzzing reaches the data layer
// behind the schema, not only the parser); the hostile extras are added by the fuzz test.
import fc from "fast-check";
import type { z } from "zod";

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type Check = { check: string; [key: string]: unknown };

/** Longest generated text: long enough to cross a field's maximum, short enough to stay fast. */
const MAX_GENERATED_LENGTH = 300;

function checksOf(def: Def): Check[] {
  const checks = (def.checks as Array<{ _zod: { def: Check } }> | undefined) ?? [];
  // A format schema (z.uuid(), z.email(), z.iso.date()) carries its own check on the definition.
  return [...(typeof def.check === "string" ? [def as unknown as Check] : []), ...checks.map((c) => c._zod.def)];
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  let minLength = 0;
  let maxLength = MAX_GENERATED_LENGTH;
  let pattern: RegExp | undefined;
  let format: string | undefined;
  for (const check of checksOf(def)) {
    if (check.check === "min_length") minLength = Math.max(minLength, check.minimum as number);
    if (check.check === "max_length") maxLength = Math.min(maxLength, check.maximum as number);
    if (check.check === "length_equals") minLength = maxLength = check.length as number;
    if (check.check === "string_format") {
      format = check.format as string;
      pattern = check.pattern as RegExp | undefined;
    }
  }
  if (format === "uuid" || format === "guid") return fc.uuid();
  if (format === "email") return fc.emailAddress();
  if (pattern) {
    try {
      return fc.stringMatching(pattern).filter((value) => value.length <= Math.max(maxLength, 1_000));
    } catch {
      // A pattern fast-check cannot generate from: plain text, which the schema will mostly refuse.
    }
  }
  if (minLength > maxLength) maxLength = minLength;
  // Text as typed: letters and spaces, some unicode (names, Dutch and French accents).
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, MAX_GENERATED_LENGTH) }),
    fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, 40) }),
  );
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === "greater_than") min = (check.value as number) + (check.inclusive ? 0 : integer ? 1 : 1e-6);
    if (check.check === "less_than") max = (check.value as number) - (check.inclusive ? 0 : integer ? 1 : 1e-6);
    if (check.check === "number_format" && /int/.test(check.format as string)) integer = true;
  }
  if (min > max) [min, max] = [max, min];
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped like what `schema` accepts (mostly accepted by it; some of each edge). */
export function arbitraryFor(schema: AnySchema): fc.Arbitrary<unknown> {
  const def = schema._zod.def as Def;
  switch (def.type) {
    case "string":
      return stringArbitrary(def);
    case "number":
    case "int":
      return numberArbitrary(def);
    case "bigint":
      return fc.bigInt({ min: 1n, max: 2n ** 63n - 1n });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ noInvalidDate: true });
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "object": {
      const shape = def.shape as Record<string, AnySchema>;
      const keys = Object.keys(shape);
      const optional = keys.filter((key) => shape[key]!._zod.optin === "optional");
      return fc.record(Object.fromEntries(keys.map((key) => [key, arbitraryFor(shape[key]!)])), {
        requiredKeys: keys.filter((key) => !optional.includes(key)),
      });
    }
    case "union":
      return fc.oneof(...(def.options as AnySchema[]).map(arbitraryFor));
    case "intersection":
      return fc
        .tuple(arbitraryFor(def.left as AnySchema), arbitraryFor(def.right as AnySchema))
        .map(([left, right]) =>
          isPlainRecord(left) && isPlainRecord(right) ? { ...left, ...right } : Math.random() < 0.5 ? left : right,
        );
    case "optional":
    case "default":
    case "prefault":
      return fc.option(arbitraryFor(def.innerType as AnySchema), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(arbitraryFor(def.innerType as AnySchema), { nil: null, freq: 4 });
    case "nonoptional":
    case "readonly":
    case "catch":
      return arbitraryFor(def.innerType as AnySchema);
    case "pipe": {
      // A preprocess is a pipe from a transform: its output schema says what is expected. Any
      // other pipe must satisfy both sides: the input's shape (text for a form) or the output's
      // bounds (a range checked after a conversion), so both are tried.
      const input = def.in as AnySchema;
      if (input._zod.def.type === "transform") return arbitraryFor(def.out as AnySchema);
      return fc.oneof(arbitraryFor(input), arbitraryFor(def.out as AnySchema));
    }
    case "lazy":
      return arbitraryFor((def.getter as () => AnySchema)());
    case "array":
      return fc.array(arbitraryFor(def.element as AnySchema), { maxLength: 4 });
    case "tuple":
      return fc.tuple(...(def.items as AnySchema[]).map(arbitraryFor));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), arbitraryFor(def.valueType as AnySchema), { maxKeys: 4 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A schema-shaped value as the fields of a form: dotted names for nested objects, every leaf as
 * the text a browser would post. `undefined` and `null` are left out (a form cannot send them).
 */
export function formFields(value: unknown, prefix = ""): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  if (isPlainRecord(value)) {
    return Object.entries(value).flatMap(([key, inner]) => formFields(inner, prefix ? `${prefix}.${key}` : key));
  }
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return prefix ? [[prefix, text]] : [];
}
