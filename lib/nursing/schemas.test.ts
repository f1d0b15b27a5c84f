import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { vitalRanges, ZCorrectVital, ZPlanVisit, ZRecordVital, ZResolveCorrection } from "./schemas";

describe("ZRecordVital", () => {
  it("accepts the edges of each plausible range and refuses just outside", () => {
    for (const [type, range] of Object.entries(vitalRanges)) {
      if (type === "BLOOD_PRESSURE") continue;
      expect(ZRecordVital.safeParse({ type, value: String(range.min), id: randomUUID() }).success, `${type} min`).toBe(
        true,
      );
      expect(ZRecordVital.safeParse({ type, value: String(range.max), id: randomUUID() }).success, `${type} max`).toBe(
        true,
      );
      expect(
        ZRecordVital.safeParse({ type, value: String(range.max + 1), id: randomUUID() }).success,
        `${type} above`,
      ).toBe(false);
    }
  });

  it("needs a diastolic below the systolic for a blood pressure", () => {
    expect(
      ZRecordVital.safeParse({ type: "BLOOD_PRESSURE", value: "120", secondaryValue: "80", id: randomUUID() }).success,
    ).toBe(true);
    expect(ZRecordVital.safeParse({ type: "BLOOD_PRESSURE", value: "120", id: randomUUID() }).success).toBe(false);
    expect(
      ZRecordVital.safeParse({ type: "BLOOD_PRESSURE", value: "120", secondaryValue: "120", id: randomUUID() }).success,
    ).toBe(false);
  });

  it("refuses a form without a client-generated id", () => {
    expect(ZRecordVital.safeParse({ type: "PULSE", value: "70", id: "1" }).success).toBe(false);
    expect(
      ZPlanVisit.safeParse({ id: randomUUID(), startsAt: "2026-11-24 08:30", durationMinutes: "30", purpose: "x" })
        .success,
    ).toBe(false);
  });
});

describe("ZCorrectVital", () => {
  const base = { vitalId: "vital-an-1", version: "3", reason: "Afgelezen van het verkeerde toestel" };

  it("checks the corrected value against the range of the reading's own type", () => {
    for (const [type, range] of Object.entries(vitalRanges)) {
      if (type === "BLOOD_PRESSURE") continue;
      expect(ZCorrectVital.safeParse({ ...base, type, value: String(range.max) }).success, `${type} max`).toBe(true);
      expect(ZCorrectVital.safeParse({ ...base, type, value: String(range.max + 1) }).success, `${type} above`).toBe(
        false,
      );
    }
    expect(ZCorrectVital.parse({ ...base, type: "TEMPERATURE", value: "38,2", note: "" })).toMatchObject({
      value: 38.2,
      version: 3,
      note: null,
      secondaryValue: null,
    });
  });

  it("needs a diastolic below the systolic, a version and a reason of 10 characters", () => {
    expect(
      ZCorrectVital.safeParse({ ...base, type: "BLOOD_PRESSURE", value: "138", secondaryValue: "84" }).success,
    ).toBe(true);
    expect(
      ZCorrectVital.safeParse({ ...base, type: "BLOOD_PRESSURE", value: "84", secondaryValue: "138" }).success,
    ).toBe(false);
    expect(ZCorrectVital.safeParse({ ...base, type: "PULSE", value: "72", version: "0" }).success).toBe(false);
    expect(ZCorrectVital.safeParse({ ...base, type: "PULSE", value: "72", reason: "  te kort  " }).success).toBe(false);
  });
});

describe("ZResolveCorrection", () => {
  it("needs an answer of at least 10 characters and the request's version", () => {
    expect(
      ZResolveCorrection.safeParse({ correctionId: "c1", correctionVersion: "2", resolution: "Verbeterd." }).success,
    ).toBe(true);
    expect(
      ZResolveCorrection.safeParse({ correctionId: "c1", correctionVersion: "2", resolution: "Opgelost" }).success,
    ).toBe(false);
    expect(ZResolveCorrection.safeParse({ correctionId: "c1", resolution: "Het verslag is verbeterd." }).success).toBe(
      false,
    );
    // The patient is not part of the form: an extra field is dropped, never used.
    expect(
      ZResolveCorrection.parse({
        correctionId: "c1",
        correctionVersion: "2",
        resolution: "Het verslag is verbeterd.",
        patientId: "pat-bart",
      }),
    ).not.toHaveProperty("patientId");
  });
});
