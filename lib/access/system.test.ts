// The system clients' decision path (ADR 0017): which SMART scopes are understood, what a client
// is granted from its configuration, and what a token's scopes let it write.
import { describe, expect, it } from "vitest";
import { decideSystemWrite, grantSystemScopes, parseSystemScope } from "./system";

describe("parseSystemScope", () => {
  it("reads SMART v1 and v2 system scopes", () => {
    expect(parseSystemScope("system/*.write")).toEqual({ resourceType: "*", permissions: new Set(["c", "u", "d"]) });
    expect(parseSystemScope("system/Patient.read")).toEqual({
      resourceType: "Patient",
      permissions: new Set(["r", "s"]),
    });
    expect(parseSystemScope("system/Observation.*")?.permissions.size).toBe(5);
    expect(parseSystemScope("system/Observation.cu")).toEqual({
      resourceType: "Observation",
      permissions: new Set(["c", "u"]),
    });
  });

  it("understands nothing else: patient and user scopes, query scopes, misordered or unknown permissions", () => {
    for (const scope of [
      "patient/*.write",
      "user/Patient.write",
      "system/Patient.write?category=x",
      "system/Patient.uc",
      "system/Patient.x",
      "system/Patient.",
      "system/patient.write",
      "system/__proto__.write",
      "openid",
      "",
    ]) {
      expect(parseSystemScope(scope), scope).toBeNull();
    }
  });
});

describe("grantSystemScopes", () => {
  it("grants what the configuration covers, as asked, once", () => {
    expect(grantSystemScopes(["system/Patient.write", "system/Patient.write"], ["system/*.write"])).toEqual([
      "system/Patient.write",
    ]);
    expect(grantSystemScopes(["system/*.write", "system/Patient.write"], ["system/Observation.write"])).toEqual([]);
    expect(grantSystemScopes(["system/Observation.cu", "system/Observation.write"], ["system/Observation.cu"])).toEqual(
      ["system/Observation.cu"],
    );
    expect(grantSystemScopes(["system/*.read"], ["system/*.write"])).toEqual([]);
  });
});

describe("decideSystemWrite", () => {
  it("allows a conditional create with c and a conditional update with c and u, for the type or *", () => {
    expect(decideSystemWrite(["system/*.write"], "Observation", "create-or-update").allowed).toBe(true);
    expect(decideSystemWrite(["system/Observation.write"], "Observation", "create-or-update").allowed).toBe(true);
    expect(decideSystemWrite(["system/Observation.c"], "Observation", "create").allowed).toBe(true);
  });

  it("denies by default: another type, a missing permission, read scopes, nothing, an odd type name", () => {
    expect(decideSystemWrite(["system/Observation.write"], "Patient", "create")).toEqual({
      allowed: false,
      reason: "scope_not_granted",
    });
    expect(decideSystemWrite(["system/Observation.c"], "Observation", "create-or-update").allowed).toBe(false);
    expect(decideSystemWrite(["system/*.read"], "Observation", "create").allowed).toBe(false);
    expect(decideSystemWrite([], "Observation", "create").allowed).toBe(false);
    expect(decideSystemWrite(["system/*.write"], "constructor", "create").allowed).toBe(false);
  });
});
