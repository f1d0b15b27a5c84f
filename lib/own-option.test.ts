import { afterEach, describe, expect, it } from "vitest";
import { ownOption } from "./own-option";

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).hours;
});

describe("ownOption", () => {
  it("reads what the caller passed, and undefined for what it left out, even with a polluted prototype", () => {
    const options: { hours?: number } = {};
    // What a prototype pollution would do; the plain property read falls for it.
    (Object.prototype as Record<string, unknown>).hours = 9999;
    expect(options.hours).toBe(9999);
    expect(ownOption(options, "hours")).toBeUndefined();
    expect(ownOption({ hours: 3 }, "hours")).toBe(3);
  });
});
