import { describe, expect, it } from "vitest";
import { ageBand, ageOnDay, mayActAsOwnPatient } from "./minors";

const born = (day: string) => new Date(`${day}T00:00:00.000Z`);

describe("age on a calendar day", () => {
  it("counts a year on the day the month and day of birth come round", () => {
    expect(ageOnDay(born("2014-12-02"), "2026-12-01")).toBe(11);
    expect(ageOnDay(born("2014-12-02"), "2026-12-02")).toBe(12);
    expect(ageOnDay(born("2010-06-30"), "2026-07-01")).toBe(16);
  });

  it("turns someone born on 29 February a year older on 1 March in a year without one", () => {
    expect(ageOnDay(born("2012-02-29"), "2025-02-28")).toBe(12);
    expect(ageOnDay(born("2012-02-29"), "2025-03-01")).toBe(13);
    expect(ageOnDay(born("2012-02-29"), "2028-02-29")).toBe(16);
  });
});

describe("age bands, by the Belgian day of the instant", () => {
  it("uses Brussels time: 23:30 UTC on the eve of the 12th birthday is already the birthday in winter", () => {
    const birth = born("2014-12-02");
    expect(ageBand(birth, new Date("2026-12-01T22:30:00Z"))).toBe("under_12");
    expect(ageBand(birth, new Date("2026-12-01T23:30:00Z"))).toBe("12_to_15");
    expect(mayActAsOwnPatient(birth, new Date("2026-12-01T22:30:00Z"))).toBe(false);
    expect(mayActAsOwnPatient(birth, new Date("2026-12-01T23:30:00Z"))).toBe(true);
  });

  it("has four bands, and counts an unknown birth date as an adult", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(ageBand(born("2016-06-02"), now)).toBe("under_12");
    expect(ageBand(born("2012-06-02"), now)).toBe("12_to_15");
    expect(ageBand(born("2009-06-02"), now)).toBe("16_to_17");
    expect(ageBand(born("2008-12-02"), now)).toBe("adult");
    expect(ageBand(null, now)).toBe("adult");
    expect(mayActAsOwnPatient(null, now)).toBe(true);
  });
});
