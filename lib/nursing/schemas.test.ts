import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { brusselsLocalToInstant, vitalRanges, ZPlanVisit, ZRecordVital } from "./schemas";

describe("brusselsLocalToInstant", () => {
  it("reads a wall-clock time in Belgian winter and summer time", () => {
    expect(brusselsLocalToInstant("2026-11-24T08:30").toISOString()).toBe("2026-11-24T07:30:00.000Z");
    expect(brusselsLocalToInstant("2026-07-01T08:30").toISOString()).toBe("2026-07-01T06:30:00.000Z");
  });

  it("is right on the days the clock changes", () => {
    expect(brusselsLocalToInstant("2026-03-29T12:00").toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(brusselsLocalToInstant("2026-10-25T12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });
});

describe("ZRecordVital", () => {
  it("accepts the edges of each plausible range and refuses just outside", () => {
    for (const [type, range] of Object.entries(vitalRanges)) {
      if (type === "BLOOD_PRESSURE") continue;
      expect(ZRecordVital.safeParse({ type, value: String(range.min), id: randomUUID() }).success, `${type} min`).toBe(true);
      expect(ZRecordVital.safeParse({ type, value: String(range.max), id: randomUUID() }).success, `${type} max`).toBe(true);
      expect(ZRecordVital.safeParse({ type, value: String(range.max + 1), id: randomUUID() }).success, `${type} above`).toBe(false);
    }
  });

  it("needs a diastolic below the systolic for a blood pressure", () => {
    expect(ZRecordVital.safeParse({ type: "BLOOD_PRESSURE", value: "120", secondaryValue: "80", id: randomUUID() }).success).toBe(true);
    expect(ZRecordVital.safeParse({ type: "BLOOD_PRESSURE", value: "120", id: randomUUID() }).success).toBe(false);
    expect(ZRecordVital.safeParse({ type: "BLOOD_PRESSURE", value: "120", secondaryValue: "120", id: randomUUID() }).success).toBe(false);
  });

  it("refuses a form without a client-generated id", () => {
    expect(ZRecordVital.safeParse({ type: "PULSE", value: "70", id: "1" }).success).toBe(false);
    expect(ZPlanVisit.safeParse({ id: randomUUID(), startsAt: "2026-11-24 08:30", durationMinutes: "30", purpose: "x" }).success).toBe(false);
  });
});
