// The eHealth adapter against the local simulator (scripts/ehealth-simulator), both on loopback:
// what the portal reads is what was registered, terms bound every link, and an answer the
// adapter does not expect is an error, never a fact.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEHealthSimulator, type EHealthSimulator } from "../../scripts/ehealth-simulator/server";
import { createHttpEHealthAdapter, EHealthUnavailableError } from "./http";
import { boundedLinkEnd, linkLastDay } from "./terms";

const AN = "41031212410";
const FRANK = "70060614127";
const DIRK = "66021703381";

let simulator: EHealthSimulator;
const now = new Date("2026-12-02T09:00:00Z");

async function admin(path: string, body: unknown) {
  return fetch(new URL(path, simulator.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  simulator = await startEHealthSimulator({ now: () => now });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  expect((await fetch(new URL("admin/reset", simulator.url), { method: "POST" })).status).toBe(204);
});

describe("link terms", () => {
  it("ends a link the day before the same date its term later", () => {
    expect(linkLastDay("2026-12-02", "GP_LONG_TERM")).toBe("2028-03-01");
    expect(linkLastDay("2026-12-02", "OCCASIONAL_CONTACT")).toBe("2027-03-01");
    expect(linkLastDay("2026-12-02", "EMERGENCY_DEPARTMENT")).toBe("2027-01-01");
    expect(linkLastDay("2026-11-30", "OCCASIONAL_CONTACT")).toBe("2027-02-27");
  });

  it("never lets a reported end run past the term", () => {
    expect(boundedLinkEnd("2026-12-02", "EMERGENCY_DEPARTMENT", "2030-01-01")).toBe("2027-01-01");
    expect(boundedLinkEnd("2026-12-02", "EMERGENCY_DEPARTMENT", "2026-12-10")).toBe("2026-12-10");
    expect(boundedLinkEnd("2026-12-02", "GP_LONG_TERM", null)).toBe("2028-03-01");
  });
});

describe("the HTTP adapter against the simulator", () => {
  it("reads the links of one (patient, caregiver) and the patient's consent events", async () => {
    const adapter = createHttpEHealthAdapter(simulator.url);
    expect(await adapter.findTherapeuticLinks({ patientInsz: AN, caregiverInsz: FRANK })).toEqual([]);

    const registered = await admin("admin/therapeutic-links", {
      patientInsz: AN,
      caregiverInsz: FRANK,
      term: "OCCASIONAL_CONTACT",
    });
    expect(registered.status).toBe(201);
    await admin("admin/therapeutic-links", { patientInsz: AN, caregiverInsz: DIRK, term: "GP_LONG_TERM" });
    await admin("admin/consents", { patientInsz: AN, kind: "GIVEN", occurredAt: "2026-11-01T10:00:00+01:00" });

    const links = await adapter.findTherapeuticLinks({ patientInsz: AN, caregiverInsz: FRANK });
    expect(links).toEqual([
      {
        id: expect.stringMatching(/^thl-/),
        patientInsz: AN,
        caregiverInsz: FRANK,
        term: "OCCASIONAL_CONTACT",
        // Today by the simulator's clock, and three months minus a day.
        startDate: "2026-12-02",
        endDate: "2027-03-01",
        revokedAt: null,
      },
    ]);
    expect(await adapter.findConsents({ patientInsz: AN })).toEqual([
      { id: expect.stringMatching(/^cns-/), patientInsz: AN, kind: "GIVEN", occurredAt: "2026-11-01T10:00:00+01:00" },
    ]);

    const revoked = await fetch(new URL(`admin/therapeutic-links/${links[0]!.id}/revoke`, simulator.url), {
      method: "POST",
    });
    expect(revoked.status).toBe(200);
    expect((await adapter.findTherapeuticLinks({ patientInsz: AN, caregiverInsz: FRANK }))[0]?.revokedAt).toBe(
      now.toISOString(),
    );
  });

  it("refuses to register a link with an invalid national number, an unknown field or an end past its term", async () => {
    const invalid = await admin("admin/therapeutic-links", {
      patientInsz: "41031212411",
      caregiverInsz: FRANK,
      term: "GP_LONG_TERM",
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toContain("patientInsz");
    const extra = await admin("admin/therapeutic-links", {
      patientInsz: AN,
      caregiverInsz: FRANK,
      term: "GP_LONG_TERM",
      admin: true,
    });
    expect(extra.status).toBe(400);
    const long = await admin("admin/therapeutic-links", {
      patientInsz: AN,
      caregiverInsz: FRANK,
      term: "EMERGENCY_DEPARTMENT",
      startDate: "2026-12-01",
      endDate: "2027-12-01",
    });
    expect(long.status).toBe(201);
    expect(((await long.json()) as { link: { endDate: string } }).link.endDate).toBe("2026-12-31");
    expect(simulator.links).toHaveLength(1);
  });

  it("answers a malformed query with 400, not with someone's links", async () => {
    const response = await fetch(new URL(`therapeutic-links?patient=${AN}&caregiver=abc`, simulator.url));
    expect(response.status).toBe(400);
  });

  it("treats no answer, an error status, an unexpected shape and an oversized answer as unavailable", async () => {
    const closed = createHttpEHealthAdapter("http://127.0.0.1:1/", { timeoutMs: 500 });
    await expect(closed.findConsents({ patientInsz: AN })).rejects.toBeInstanceOf(EHealthUnavailableError);

    const answers = [
      { status: 503, body: "{}" },
      { status: 200, body: "not json" },
      // An extra field: the strict schema refuses it rather than guessing.
      { status: 200, body: JSON.stringify({ links: [], more: true }) },
      { status: 200, body: JSON.stringify({ links: [{ id: "x", patientInsz: AN }] }) },
      { status: 200, body: JSON.stringify({ links: [], padding: "x".repeat(300_000) }) },
    ];
    let next = 0;
    const hostile = createServer((_request, response) => {
      const answer = answers[next++]!;
      response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    try {
      const adapter = createHttpEHealthAdapter(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
      for (let i = 0; i < answers.length; i++) {
        await expect(adapter.findTherapeuticLinks({ patientInsz: AN, caregiverInsz: FRANK })).rejects.toBeInstanceOf(
          EHealthUnavailableError,
        );
      }
    } finally {
      await new Promise<void>((resolve) => hostile.close(() => resolve()));
    }
  });

  it("keeps only the links of the pair asked for, whatever the service answers", async () => {
    const otherPair = {
      id: "thl-other",
      patientInsz: AN,
      caregiverInsz: DIRK,
      term: "GP_LONG_TERM",
      startDate: "2026-01-01",
      endDate: "2027-03-31",
      revokedAt: null,
    };
    const hostile = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ links: [otherPair] }));
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    try {
      const adapter = createHttpEHealthAdapter(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
      expect(await adapter.findTherapeuticLinks({ patientInsz: AN, caregiverInsz: FRANK })).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => hostile.close(() => resolve()));
    }
  });
});
