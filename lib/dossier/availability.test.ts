import { describe, expect, it } from "vitest";
import { fileAvailability } from "./availability";

describe("fileAvailability", () => {
  it("says how long an ended file stays online, by the same rule as the access decision", () => {
    expect(fileAvailability([{ startDate: "2026-01-05", endDate: "2026-12-02" }], 3)).toEqual({
      status: "ended",
      endedOn: "2026-12-02",
      onlineUntil: "2027-03-02",
    });
    // The latest end counts; 30 November + 3 months is the last day of February.
    expect(
      fileAvailability(
        [
          { startDate: "2025-01-05", endDate: "2025-03-01" },
          { startDate: "2026-06-01", endDate: "2026-11-30" },
        ],
        3,
      ),
    ).toEqual({ status: "ended", endedOn: "2026-11-30", onlineUntil: "2027-02-28" });
  });

  it("knows care that goes on, and a patient without care", () => {
    expect(
      fileAvailability(
        [
          { startDate: "2025-01-05", endDate: "2025-03-01" },
          { startDate: "2026-06-01", endDate: null },
        ],
        3,
      ),
    ).toEqual({ status: "in_care" });
    expect(fileAvailability([], 3)).toEqual({ status: "no_care" });
  });
});
