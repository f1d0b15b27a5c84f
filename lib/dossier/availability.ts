// How long a file stays online, as the patient is told on their home page: until the
// availability window (AVAILABILITY_WINDOW_MONTHS) after the end of the latest care episode,
// that day included: the same rule the access decision applies (lib/access/policy.ts).
import { lastDayOnline } from "@/lib/access/policy";

export type FileAvailability =
  { status: "in_care" } | { status: "ended"; endedOn: string; onlineUntil: string } | { status: "no_care" };

/** From the care episodes of a file (calendar dates YYYY-MM-DD, as NursingFile["care"] holds them). */
export function fileAvailability(
  episodes: ReadonlyArray<{ startDate: string; endDate: string | null }>,
  availabilityWindowMonths: number,
): FileAvailability {
  if (episodes.length === 0) return { status: "no_care" };
  if (episodes.some((episode) => episode.endDate === null)) return { status: "in_care" };
  const endedOn = episodes
    .map((episode) => episode.endDate!)
    .sort()
    .at(-1)!;
  return {
    status: "ended",
    endedOn,
    onlineUntil: lastDayOnline(new Date(`${endedOn}T00:00:00.000Z`), availabilityWindowMonths),
  };
}
