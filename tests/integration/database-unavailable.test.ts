// When PostgreSQL cannot be reached, every route answers 503 with Retry-After and the code
// "unavailable", and pages answer the 503 page from proxy.ts (ADR 0025); never a 500 "internal",
// never a denial that would tell a reader they have no access. Proved against a port where
// nothing listens (connection refused) and against a backend terminated mid-transaction (what a
// database shutdown does to every open connection).
import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withPatientAccess } from "@/lib/access";
import type { SessionState } from "@/lib/auth/portal-session";
import { createPgPool, createPrismaClient } from "@/lib/db/client";
import { databaseKnownDown, reportDatabaseAvailable, reportDatabaseUnavailable } from "@/lib/availability/health";
import { isDatabaseUnavailable } from "@/lib/availability/unavailable";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { PortalError } from "@/lib/errors";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testDatabaseUrl, testPrisma } from "@/tests/support/database";

const getSessionState = vi.fn<() => Promise<SessionState>>();
vi.mock("@/lib/auth/session", () => ({ getSessionState: () => getSessionState() }));
const { withActor } = await import("@/lib/http/route");

const db = testPrisma();
const dirk = gated(demoIds.users.dirk, "DOCTOR");
const { an } = demoIds.patients;

/** A loopback port nobody listens on: every connection is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const deadUrl = `postgresql://postgres@127.0.0.1:${await closedPort()}/nothing`;
const deadPool = createPgPool(deadUrl, 2);
const deadPrisma = createPrismaClient(deadPool);

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
  reportDatabaseAvailable();
  getSessionState.mockReset();
});

afterEach(() => reportDatabaseAvailable());
afterAll(async () => {
  await deadPrisma.$disconnect();
});

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection through Prisma (model, raw, transaction) and through pg", async () => {
    const errors = await Promise.all([
      caught(() => deadPrisma.person.findFirst()),
      caught(() => deadPrisma.$queryRaw`SELECT 1`),
      caught(() => deadPrisma.$transaction((tx) => tx.person.findFirst())),
      caught(() => deadPool.query("SELECT 1")),
    ]);
    for (const error of errors) expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a backend terminated in the middle of a transaction (a shutdown's 57P01)", async () => {
    const own = createPrismaClient(testDatabaseUrl(), 2);
    try {
      const inFlight = caught(() =>
        own.$transaction(async (tx) => {
          const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await db.$queryRaw`SELECT pg_terminate_backend(${backend!.pid}::int)`;
          await tx.$queryRaw`SELECT pg_sleep(1)`;
        }),
      );
      expect(isDatabaseUnavailable(await inFlight)).toBe(true);
    } finally {
      await own.$disconnect();
    }
  });

  it("recognises a transaction that cannot start in time because every connection is busy", async () => {
    const own = createPrismaClient(testDatabaseUrl(), 1);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holder = own.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await held;
      });
      const starved = await caught(() => own.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 200 }));
      release();
      await holder;
      expect(isDatabaseUnavailable(starved)).toBe(true);
    } finally {
      await own.$disconnect();
    }
  });

  it("does not take an ordinary failure for an outage", async () => {
    const dirkRow = await db.person.findUniqueOrThrow({ where: { id: demoIds.users.dirk } });
    const duplicate = await caught(() => db.person.create({ data: dirkRow }));
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new PortalError("forbidden"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("routes", () => {
  const request = () =>
    new NextRequest("http://127.0.0.1:3000/api/patients/pat-an/record", { headers: { host: "127.0.0.1:3000" } });
  const context = { params: Promise.resolve({ id: an }) };

  it("answer 503 with Retry-After and code unavailable when the session lookup cannot reach the database", async () => {
    getSessionState.mockImplementation(async () => {
      await deadPrisma.portalSession.findFirst();
      throw new Error("unreachable");
    });
    const route = withActor(async () => Response.json({ ok: true }));
    const response = await route(request(), context);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: { code: "unavailable", message: "The file is briefly unavailable. Try again in a few seconds." },
    });
    expect(databaseKnownDown()).toBe(true);
  });

  it("answer 503, not a denial, when the access decision cannot reach the database; nothing is logged", async () => {
    getSessionState.mockResolvedValue({
      status: "active",
      actor: { ...dirk, sessionId: "s", roles: ["DOCTOR"] } as never,
    });
    const before = await db.accessLogEntry.count();
    const route = withActor(
      async ({ actor, requestId }) => {
        const outcome = await withPatientAccess(
          { actor, patientId: an, action: "READ_HEALTH", requestId, db: deadPrisma },
          async () => "file",
        );
        return Response.json(outcome);
      },
      { gateInAccessDecision: true },
    );
    const response = await route(request(), context);
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("unavailable");
    expect(await db.accessLogEntry.count()).toBe(before);
  });

  it("keep a failure that is not an outage a 500 internal", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = withActor(async () => {
      throw new Error("a bug");
    });
    getSessionState.mockResolvedValue({
      status: "active",
      actor: { ...dirk, sessionId: "s", roles: ["DOCTOR"] } as never,
    });
    const response = await route(request(), context);
    expect(response.status).toBe(500);
    expect(errors).toHaveBeenCalledOnce();
  });
});

describe("pages (proxy.ts)", () => {
  const signedIn = { cookie: "next-auth.session-token=abc", host: "127.0.0.1:3000" };
  const page = (headers: Record<string, string> = {}) =>
    new NextRequest("http://127.0.0.1:3000/caregiver/patients/pat-an?notesBefore=x", {
      headers: { ...signedIn, ...headers },
    });

  async function loadProxy(databaseUrl: string) {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", databaseUrl);
    vi.stubEnv("AUTH_URL", "http://127.0.0.1:3000");
    return import("@/proxy");
  }

  it("answer the 503 page in the reader's language while the database cannot be reached", async () => {
    const { proxy } = await loadProxy(deadUrl);
    reportDatabaseUnavailable();
    const response = await proxy(page({ "accept-language": "fr-BE,fr;q=0.9" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="fr-BE">');
    expect(html).toContain("Votre dossier est momentanément indisponible");
    expect(html).toContain('href="/caregiver/patients/pat-an?notesBefore=x"');
    expect(databaseKnownDown()).toBe(true);
  });

  it("let pages through again as soon as a probe reaches the database", async () => {
    const { proxy } = await loadProxy(testDatabaseUrl());
    reportDatabaseUnavailable();
    // Past the probe interval of the previous test's probe (a fast run starts this one sooner).
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 1_000 });
    const response = await Promise.resolve(proxy(page())).finally(() => vi.useRealTimers());
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(databaseKnownDown()).toBe(false);
  });

  it("cost no probe while no outage is known: the answer is synchronous", async () => {
    const { proxy } = await loadProxy(deadUrl);
    const response = proxy(page());
    expect(response).not.toBeInstanceOf(Promise);
  });
});
