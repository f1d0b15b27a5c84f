// Acceptance (issue 11): a new treating doctor gets in as soon as eHealth knows the therapeutic
// link and the patient's consent is given, the source shows in the patient's access log, and the
// link ends by itself after its term. The eHealth simulator runs on a free loopback port; the
// look-up asks it through the real HTTP adapter. Clocks are moved through the `now` inputs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEHealthSimulator, type EHealthSimulator } from "@/scripts/ehealth-simulator/server";
import { addCalendarDays } from "@/lib/belgian-calendar";
import { readAccessLog } from "@/lib/audit/view";
import { lookupPatientByInsz } from "@/lib/dossier";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { createHttpEHealthAdapter, type EHealthAdapter } from "@/lib/ehealth";
import { setConsent } from "@/lib/patient-settings";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, bart } = demoIds.patients;
const u = demoIds.users;
const AN_INSZ = "41031212410";
const BART_INSZ = "50070205712";
const FRANK_INSZ = "70060614127";
const QUESTION = "Nieuwe patiënt in de praktijk: medicatieschema nakijken";
const frank = gated(u.frank, "DOCTOR");
const rid = () => `ehealth-${randomUUID()}`;

let simulator: EHealthSimulator;
let ehealth: EHealthAdapter;

async function registerLink(body: Record<string, string>) {
  const response = await fetch(new URL("admin/therapeutic-links", simulator.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { link: { id: string; startDate: string; endDate: string } }).link;
}

async function lookUp(insz: string, now?: Date, adapter: EHealthAdapter | null = ehealth) {
  const requestId = rid();
  const result = await lookupPatientByInsz({
    actor: frank,
    insz,
    careQuestion: QUESTION,
    requestId,
    db,
    now,
    ehealth: adapter,
  });
  return { result, requestId };
}

beforeAll(async () => {
  simulator = await startEHealthSimulator();
  ehealth = createHttpEHealthAdapter(simulator.url);
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  await fetch(new URL("admin/reset", simulator.url), { method: "POST" });
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("a doctor's look-up checks eHealth for a therapeutic link first", () => {
  it("d.frank is refused An, a link is registered at eHealth, his next look-up is allowed and An's log says via eHealth", async () => {
    const refused = await lookUp(AN_INSZ);
    expect(refused.result).toEqual({ allowed: false, refusal: "no_access" });
    expect(await db.therapeuticRelation.count({ where: { caregiverId: u.frank } })).toBe(0);

    const link = await registerLink({ patientInsz: AN_INSZ, caregiverInsz: FRANK_INSZ, term: "GP_LONG_TERM" });

    const allowed = await lookUp(AN_INSZ);
    expect(allowed.result).toEqual({ allowed: true, patientId: an });

    // Recorded with its source, its proof and its term.
    const relations = await db.therapeuticRelation.findMany({ where: { caregiverId: u.frank } });
    expect(
      relations.map((r) => ({
        patientId: r.patientId,
        source: r.source,
        sourceReference: r.sourceReference,
        recordedById: r.recordedById,
        term: r.term,
        kind: r.kind,
        startDate: r.startDate.toISOString().slice(0, 10),
        endDate: r.endDate?.toISOString().slice(0, 10),
      })),
    ).toEqual([
      {
        patientId: an,
        source: "EHEALTH_THERAPEUTIC_LINK",
        sourceReference: link.id,
        recordedById: null,
        term: "GP_LONG_TERM",
        kind: "GENERAL_PRACTITIONER",
        startDate: link.startDate,
        endDate: link.endDate,
      },
    ]);

    // An reads in her access log that Dr. Frank Willems got in via eHealth.
    const log = await readAccessLog({ actor: gated(an, "PATIENT"), patientId: an, requestId: rid(), limit: 20, db });
    if (!log.allowed) throw new Error("An must read her own log");
    const entry = log.page.entries.find(
      (candidate) => candidate.action === "READ_HEALTH" && candidate.actor?.name === "Dr. Frank Willems",
    );
    expect(entry).toMatchObject({
      decision: "ALLOW",
      reason: "therapeutic_relation",
      grantSource: "EHEALTH_THERAPEUTIC_LINK",
    });
    const refusedEntry = log.page.entries.find(
      (candidate) => candidate.action === "READ_HEALTH" && candidate.decision === "DENY",
    );
    expect(refusedEntry).toMatchObject({
      actor: { name: "Dr. Frank Willems" },
      reason: "no_relation",
      grantSource: null,
    });

    // Looking up again records nothing new.
    expect((await lookUp(AN_INSZ)).result.allowed).toBe(true);
    expect(await db.therapeuticRelation.count({ where: { caregiverId: u.frank } })).toBe(1);
  });

  it("ends by itself after the link's term: allowed on its last day, refused the day after", async () => {
    const link = await registerLink({
      patientInsz: AN_INSZ,
      caregiverInsz: FRANK_INSZ,
      term: "OCCASIONAL_CONTACT",
    });
    const lastDay = new Date(`${link.endDate}T20:00:00Z`); // 21:00 or 22:00 in Brussels: still that day
    const dayAfter = new Date(`${addCalendarDays(link.endDate, 1)}T08:00:00Z`);
    expect((await lookUp(AN_INSZ, lastDay)).result).toEqual({ allowed: true, patientId: an });
    expect((await lookUp(AN_INSZ, dayAfter)).result).toEqual({ allowed: false, refusal: "no_access" });
  });

  it("needs the patient's consent too: eHealth's consent lets in, a later withdrawal in the portal wins", async () => {
    await registerLink({ patientInsz: BART_INSZ, caregiverInsz: FRANK_INSZ, term: "OCCASIONAL_CONTACT" });
    expect((await lookUp(BART_INSZ)).result).toEqual({ allowed: false, refusal: "no_consent" });

    const consent = await fetch(new URL("admin/consents", simulator.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        patientInsz: BART_INSZ,
        kind: "GIVEN",
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    });
    expect(consent.status).toBe(201);
    expect((await lookUp(BART_INSZ)).result).toEqual({ allowed: true, patientId: bart });
    const events = await db.consentEvent.findMany({ where: { patientId: bart } });
    expect(events.map((event) => [event.kind, event.source])).toEqual([["GIVEN", "EHEALTH_CONSENT"]]);

    // Bart withdraws in the portal: the latest event wins, and eHealth's older consent is not read in again.
    const withdrawn = await setConsent({
      actor: gated(bart, "PATIENT"),
      patientId: bart,
      requestId: rid(),
      give: false,
      db,
    });
    expect(withdrawn).toEqual({ allowed: true, result: { ok: true, changed: true } });
    expect((await lookUp(BART_INSZ)).result).toEqual({ allowed: false, refusal: "no_consent" });
    expect(await db.consentEvent.count({ where: { patientId: bart } })).toBe(2);
  });

  it("follows a link revoked at eHealth", async () => {
    const link = await registerLink({ patientInsz: AN_INSZ, caregiverInsz: FRANK_INSZ, term: "GP_LONG_TERM" });
    expect((await lookUp(AN_INSZ)).result.allowed).toBe(true);
    await fetch(new URL(`admin/therapeutic-links/${link.id}/revoke`, simulator.url), { method: "POST" });
    expect((await lookUp(AN_INSZ)).result).toEqual({ allowed: false, refusal: "no_access" });
    expect(
      (await db.therapeuticRelation.findFirstOrThrow({ where: { caregiverId: u.frank } })).revokedAt,
    ).not.toBeNull();
  });

  it("decides on the facts already recorded when eHealth does not answer", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const down = createHttpEHealthAdapter("http://127.0.0.1:1/", { timeoutMs: 300 });
    expect((await lookUp(AN_INSZ, undefined, down)).result).toEqual({ allowed: false, refusal: "no_access" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("eHealth did not answer"), expect.anything());
    // d.dirk's relation comes from the record system: his look-up works with eHealth down.
    const dirk = await lookupPatientByInsz({
      actor: gated(u.dirk, "DOCTOR"),
      insz: AN_INSZ,
      careQuestion: QUESTION,
      requestId: rid(),
      db,
      ehealth: down,
    });
    expect(dirk).toEqual({ allowed: true, patientId: an });
  });

  it("never sends an unknown national number to eHealth, and records nothing for it", async () => {
    const asked: string[] = [];
    const spy: EHealthAdapter = {
      async findTherapeuticLinks(query) {
        asked.push(query.patientInsz);
        return [];
      },
      async findConsents(query) {
        asked.push(query.patientInsz);
        return [];
      },
    };
    const unknown = "80010115547";
    expect((await lookUp(unknown, undefined, spy)).result.allowed).toBe(false);
    expect(asked).toEqual([]);
    await lookUp(AN_INSZ, undefined, spy);
    expect(asked).toEqual([AN_INSZ, AN_INSZ]);
  });
});
