import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  belgianCalendarDate,
  belgianCalendarDay,
  brusselsLocalToInstant,
  dateColumnValue,
  isoDateOfColumn,
} from "./belgian-calendar";

describe("belgianCalendarDate", () => {
  it("turns the day at Belgian midnight, not at UTC midnight, in winter (UTC+1)", () => {
    expect(belgianCalendarDate(new Date("2026-01-14T22:59:59.999Z"))).toBe("2026-01-14");
    expect(belgianCalendarDate(new Date("2026-01-14T23:00:00.000Z"))).toBe("2026-01-15");
    // The UTC date is still the 14th here: a list that used it would be a day behind.
    expect(new Date("2026-01-14T23:30:00.000Z").toISOString().slice(0, 10)).toBe("2026-01-14");
  });

  it("turns the day at Belgian midnight in summer (UTC+2)", () => {
    expect(belgianCalendarDate(new Date("2026-07-14T21:59:59.999Z"))).toBe("2026-07-14");
    expect(belgianCalendarDate(new Date("2026-07-14T22:00:00.000Z"))).toBe("2026-07-15");
  });

  it("is right on both sides of the spring change (29 March 2026, 02:00 -> 03:00)", () => {
    // The night before the change midnight is still 23:00 UTC.
    expect(belgianCalendarDate(new Date("2026-03-28T22:59:00Z"))).toBe("2026-03-28");
    expect(belgianCalendarDate(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    // The night after, midnight is 22:00 UTC.
    expect(belgianCalendarDate(new Date("2026-03-29T21:59:00Z"))).toBe("2026-03-29");
    expect(belgianCalendarDate(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
  });

  it("is right on both sides of the autumn change (25 October 2026, 03:00 -> 02:00)", () => {
    expect(belgianCalendarDate(new Date("2026-10-24T21:59:00Z"))).toBe("2026-10-24");
    expect(belgianCalendarDate(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    // The 25th has 25 hours: it ends at 23:00 UTC.
    expect(belgianCalendarDate(new Date("2026-10-25T22:59:00Z"))).toBe("2026-10-25");
    expect(belgianCalendarDate(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });

  it("turns the year at Belgian midnight", () => {
    expect(belgianCalendarDate(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

describe("belgianCalendarDay", () => {
  it("is UTC midnight of the Belgian date, the way Prisma holds a date column", () => {
    expect(belgianCalendarDay(new Date("2026-01-14T23:30:00Z")).toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(belgianCalendarDay(new Date("2026-07-15T00:30:00Z")).toISOString()).toBe("2026-07-15T00:00:00.000Z");
  });

  it("round-trips through the date-column helpers", () => {
    const instant = new Date("2026-10-25T22:30:00Z");
    expect(isoDateOfColumn(belgianCalendarDay(instant))).toBe(belgianCalendarDate(instant));
    expect(dateColumnValue("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month, year and DST boundaries without drifting an hour", () => {
    expect(addCalendarDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addCalendarDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("clamps months to the end of shorter months", () => {
    expect(addCalendarMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addCalendarMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addCalendarMonths("2026-10-15", 14)).toBe("2027-12-15");
  });
});

describe("brusselsLocalToInstant", () => {
  it("reads a wall-clock time in Belgian winter and summer time", () => {
    expect(brusselsLocalToInstant("2026-11-24T08:30").toISOString()).toBe("2026-11-24T07:30:00.000Z");
    expect(brusselsLocalToInstant("2026-07-01T08:30").toISOString()).toBe("2026-07-01T06:30:00.000Z");
  });

  it("is right on the days the clock changes", () => {
    expect(brusselsLocalToInstant("2026-03-29T12:00").toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(brusselsLocalToInstant("2026-10-25T12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });

  it("reads a time just after midnight as that Belgian day", () => {
    const instant = brusselsLocalToInstant("2026-01-15T00:15");
    expect(instant.toISOString()).toBe("2026-01-14T23:15:00.000Z");
    expect(belgianCalendarDate(instant)).toBe("2026-01-15");
  });
});
