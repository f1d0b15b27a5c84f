import { describe, expect, it } from "vitest";
import { accessLogHref, hasActiveFilter, parseAccessLogSearchParams, toAccessLogFilter } from "./search-params";

const now = new Date("2026-11-23T12:00:00Z");
const days = (n: number) => n * 24 * 60 * 60 * 1000;

describe("parseAccessLogSearchParams", () => {
  it("reads valid filters and the cursor", () => {
    expect(parseAccessLogSearchParams({ outcome: "refused", role: "DOCTOR", period: "30d", before: "1234" })).toEqual({
      outcome: "refused",
      role: "DOCTOR",
      period: "30d",
      before: 1234n,
    });
  });

  it("defaults to everything, newest first", () => {
    expect(parseAccessLogSearchParams({})).toEqual({ outcome: "all", role: "all", period: "all", before: undefined });
  });

  it.each([
    ["an unknown outcome", { outcome: "maybe" }],
    ["a repeated value", { outcome: ["allowed", "refused"], role: ["DOCTOR", "NURSE"] }],
    ["a role in the wrong case", { role: "doctor" }],
    ["an unknown period", { period: "365d" }],
    ["a cursor that is not an entry id", { before: "12abc" }],
    ["a negative cursor", { before: "-5" }],
    ["a zero cursor", { before: "0" }],
    ["a cursor beyond bigint", { before: "9223372036854775808" }],
    ["a cursor with leading zeros", { before: "0012" }],
  ])("falls back to the defaults for %s", (_label, raw) => {
    expect(parseAccessLogSearchParams(raw)).toEqual({ outcome: "all", role: "all", period: "all", before: undefined });
  });

  it("keeps the valid values next to an invalid one", () => {
    expect(parseAccessLogSearchParams({ outcome: "refused", role: "<script>", period: "7d" })).toMatchObject({
      outcome: "refused",
      role: "all",
      period: "7d",
    });
  });

  it("accepts the largest entry id", () => {
    expect(parseAccessLogSearchParams({ before: "9223372036854775807" }).before).toBe(9223372036854775807n);
  });
});

describe("toAccessLogFilter", () => {
  it("filters nothing by default", () => {
    expect(toAccessLogFilter(parseAccessLogSearchParams({}), now)).toEqual({});
  });

  it("counts errors as refused (the access core fails closed)", () => {
    expect(toAccessLogFilter(parseAccessLogSearchParams({ outcome: "refused" }), now).decisions).toEqual([
      "DENY",
      "ERROR",
    ]);
    expect(toAccessLogFilter(parseAccessLogSearchParams({ outcome: "allowed" }), now).decisions).toEqual(["ALLOW"]);
  });

  it("turns a role and a period into the query's role and lower bound", () => {
    expect(toAccessLogFilter(parseAccessLogSearchParams({ role: "NURSE", period: "7d" }), now)).toEqual({
      actorRole: "NURSE",
      since: new Date(now.getTime() - days(7)),
    });
    expect(toAccessLogFilter(parseAccessLogSearchParams({ period: "30d" }), now).since).toEqual(
      new Date(now.getTime() - days(30)),
    );
  });
});

describe("accessLogHref and hasActiveFilter", () => {
  it("leaves defaults out of the URL and keeps filters on the next page", () => {
    const defaults = parseAccessLogSearchParams({});
    expect(accessLogHref(defaults)).toBe("/patient/access-log");
    expect(hasActiveFilter(defaults)).toBe(false);
    const filtered = parseAccessLogSearchParams({ outcome: "refused", role: "DOCTOR", period: "7d" });
    expect(accessLogHref(filtered, "42")).toBe("/patient/access-log?outcome=refused&role=DOCTOR&period=7d&before=42");
    expect(hasActiveFilter(filtered)).toBe(true);
  });
});
