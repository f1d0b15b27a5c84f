import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ZRecordVitalForm } from "@/lib/nursing/schemas";
import { ZCorrectAdministrative, ZPublishDeclaration } from "@/lib/service-center/schemas";
import { formLimits, knownFieldNames, parseForm } from "./form-data";

const ZNote = z.object({ patientId: z.string().min(1), text: z.string().trim().min(1).max(100) });

function form(entries: Array<[string, string | Blob]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function prototypeIsClean(): void {
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("x");
}

afterEach(prototypeIsClean);

describe("parseForm", () => {
  it("reads the fields the schema knows into its output, and gives back what was typed", () => {
    const parsed = parseForm(
      form([
        ["patientId", "p1"],
        ["text", "  hallo  "],
      ]),
      ZNote,
    );
    expect(parsed).toEqual({
      status: "parsed",
      data: { patientId: "p1", text: "hallo" },
      values: { patientId: "p1", text: "  hallo  " },
    });
  });

  it("answers the schema's issues by field, with the typed values", () => {
    const parsed = parseForm(
      form([
        ["patientId", "p1"],
        ["text", ""],
      ]),
      ZNote,
    );
    expect(parsed.status).toBe("invalid");
    if (parsed.status !== "invalid") return;
    expect(parsed.issues.map((issue) => issue.path.join("."))).toEqual(["text"]);
    expect(parsed.values).toEqual({ patientId: "p1", text: "" });
  });

  it("refuses an unknown field by name instead of dropping it", () => {
    expect(
      parseForm(
        form([
          ["patientId", "p1"],
          ["text", "t"],
          ["isAdmin", "1"],
        ]),
        ZNote,
      ),
    ).toEqual({
      status: "refused",
      problem: { kind: "unknown_field", name: "isAdmin" },
    });
  });

  it("skips Next's own $ACTION_ fields", () => {
    const parsed = parseForm(
      form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
        ["$ACTION_KEY", "k0"],
        ["patientId", "p1"],
        ["text", "t"],
      ]),
      ZNote,
    );
    expect(parsed.status).toBe("parsed");
  });

  it.each([
    "__proto__.x",
    "constructor.prototype.x",
    "a.__proto__.x",
    "a[__proto__]",
    "a[constructor][prototype][x]",
    "prototype",
    "__PROTO__.x",
    "text.constructor",
    "$ACTION___proto__.x",
  ])("refuses the prototype word in %s and pollutes nothing", (name) => {
    const parsed = parseForm(
      form([
        ["patientId", "p1"],
        [name, "polluted"],
        ["text", "t"],
      ]),
      ZNote,
    );
    expect(parsed).toMatchObject({ status: "refused", problem: { kind: "forbidden_name" } });
    prototypeIsClean();
  });

  it("refuses the prototype words even where the schema would name such a field", () => {
    const hostile = z.object({ a: z.object({ b: z.string() }) });
    expect(parseForm(form([["a.__proto__", "x"]]), hostile).status).toBe("refused");
    expect(() => knownFieldNames(z.object({ constructor: z.string() }))).toThrow(/cannot be a form field name/);
  });

  it("nests dotted names in null-prototype objects, as the declaration form needs", () => {
    const entries: Array<[string, string]> = [
      ["role", "DOCTOR"],
      ["basedOnVersion", "3"],
    ];
    for (const locale of ["nl-BE", "fr-BE", "en"]) {
      entries.push([`content.${locale}.title`, `Titel ${locale}`]);
      entries.push([`content.${locale}.body`, `Een tekst van minstens twintig tekens in ${locale}.`]);
    }
    const parsed = parseForm(form(entries), ZPublishDeclaration);
    expect(parsed.status).toBe("parsed");
    if (parsed.status !== "parsed") return;
    expect(parsed.data.content["fr-BE"].title).toBe("Titel fr-BE");
    expect(parsed.data.basedOnVersion).toBe(3);
    expect(parsed.values["content.en.body"]).toContain("twintig");
  });

  it("hands the schema objects without a prototype at any level", () => {
    let seen: unknown;
    const raw = z.preprocess(
      (input) => {
        seen = input;
        return input;
      },
      z.object({ content: z.object({ title: z.string() }) }),
    );
    expect(parseForm(form([["content.title", "t"]]), raw).status).toBe("parsed");
    expect(Object.getPrototypeOf(seen)).toBeNull();
    expect(Object.getPrototypeOf((seen as { content: object }).content)).toBeNull();
  });

  it("knows every option's fields of a discriminated union and the intersected ones", () => {
    expect([...knownFieldNames(ZRecordVitalForm)].sort()).toEqual(
      ["id", "note", "patientId", "secondaryValue", "type", "value"].sort(),
    );
    expect(knownFieldNames(ZCorrectAdministrative)).toContain("thirdPartyPayment");
    expect(knownFieldNames(ZCorrectAdministrative)).toContain("birthDate");
  });

  it("refuses a field sent twice, and a name that is both a value and a group", () => {
    expect(
      parseForm(
        form([
          ["patientId", "p1"],
          ["patientId", "p2"],
          ["text", "t"],
        ]),
        ZNote,
      ),
    ).toEqual({
      status: "refused",
      problem: { kind: "duplicate_field", name: "patientId" },
    });
    const either = z.union([z.object({ a: z.string() }), z.object({ a: z.object({ b: z.string() }) })]);
    expect(
      parseForm(
        form([
          ["a", "1"],
          ["a.b", "2"],
        ]),
        either,
      ),
    ).toEqual({
      status: "refused",
      problem: { kind: "duplicate_field", name: "a.b" },
    });
  });

  it("refuses a file", () => {
    expect(
      parseForm(
        form([
          ["patientId", "p1"],
          ["text", new Blob(["x"])],
        ]),
        ZNote,
      ),
    ).toMatchObject({
      status: "refused",
      problem: { kind: "file_field", name: "text" },
    });
  });

  it("refuses too many fields, counting Next's own", () => {
    const entries: Array<[string, string]> = [];
    for (let index = 0; index <= formLimits.maxFields; index++) entries.push([`$ACTION_${index}`, ""]);
    expect(parseForm(form(entries), ZNote)).toEqual({ status: "refused", problem: { kind: "too_many_fields" } });
  });

  it("refuses a huge value, a huge post and a huge name", () => {
    const huge = "x".repeat(formLimits.maxValueLength + 1);
    expect(
      parseForm(
        form([
          ["patientId", "p1"],
          ["text", huge],
        ]),
        ZNote,
      ),
    ).toEqual({
      status: "refused",
      problem: { kind: "too_large" },
    });
    const entries: Array<[string, string]> = [];
    const chunk = "y".repeat(formLimits.maxValueLength);
    for (let index = 0; index * chunk.length <= formLimits.maxTotalLength; index++) {
      entries.push([`$ACTION_${index}`, chunk]);
    }
    expect(parseForm(form(entries), ZNote)).toEqual({ status: "refused", problem: { kind: "too_large" } });
    const longName = "a".repeat(formLimits.maxNameLength + 1);
    expect(parseForm(form([[longName, "v"]]), ZNote)).toMatchObject({
      status: "refused",
      problem: { kind: "forbidden_name", name: `${"a".repeat(60)}…` },
    });
  });

  it("bounds the nesting depth of a schema", () => {
    const deep = z.object({ a: z.object({ b: z.object({ c: z.object({ d: z.object({ e: z.string() }) }) }) }) });
    expect(() => knownFieldNames(deep)).toThrow(/deeper than 4/);
  });

  it("refuses schemas that do not name their fields", () => {
    expect(() => knownFieldNames(z.object({ tags: z.array(z.string()) }))).toThrow(/name every field/);
    expect(() => knownFieldNames(z.object({ any: z.record(z.string(), z.string()) }))).toThrow(/name every field/);
  });

  it("refuses what is not a form at all", () => {
    expect(parseForm({ patientId: "p1", text: "t" }, ZNote)).toEqual({
      status: "refused",
      problem: { kind: "not_form" },
    });
  });
});

describe("the process", () => {
  it("runs with Object.prototype.__proto__ switched off, as the server does (vitest.config.ts, scripts/start.ts)", () => {
    expect(process.execArgv).toContain("--disable-proto=throw");
    expect(() => (({}) as { __proto__: unknown }).__proto__).toThrow(/disable-proto/);
  });
});
