import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInsz, formatInsz, inszBirthDate, inszCentury, isValidInsz, normalizeInsz, ZInsz } from "./insz";

// Every national number of shared/spec/demo-world.md: the seed and the e2e checks rely on them.
const DEMO_WORLD_INSZ = [
  "41031212410",
  "50070205712",
  "38112321171",
  "45013008663",
  "68051416307",
  "72090809477",
  "66021703381",
  "79120104816",
  "70060614127",
  "75040407946",
  "88081902053",
  "95101015558",
  "83030311111",
  "90011504247",
];

// Born 2005-06-15, serial 123: 97 - (2050615123 mod 97) = 88, worked out by hand beside the
// implementation; the 1900 reading of the same nine digits would need 59.
const BORN_2005 = "05061512388";

describe("isValidInsz", () => {
  it.each(DEMO_WORLD_INSZ)("accepts demo-world number %s", (insz) => {
    expect(isValidInsz(insz)).toBe(true);
  });

  it("accepts a person born in 2000 or later only with the '2'-prefixed check", () => {
    expect(isValidInsz(BORN_2005)).toBe(true);
    expect(inszCentury(BORN_2005)).toBe(2000);
    expect(inszCentury("05061512359")).toBe(1900);
  });

  it.each([
    ["wrong check digits", "41031212411"],
    ["check digits swapped", "41031212401"],
    ["one digit of the birth date changed", "41031312410"],
    ["two digits transposed", "14031212410"],
    ["too short", "4103121241"],
    ["too long", "410312124100"],
    ["empty", ""],
    ["letters", "4103121241O"],
    ["separators are not digits", "41.03.12-124.10"],
    ["month 13 with otherwise right check digits", "41131212480"],
  ])("rejects %s (%s)", (_label, insz) => {
    expect(isValidInsz(insz)).toBe(false);
  });

  it("rejects a number whose check digits are off by any amount", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEMO_WORLD_INSZ), fc.integer({ min: 1, max: 96 }), (insz, delta) => {
        const wrong = ((Number(insz.slice(9)) + delta) % 100).toString().padStart(2, "0");
        // The other century's check for the same digits is the only other value that may pass.
        const otherCentury = 97 - Number(BigInt(`2${insz.slice(0, 9)}`) % 97n);
        fc.pre(Number(wrong) !== otherCentury);
        expect(isValidInsz(insz.slice(0, 9) + wrong)).toBe(false);
      }),
    );
  });

  it("accepts every number built with the published rule", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 998 }),
        fc.boolean(),
        (yy, mm, dd, serial, after2000) => {
          const nine =
            [yy, mm, dd].map((n) => n.toString().padStart(2, "0")).join("") + serial.toString().padStart(3, "0");
          // Plain number arithmetic (fits in 2^53), independent of the BigInt path of the implementation.
          const base = Number((after2000 ? "2" : "") + nine);
          const check = (97 - (base % 97)).toString().padStart(2, "0");
          expect(isValidInsz(nine + check)).toBe(true);
        },
      ),
    );
  });
});

describe("normalizeInsz", () => {
  it.each([
    ["41.03.12-124.10", "41031212410"],
    ["41 03 12 124 10", "41031212410"],
    ["  41031212410  ", "41031212410"],
    ["05.06.15-123.88", BORN_2005],
  ])("normalizes %s", (input, expected) => {
    expect(normalizeInsz(input)).toBe(expected);
  });

  it.each(["41.03.12-124.11", "41.O3.12-124.10", "abc", "", "4103121241", 41031212410, null, undefined])(
    "returns null for %s",
    (input) => {
      expect(normalizeInsz(input)).toBeNull();
    },
  );
});

describe("formatInsz", () => {
  it("formats for display", () => {
    expect(formatInsz("41031212410")).toBe("41.03.12-124.10");
    expect(formatInsz("41 03 12 124 10")).toBe("41.03.12-124.10");
  });

  it("leaves an invalid value as it was", () => {
    expect(formatInsz("12345")).toBe("12345");
  });
});

describe("inszBirthDate", () => {
  it("reads the date and the century", () => {
    expect(inszBirthDate("41031212410")?.toISOString().slice(0, 10)).toBe("1941-03-12");
    expect(inszBirthDate(BORN_2005)?.toISOString().slice(0, 10)).toBe("2005-06-15");
  });

  it("has no date for unknown parts or an invalid number", () => {
    const unknownDay = "410300124";
    const check = (97 - (Number(unknownDay) % 97)).toString().padStart(2, "0");
    expect(isValidInsz(unknownDay + check)).toBe(true);
    expect(inszBirthDate(unknownDay + check)).toBeNull();
    expect(inszBirthDate("41031212411")).toBeNull();
  });
});

describe("ZInsz", () => {
  it("normalizes valid input", () => {
    expect(ZInsz.parse("41.03.12-124.10")).toBe("41031212410");
  });

  it("rejects with a message that says what is expected", () => {
    const result = ZInsz.safeParse("41.03.12-124.11");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/rijksregisternummer/);
    expect(ZInsz.safeParse(41031212410).success).toBe(false);
  });
});

describe("buildInsz", () => {
  it("rebuilds the demo-world numbers from their birth date and serial", () => {
    expect(buildInsz(new Date(Date.UTC(1941, 2, 12)), 124)).toBe("41031212410");
    expect(buildInsz(new Date(Date.UTC(2005, 5, 15)), 123)).toBe(BORN_2005);
  });

  it("always yields a valid number that reads back the same birth date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 998 }),
        (date, serial) => {
          const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
          const insz = buildInsz(day, serial);
          expect(isValidInsz(insz)).toBe(true);
          expect(inszBirthDate(insz)?.getTime()).toBe(day.getTime());
        },
      ),
    );
  });

  it("refuses serials outside 1-998", () => {
    expect(() => buildInsz(new Date(Date.UTC(1980, 0, 1)), 0)).toThrow(RangeError);
    expect(() => buildInsz(new Date(Date.UTC(1980, 0, 1)), 999)).toThrow(RangeError);
  });
});
