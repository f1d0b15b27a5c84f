import { describe, expect, it } from "vitest";
import type { ReviewItem } from "@/lib/access";
import { isExpired, splitReviewItems } from "./review-lists";

const at = (iso: string) => new Date(iso);

function suspension(id: string, createdAt: string): ReviewItem {
  return {
    kind: "suspension",
    id,
    person: { id: `p-${id}`, name: id },
    cause: "SYSTEMATIC_QUERYING",
    reason: "r",
    patientIds: [],
    windowMinutes: 10,
    createdAt: at(createdAt),
  };
}

function emergencyAccess(id: string, startedAt: string, expiresAt: string): ReviewItem {
  return {
    kind: "emergency_access",
    id,
    nurse: { id: "n", name: "Noah" },
    patient: { id: "p", name: "Bart" },
    reason: "Valt thuis, dringend",
    startedAt: at(startedAt),
    expiresAt: at(expiresAt),
  };
}

describe("splitReviewItems", () => {
  it("separates the two kinds and puts the oldest of each first", () => {
    const lists = splitReviewItems([
      suspension("s-new", "2026-11-23T10:00:00Z"),
      emergencyAccess("e-new", "2026-11-23T09:00:00Z", "2026-11-23T12:00:00Z"),
      suspension("s-old", "2026-11-20T10:00:00Z"),
      emergencyAccess("e-old", "2026-11-21T09:00:00Z", "2026-11-21T12:00:00Z"),
    ]);
    expect(lists.suspensions.map((item) => item.id)).toEqual(["s-old", "s-new"]);
    expect(lists.emergencyAccesses.map((item) => item.id)).toEqual(["e-old", "e-new"]);
  });

  it("orders items of the same moment by id, so reloads show the same order", () => {
    const lists = splitReviewItems([suspension("b", "2026-11-23T10:00:00Z"), suspension("a", "2026-11-23T10:00:00Z")]);
    expect(lists.suspensions.map((item) => item.id)).toEqual(["a", "b"]);
  });

  it("does not reorder the list it was given", () => {
    const items = [suspension("s-new", "2026-11-23T10:00:00Z"), suspension("s-old", "2026-11-20T10:00:00Z")];
    splitReviewItems(items);
    expect(items.map((item) => item.id)).toEqual(["s-new", "s-old"]);
  });

  it("gives empty lists for nothing to review", () => {
    expect(splitReviewItems([])).toEqual({ suspensions: [], emergencyAccesses: [] });
  });
});

describe("isExpired", () => {
  const item = { expiresAt: at("2026-11-23T12:00:00Z") };
  it("is expired from the expiry moment on", () => {
    expect(isExpired(item, at("2026-11-23T11:59:59Z"))).toBe(false);
    expect(isExpired(item, at("2026-11-23T12:00:00Z"))).toBe(true);
  });
});
