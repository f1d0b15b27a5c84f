// A file view reads one page of each long list (ADR 0025): the newest entries first, a cursor to
// the next (older) page, every entry on exactly one page; the record API pages the same way with
// a capped `limit` and refuses a bad cursor by name; the nurse's work screen reaches a routed
// request's entry on another page; and the nurse's home and the searches of the service center
// and the coordinator decide and log their patients in a constant number of statements, one
// entry per patient, with every chain intact.
import pg from "pg";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionState } from "@/lib/auth/portal-session";
import { verifyAccessLog } from "@/lib/audit/verify";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { firstPage, readPatientFile, ZCursor, type FilePage } from "@/lib/dossier";
import { readNurseHome, readNurseWorkScreen } from "@/lib/nursing";
import { searchPatientsForCoordination } from "@/lib/coordinator";
import { searchPatients } from "@/lib/service-center";
import { gated } from "@/tests/support/actors";
import { testChainKey } from "@/tests/support/audit";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const getSessionState = vi.fn<() => Promise<SessionState>>();
vi.mock("@/lib/auth/session", () => ({ getSessionState: () => getSessionState() }));
vi.mock("@/lib/db", async () => ({ prisma: (await import("@/tests/support/database")).testPrisma() }));
const { GET } = await import("@/app/api/patients/[id]/record/route");

const db = testPrisma();
const { an } = demoIds.patients;
const dirk = gated(demoIds.users.dirk, "DOCTOR");
const nina = gated(demoIds.users.nina, "NURSE");

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

function pageWith(list: keyof FilePage, size: number, before: string | null): FilePage {
  const page = firstPage({ nursingNotes: 1, vitalSigns: 1, woundCare: 1 });
  page[list] = { size, before: before === null ? null : ZCursor.parse(before) };
  return page;
}

