import { describe, expect, it } from "vitest";
import { groupVitalSigns, READINGS_SHOWN } from "./vital-groups";

const reading = (id: string, type: string, day: number, value: number) => ({
  id,
  type,
  value,
  secondaryValue: null,
  unit: "/min",
  measuredAt: new Date(Date.UTC(2026, 10, day)),
  note: null,
  version: 1,
});

describe("groupVitalSigns", () => {
  it("groups by type in a fixed order, each group oldest first", () => {
    const groups = groupVitalSigns([
      reading("p2", "PULSE", 3, 70),
      reading("b1", "BLOOD_PRESSURE", 2, 130),
      reading("p1", "PULSE", 1, 72),
    ]);
    expect(groups.map((group) => group.type)).toEqual(["BLOOD_PRESSURE", "PULSE"]);
    expect(groups[1]!.readings.map((r) => r.id)).toEqual(["p1", "p2"]);
  });

  it("keeps only the latest readings of a long history", () => {
    const many = Array.from({ length: READINGS_SHOWN + 5 }, (_, index) =>
      reading(`p${index}`, "PULSE", index + 1, 60 + index),
    );
    const [pulse] = groupVitalSigns(many);
    expect(pulse!.readings).toHaveLength(READINGS_SHOWN);
    expect(pulse!.readings[0]!.id).toBe("p5");
    expect(pulse!.readings.at(-1)!.id).toBe(`p${READINGS_SHOWN + 4}`);
  });

  it("leaves out types it does not know instead of guessing a unit or format", () => {
    expect(groupVitalSigns([reading("x", "CHOLESTEROL", 1, 5)])).toEqual([]);
  });
});
