// The review page's two lists, each oldest first: a suspension that has waited longest keeps a
// caregiver away from their patients longest, and an emergency access is best checked while the
// nurse still remembers why. listReviewItems returns one list, newest first, for other callers.
import type { ReviewItem } from "@/lib/access";

export type SuspensionReviewItem = Extract<ReviewItem, { kind: "suspension" }>;
export type EmergencyAccessReviewItem = Extract<ReviewItem, { kind: "emergency_access" }>;

export type ReviewLists = {
  suspensions: SuspensionReviewItem[];
  emergencyAccesses: EmergencyAccessReviewItem[];
};

export function splitReviewItems(items: readonly ReviewItem[]): ReviewLists {
  const suspensions: SuspensionReviewItem[] = [];
  const emergencyAccesses: EmergencyAccessReviewItem[] = [];
  for (const item of items) {
    if (item.kind === "suspension") suspensions.push(item);
    else emergencyAccesses.push(item);
  }
  // Ties broken by id so the order does not jump between two loads of the page.
  suspensions.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  emergencyAccesses.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id));
  return { suspensions, emergencyAccesses };
}

/** An emergency access no longer opens the file once its expiry has passed. */
export function isExpired(item: Pick<EmergencyAccessReviewItem, "expiresAt">, now: Date): boolean {
  return item.expiresAt.getTime() <= now.getTime();
}