describe("paging a file's long lists", () => {
  it("walks every note exactly once, newest first, and ends with no next cursor", async () => {
    const all = await db.nursingNote.findMany({
      where: { patientId: an },
      orderBy: [{ writtenAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const outcome = await readPatientFile({
        actor: dirk,
        patientId: an,
        requestId: `paging-${pages}`,
        db,
        page: pageWith("nursingNotes", 7, before),
      });
      if (!outcome.allowed) throw new Error("expected access");
      const health = outcome.file.health!;
      expect(health.nursingNotes.length).toBeLessThanOrEqual(7);
      seen.push(...health.nursingNotes.map((note) => note.id));
      before = health.pages.nursingNotes.nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual(all.map((note) => note.id));
  });
});

describe("the record API", () => {
  const call = (query: string) =>
    GET(
      new NextRequest(`http://127.0.0.1:3000/api/patients/${an}/record${query}`, {
        headers: { host: "127.0.0.1:3000" },
      }),
      { params: Promise.resolve({ id: an }) },
    );

  afterEach(() => getSessionState.mockReset());

  it("pages its lists with a capped limit and next links that lead to the older entries", async () => {
    getSessionState.mockResolvedValue({ status: "active", actor: dirk });
    const first = await call("?limit=5");
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.health.nursingNotes).toHaveLength(5);
    expect(body.health.vitalSigns).toHaveLength(5);
    expect(body.links.nursingNotes).toMatch(
      new RegExp(`^/api/patients/${an}/record\\?notesBefore=\\d+-[^&]+&limit=5$`),
    );
    const second = await (await call(body.links.nursingNotes.slice(`/api/patients/${an}/record`.length))).json();
    expect(second.health.nursingNotes).toHaveLength(5);
    const firstIds = body.health.nursingNotes.map((note: { id: string }) => note.id);
    for (const note of second.health.nursingNotes) expect(firstIds).not.toContain(note.id);
    expect(new Date(second.health.nursingNotes[0].writtenAt) <= new Date(body.health.nursingNotes[4].writtenAt)).toBe(
      true,
    );
  });

  it("refuses a limit past the cap, a bad cursor and an unknown parameter with a 400 naming it, logging nothing", async () => {
    getSessionState.mockResolvedValue({ status: "active", actor: dirk });
    const before = await db.accessLogEntry.count();
    for (const [query, field] of [
      ["?limit=101", "limit"],
      ["?limit=0", "limit"],
      ["?notesBefore=yesterday", "notesBefore"],
      [`?readingsBefore=${Date.now() + 10 * 86_400_000}-abc`, "readingsBefore"],
      ["?woundCareBefore=1700000000000-a%20b", "woundCareBefore"],
      ["?offset=10", "(query)"],
    ] as const) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("invalid_input");
      expect(error.issues.map((issue: { path: string }) => issue.path).join(" "), query).toContain(
        field === "(query)" ? "" : field,
      );
    }
    expect(await db.accessLogEntry.count()).toBe(before);
  });
});

describe("the nurse's work screen", () => {
  it("links a routed request to its note on the page of the notes that starts with it", async () => {
    const oldest = await db.nursingNote.findFirstOrThrow({ where: { patientId: an }, orderBy: { writtenAt: "asc" } });
    await db.correctionRequest.create({
      data: {
        patientId: an,
        requestedById: an,
        requesterRole: "PATIENT",
        section: "HEALTH",
        entityType: "NursingNote",
        entityId: oldest.id,
        description: "Deze oude nota klopt niet.",
        status: "ROUTED_TO_NURSE",
        assignedNurseId: nina.personId,
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    const outcome = await readNurseWorkScreen({ actor: nina, patientId: an, requestId: "paging-screen", db });
    if (!outcome.allowed) throw new Error("expected access");
    const located = outcome.screen.entryPages[oldest.id];
    expect(located?.list).toBe("nursingNotes");
    const page = firstPage({ nursingNotes: 10, vitalSigns: 10, woundCare: 1 });
    page.nursingNotes.before = ZCursor.parse(located!.before);
    const there = await readNurseWorkScreen({ actor: nina, patientId: an, requestId: "paging-screen-2", db, page });
    if (!there.allowed) throw new Error("expected access");
    expect(there.screen.file.health.nursingNotes[0]?.id).toBe(oldest.id);
  });
});

/** The SQL statements `work` sends, in order. */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === "string" ? first : String(first?.text));
    return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  try {
    return { result: await work(), statements };
  } finally {
    spy.mockRestore();
  }
}

describe("a record view", () => {
  it("costs five statements whatever the file's size: the facts with the chain's head, the log entry, the file, and the transaction around them", async () => {
    const { result: outcome, statements } = await statementsOf(() =>
      readPatientFile({ actor: dirk, patientId: an, requestId: "record-statements", db }),
    );
    if (!outcome.allowed) throw new Error("expected access");
    expect(outcome.file.health!.nursingNotes.length).toBeGreaterThan(5);
    expect(outcome.file.health!.vitalSigns.length).toBeGreaterThan(5);
    expect(statements).toHaveLength(5);
    expect(statements[0]).toBe("BEGIN");
    expect(statements[1]).toMatch(/access_log_chain_head[\s\S]*access_decision_facts/);
    expect(statements[2]).toMatch(/INSERT INTO "public"."AccessLogEntry"/);
    expect(statements[3]).toMatch(/jsonb_build_object/);
    expect(statements[4]).toBe("COMMIT");
    // Its entry is in An's chain, which stays intact.
    expect(await db.accessLogEntry.count({ where: { requestId: "record-statements", patientId: an } })).toBe(1);
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });
});

describe("the nurse's home", () => {
  it("costs a constant number of statements: one facts statement and one INSERT for all her patients", async () => {
    const before = await db.accessLogEntry.count();
    const {
      result: { team },
      statements,
    } = await statementsOf(() => readNurseHome({ actor: nina, db, requestId: "home-batch" }));
    const shown = team.filter((patient) => patient.available).length;
    expect(shown).toBeGreaterThanOrEqual(4);
    expect(statements.filter((text) => text.includes("access_decision_facts"))).toHaveLength(1);
    expect(statements.filter((text) => /INSERT INTO "public"."AccessLogEntry"/.test(text))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(13);
    // Still one look per patient shown, each in that patient's chain, and every chain intact.
    const entries = await db.accessLogEntry.findMany({ where: { requestId: "home-batch" } });
    expect(entries).toHaveLength(shown);
    expect(new Set(entries.map((entry) => entry.patientId)).size).toBe(shown);
    expect(await db.accessLogEntry.count()).toBe(before + shown);
    expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
  });
});

describe("the searches of the service center and the coordinator", () => {
  type Hit = { patientId: string; name: string };
  const searches: { who: string; action: string; search: (requestId: string) => Promise<Hit[]> }[] = [
    {
      who: "the service center",
      action: "READ_ADMINISTRATIVE",
      search: (requestId: string) =>
        searchPatients({ actor: gated(demoIds.users.sara, "SERVICE_CENTER"), q: "e", requestId, db }),
    },
    {
      who: "the coordinator",
      action: "READ_CARE_FACTS",
      search: (requestId: string) =>
        searchPatientsForCoordination({ actor: gated(demoIds.users.kris, "COORDINATOR"), q: "e", requestId, db }),
    },
  ];

  for (const { who, action, search } of searches) {
    it(`of ${who} decide and log every hit in a constant number of statements`, async () => {
      const requestId = `search-batch-${action}`;
      const { result: hits, statements } = await statementsOf(() => search(requestId));
      // "e" is in every demo patient's name: six patients found, each one decision, the allowed
      // ones shown in name order (last name, first name).
      const nameOrder = ["pat-bart", "pat-chris", "pat-dina", "pat-an", "pat-emma", "pat-finn"];
      const shown = hits.map((hit) => hit.patientId);
      expect(shown.length).toBeGreaterThanOrEqual(4);
      expect(shown).toEqual(nameOrder.filter((id) => shown.includes(id)));
      expect(statements.filter((text) => text.includes("access_decision_facts"))).toHaveLength(1);
      expect(statements.filter((text) => /INSERT INTO "public"."AccessLogEntry"/.test(text))).toHaveLength(1);
      expect(statements.length).toBeLessThanOrEqual(9);
      // One look per patient found, in that patient's chain, with the search's action; the
      // allowed ones are exactly the hits shown.
      const entries = await db.accessLogEntry.findMany({ where: { requestId } });
      expect(entries.map((entry) => entry.patientId).sort()).toEqual([...nameOrder].sort());
      expect(entries.every((entry) => entry.action === action)).toBe(true);
      const allowed = entries.filter((entry) => entry.decision === "ALLOW").map((entry) => entry.patientId);
      expect(allowed.sort()).toEqual([...shown].sort());
      expect(await verifyAccessLog(db, { key: testChainKey() })).toMatchObject({ ok: true });
    });
  }

  it("leave out every hit when the decisions deny, and log each denial", async () => {
    const requestId = "search-batch-denied";
    // Suspended after the page gate let her in: the decisions, read from the database, deny.
    await db.suspension.create({
      data: { personId: demoIds.users.sara, cause: "MANUAL", reason: "test: a search under suspension" },
    });
    const hits = await searchPatients({ actor: gated(demoIds.users.sara, "SERVICE_CENTER"), q: "e", requestId, db });
    expect(hits).toEqual([]);
    const entries = await db.accessLogEntry.findMany({ where: { requestId } });
    expect(entries).toHaveLength(6);
    expect(entries.every((entry) => entry.decision === "DENY" && entry.reason === "suspended")).toBe(true);
  });
});
