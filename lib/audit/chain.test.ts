// The access log's serialisation (ADR 0004): a person's entries keep the v1 form they were
// hashed in; a system client's entry (ADR 0017) is v2 and its client id is covered by the hash.
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalEntry, hmacLink, type ChainedFields } from "./chain";

const key = Buffer.from("chain-test-key-chain-test-key-32b");
const entryHash = (prevHash: string, entry: ChainedFields) => hmacLink(key, prevHash, entry);

const fields: ChainedFields = {
  occurredAt: new Date("2026-12-01T10:00:00.000Z"),
  requestId: "r-1",
  actorId: null,
  actorRole: null,
  patientId: "pat-an",
  action: "WRITE_NURSING_FILE",
  decision: "ALLOW",
  reason: "record_system",
  emergencyAccessId: null,
};

describe("canonicalEntry", () => {
  it("keeps the v1 form for entries without a system actor, whether the field is absent or null", () => {
    const v1 = canonicalEntry(fields);
    expect(JSON.parse(v1)[0]).toBe("v1");
    expect(canonicalEntry({ ...fields, actorSystem: null })).toBe(v1);
  });

  it("writes v2 with the client id for a system actor, so changing or dropping it breaks the hash", () => {
    const system = { ...fields, actorSystem: "ehr-demo" };
    expect(JSON.parse(canonicalEntry(system))).toEqual([
      ...JSON.parse(canonicalEntry(fields)).with(0, "v2"),
      "ehr-demo",
      null,
    ]);
    const hash = entryHash(GENESIS_HASH, system);
    expect(entryHash(GENESIS_HASH, { ...system, actorSystem: "ehr-other" })).not.toBe(hash);
    expect(entryHash(GENESIS_HASH, { ...system, actorSystem: null })).not.toBe(hash);
  });
});
