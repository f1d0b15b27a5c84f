import { describe, expect, it } from "vitest";
import { sameLastName } from "./match";

describe("sameLastName", () => {
  it("ignores case, accents, surrounding spaces and hyphen/space differences", () => {
    expect(sameLastName("claes", "Claes")).toBe(true);
    expect(sameLastName(" Claës ", "Claes")).toBe(true);
    expect(sameLastName("De Smet", "de-smet")).toBe(true);
    expect(sameLastName("D'Hondt", "D Hondt")).toBe(true);
  });

  it("does not accept another name, a prefix or an empty name", () => {
    expect(sameLastName("Claessens", "Claes")).toBe(false);
    expect(sameLastName("Cla", "Claes")).toBe(false);
    expect(sameLastName("", "")).toBe(false);
    expect(sameLastName("Peeters", "Claes")).toBe(false);
  });
});
