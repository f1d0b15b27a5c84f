// The FHIR API's structure checks (ADR 0018): our guard on the raw JSON, the R4 validator's
// findings named as the client sent them, and our own discovery documents held to R4 too.
import { describe, expect, it } from "vitest";
import { capabilityStatement } from "./capability";
import { FhirError } from "./outcome";
import { assertSafeJson, concreteExpression, MAX_JSON_DEPTH, structureIssues } from "./validation";

function refusal(run: () => void): FhirError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FhirError);
    return error as FhirError;
  }
  throw new Error("expected a refusal");
}

describe("assertSafeJson", () => {
  it("refuses prototype keys anywhere, naming them", () => {
    const body = JSON.parse('{"entry":[{"resource":{"name":[{"constructor":{"x":1}}]}},{"__proto__":{}}]}');
    expect(refusal(() => assertSafeJson(body, "Bundle")).issues.map((issue) => issue.expression)).toEqual([
      "Bundle.entry[0].resource.name[0].constructor",
      "Bundle.entry[1].__proto__",
    ]);
  });

  it("refuses absurd depth with 413, and lets ordinary resources through", () => {
    let deep: unknown = {};
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) deep = { a: deep };
    expect(refusal(() => assertSafeJson(deep, "Bundle")).status).toBe(413);
    expect(() => assertSafeJson({ resourceType: "Patient", name: [{ given: ["A"] }] }, "Bundle")).not.toThrow();
  });
});

describe("structureIssues", () => {
  it("names the choice element the client used", () => {
    const observation = {
      resourceType: "Observation",
      status: "final",
      code: { text: "x" },
      valueQuantity: { value: "72", unit: 3 },
    } as never;
    expect(structureIssues(observation, "Bundle.entry[2].resource").map((issue) => issue.expression)).toEqual([
      "Bundle.entry[2].resource.valueQuantity.value",
      "Bundle.entry[2].resource.valueQuantity.unit",
    ]);
  }, 30_000);

  it("refuses unknown elements and wrong formats, and passes a valid resource", () => {
    expect(structureIssues({ resourceType: "Patient", colour: "blue" } as never, "P")).toEqual([
      expect.objectContaining({ expression: "P.colour" }),
    ]);
    expect(structureIssues({ resourceType: "Patient", birthDate: "12/03/1941" } as never, "P")).toEqual([
      expect.objectContaining({ expression: "P.birthDate" }),
    ]);
    expect(structureIssues({ resourceType: "Patient", birthDate: "1941-03-12" }, "P")).toEqual([]);
  }, 30_000);

  it("finds the portal's own CapabilityStatement valid R4", () => {
    expect(
      structureIssues(capabilityStatement("https://portaal.example.be", "Thuiszorg Demo vzw"), "CapabilityStatement"),
    ).toEqual([]);
  }, 30_000);
});

describe("concreteExpression", () => {
  it("walks the resource to the key sent, and keeps indexes", () => {
    const resource = { component: [{}, { valueQuantity: { value: 1 } }] };
    expect(concreteExpression("Observation.component[1].value[x].value", resource, "R")).toBe(
      "R.component[1].valueQuantity.value",
    );
    expect(concreteExpression("Observation.value[x]", {}, "R")).toBe("R.value[x]");
  });
});
