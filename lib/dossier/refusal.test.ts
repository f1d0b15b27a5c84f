import { describe, expect, it } from "vitest";
import { AccessReason, type AccessDecision } from "@/lib/access/policy";
import { refusalKind } from "./refusal";

describe("refusalKind", () => {
  it("says nothing for an allowed decision", () => {
    expect(refusalKind({ allowed: true, reason: "therapeutic_relation" })).toBeNull();
  });

  it("names only the reasons the policy gives to someone who already has a relation", () => {
    expect(refusalKind({ allowed: false, reason: "no_consent" })).toBe("no_consent");
    expect(refusalKind({ allowed: false, reason: "excluded" })).toBe("excluded");
    expect(refusalKind({ allowed: false, reason: "outside_availability_window" })).toBe("outside_availability_window");
  });

  it("answers every other denial with the one neutral kind", () => {
    const specific = new Set([
      "no_consent",
      "excluded",
      "outside_availability_window",
      "suspended",
      "declaration_required",
    ]);
    const grants = new Set([
      "self",
      "trusted_person",
      "therapeutic_relation",
      "care_team",
      "emergency_access",
      "service_center",
    ]);
    const others = Object.values(AccessReason).filter((reason) => !specific.has(reason) && !grants.has(reason));
    expect(others).toEqual(expect.arrayContaining(["no_relation", "unknown_patient", "role_not_permitted", "error"]));
    for (const reason of others) {
      expect(refusalKind({ allowed: false, reason } as AccessDecision)).toBe("no_access");
    }
  });
});
