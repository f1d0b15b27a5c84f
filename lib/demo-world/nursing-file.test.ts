import { describe, expect, it } from "vitest";
import { demoPatientKeys } from "./ids";
import { buildNursingFile, HISTORY_DAYS } from "./nursing-file";
import { demoPatients } from "./people";

const TODAY = new Date("2026-11-23T10:00:00.000Z");
const DAY_MS = 86_400_000;

describe("buildNursingFile", () => {
  it.each(demoPatientKeys)("%s: the same day gives the same file", (key) => {
    expect(buildNursingFile(key, TODAY)).toEqual(buildNursingFile(key, TODAY));
  });

  it("gives every row a unique id", () => {
    const ids = demoPatientKeys.flatMap((key) => {
      const file = buildNursingFile(key, TODAY);
      return [
        ...file.carePlanItems,
        ...file.nursingNotes,
        ...file.vitalSigns,
        ...file.woundCareEntries,
        ...file.medicationSchedule,
        ...file.plannedVisits,
      ].map((row) => row.id);
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(demoPatientKeys)("%s: one note a day for %#, nothing after the end of care or today", (key) => {
    const file = buildNursingFile(key, TODAY);
    const patient = demoPatients[key];
    const endedDaysAgo = patient.careEndedDaysAgo ?? 0;
    const limit = Date.UTC(2026, 10, 23) - endedDaysAgo * DAY_MS + (patient.careEndedDaysAgo === null ? 0 : DAY_MS);
    const days = new Set(file.nursingNotes.map((note) => new Date(note.writtenAt).toISOString().slice(0, 10)));
    expect(days.size).toBe(HISTORY_DAYS);
    for (const note of file.nursingNotes) expect(new Date(note.writtenAt).getTime()).toBeLessThan(limit);
    for (const vital of file.vitalSigns) expect(new Date(vital.measuredAt).getTime()).toBeLessThan(limit);
    for (const entry of file.woundCareEntries) expect(new Date(entry.performedAt).getTime()).toBeLessThan(limit);
    for (const note of file.nursingNotes) expect(note.text.length).toBeGreaterThan(40);
  });

  it("writes Dutch numbers in the notes (decimal comma)", () => {
    const texts = demoPatientKeys.flatMap((key) => buildNursingFile(key, TODAY).nursingNotes.map((note) => note.text));
    for (const text of texts) expect(text).not.toMatch(/\d\.\d/);
  });

  it("keeps every measurement in a plausible range", () => {
    const ranges: Record<string, [number, number]> = {
      BLOOD_PRESSURE: [95, 175],
      PULSE: [50, 110],
      TEMPERATURE: [35.8, 38.0],
      GLUCOSE: [4, 15],
      // Emma (10) weighs about 32 kg.
      WEIGHT: [25, 100],
      PAIN_SCORE: [0, 10],
      OXYGEN_SATURATION: [88, 100],
    };
    for (const key of demoPatientKeys) {
      for (const vital of buildNursingFile(key, TODAY).vitalSigns) {
        const [min, max] = ranges[vital.type]!;
        const value = Number(vital.value);
        expect(value, `${vital.id}`).toBeGreaterThanOrEqual(min);
        expect(value, `${vital.id}`).toBeLessThanOrEqual(max);
        if (vital.type === "BLOOD_PRESSURE") expect(Number(vital.secondaryValue)).toBeLessThan(value);
        else expect(vital.secondaryValue ?? null).toBeNull();
      }
    }
  });

  it("varies the measurements from day to day", () => {
    const pulses = buildNursingFile("an", TODAY)
      .vitalSigns.filter((v) => v.type === "PULSE")
      .map((v) => v.value);
    expect(new Set(pulses).size).toBeGreaterThan(5);
  });

  it("plans visits from tomorrow on only for patients still in care", () => {
    for (const key of demoPatientKeys) {
      const planned = buildNursingFile(key, TODAY).plannedVisits.filter((visit) => visit.status === "PLANNED");
      if (demoPatients[key].careEndedDaysAgo === null) {
        const first = planned.map((visit) => new Date(visit.startsAt).getTime()).sort((a, b) => a - b)[0];
        expect(new Date(first!).toISOString().slice(0, 10), key).toBe("2026-11-24");
      } else {
        expect(planned, key).toEqual([]);
      }
    }
  });
});
