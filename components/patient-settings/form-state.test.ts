import { describe, expect, it } from "vitest";
import { formFailure, formValues, idleActionFormState } from "./form-state";

describe("formFailure", () => {
  it("keeps the typed values and counts attempts so the fields are rebuilt each time", () => {
    const first = formFailure(idleActionFormState, { insz: "123" }, { fieldErrors: { insz: "fout" } });
    expect(first).toEqual({
      status: "error",
      values: { insz: "123" },
      fieldErrors: { insz: "fout" },
      formError: undefined,
      attempt: 1,
    });
    const second = formFailure(first, { insz: "1234" }, { formError: "niet gevonden" });
    expect(second).toMatchObject({ attempt: 2, fieldErrors: {}, formError: "niet gevonden", values: { insz: "1234" } });
  });
});

describe("formValues", () => {
  it("reads the named text fields, empty for a missing or file field, capped in length", () => {
    const data = new FormData();
    data.set("lastName", "Claes");
    data.set("description", "x".repeat(20_000));
    data.set("upload", new Blob(["a"]), "a.txt");
    const values = formValues(data, ["lastName", "description", "upload", "absent"]);
    expect(values.lastName).toBe("Claes");
    expect(values.description).toHaveLength(10_000);
    expect(values.upload).toBe("");
    expect(values.absent).toBe("");
  });
});
