// How server-side sessions end (ADR 0014): the absolute lifetime, a suspension or a role removal
// in the same transaction as that change, and what /api/auth/session answers for an ended
// session. Also the second-factor requirement the session lookup reports to the gate.
import { beforeEach, describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { createPortalSession, endPortalSession, loadSessionState } from "@/lib/auth/portal-session";
import { seedDemoWorld } from "@/tests/support/demo-world";
import { gateActor } from "@/lib/http/route";
import { resetDatabase, testPrisma } from "../support/database";

const db = testPrisma();
const HOUR_MS = 60 * 60 * 1000;

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

async function ageSession(sessionId: string, hours: number) {
  // Created long ago but active a moment ago: only the absolute lifetime can end it.
  await db.portalSession.update({
    where: { id: sessionId },
    data: { createdAt: new Date(Date.now() - hours * HOUR_MS), lastSeenAt: new Date() },
  });
}

/** What GET /api/auth/session answers for a cookie carrying this session id. */
async function sessionEndpoint(sid: string): Promise<Session | Record<string, never>> {
  return authOptions.callbacks!.session!({
    session: { expires: new Date(Date.now() + HOUR_MS).toISOString(), user: { name: "x" } },
    token: { sid, name: "Dr. Dirk Smets" } as JWT,
  } as never) as Promise<Session>;
}

describe("absolute lifetime", () => {
  it("ends a session 12 hours after sign-in, however active it was", async () => {
    const sid = await createPortalSession(db, "usr-dirk", "demo");
    await ageSession(sid, 11.9);
    expect((await loadSessionState(db, sid)).status).toBe("active");
    await ageSession(sid, 12.1);
    expect((await loadSessionState(db, sid)).status).toBe("expired");
    expect((await loadSessionState(db, sid)).status).toBe("none");
    expect((await db.portalSession.findUniqueOrThrow({ where: { id: sid } })).endReason).toBe("absolute");
  });

  it("follows a shorter configured lifetime", async () => {
    const sid = await createPortalSession(db, "pat-an", "demo");
    await ageSession(sid, 0.6);
    expect((await loadSessionState(db, sid, { absoluteHours: 1 })).status).toBe("active");
    expect((await loadSessionState(db, sid, { absoluteHours: 0.5 })).status).toBe("expired");
  });
});

describe("/api/auth/session", () => {
  it("names the person of an active session and answers {} once the session ended, however it ended", async () => {
    const signedOut = await createPortalSession(db, "usr-dirk", "demo");
    expect(await sessionEndpoint(signedOut)).toMatchObject({ user: { name: "Dr. Dirk Smets" } });
    await endPortalSession(db, signedOut, "signout");
    expect(await sessionEndpoint(signedOut)).toEqual({});

    const old = await createPortalSession(db, "usr-dirk", "demo");
    await ageSession(old, 13);
    expect(await sessionEndpoint(old)).toEqual({});

    const idle = await createPortalSession(db, "usr-dirk", "demo");
    await db.portalSession.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - HOUR_MS) } });
    expect(await sessionEndpoint(idle)).toEqual({});

    const suspended = await createPortalSession(db, "usr-dirk", "demo");
    await db.suspension.create({ data: { personId: "usr-dirk", cause: "MANUAL", reason: "test suspension" } });
    expect(await sessionEndpoint(suspended)).toEqual({});
    expect(await sessionEndpoint("no-such-session")).toEqual({});
  });

  it("does not count as activity: asking does not keep a session alive", async () => {
    const sid = await createPortalSession(db, "usr-dirk", "demo");
    const seen = new Date(Date.now() - 10 * 60_000);
    await db.portalSession.update({ where: { id: sid }, data: { lastSeenAt: seen } });
    await sessionEndpoint(sid);
    expect((await db.portalSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(seen);
  });
});

describe("suspension and role removal end sessions at once", () => {
  it("ends every session of a person suspended by misuse detection, in the suspension's transaction", async () => {
    const [first, second] = [
      await createPortalSession(db, "usr-frank", "demo"),
      await createPortalSession(db, "usr-frank", "demo"),
    ];
    const other = await createPortalSession(db, "usr-dirk", "demo");
    await db.$transaction(async (tx) => {
      await tx.suspension.create({ data: { personId: "usr-frank", cause: "SYSTEMATIC_QUERYING", reason: "probe" } });
      // Inside the same transaction the sessions are already ended.
      expect(await tx.portalSession.count({ where: { personId: "usr-frank", endedAt: null } })).toBe(0);
    });
    for (const sid of [first!, second!]) expect(await loadSessionState(db, sid)).toEqual({ status: "suspended" });
    expect((await loadSessionState(db, other)).status).toBe("active");
  });

  it("keeps the sessions when a suspension that is refused rolls back", async () => {
    const sid = await createPortalSession(db, "usr-frank", "demo");
    await expect(
      db.$transaction(async (tx) => {
        await tx.suspension.create({ data: { personId: "usr-frank", cause: "MANUAL", reason: "rolled back" } });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect((await loadSessionState(db, sid)).status).toBe("active");
  });

  it("ends the sessions of a person whose role is removed, and the service-center gate refuses the cookie", async () => {
    const sid = await createPortalSession(db, "usr-sara", "demo");
    const before = await loadSessionState(db, sid);
    expect(before.status === "active" && gateActor(before.actor).activeRole).toBe("SERVICE_CENTER");
    await db.personRole.deleteMany({ where: { personId: "usr-sara", role: "SERVICE_CENTER" } });
    expect((await loadSessionState(db, sid)).status).toBe("none");
    expect((await db.portalSession.findUniqueOrThrow({ where: { id: sid } })).endReason).toBe("role_removed");
  });

  it("ends the sessions when a role is changed into another", async () => {
    const sid = await createPortalSession(db, "usr-noah", "demo");
    await db.personRole.updateMany({ where: { personId: "usr-noah" }, data: { role: "CAREGIVER" } });
    expect((await loadSessionState(db, sid)).status).toBe("none");
  });
});

describe("second factor requirement", () => {
  it("is reported for a password login of a person with a listed role, and met once they enrolled", async () => {
    const nina = await createPortalSession(db, "usr-nina", "demo");
    const state = await loadSessionState(db, nina, { secondFactorRoles: ["NURSE", "SERVICE_CENTER"] });
    if (state.status !== "active") throw new Error("expected an active session");
    expect(state.actor.secondFactor).toEqual({ required: true, enrolled: false });
    expect(() => gateActor(state.actor)).toThrow(expect.objectContaining({ code: "second_factor_required" }));

    await db.secondFactor.create({
      data: { personId: "usr-nina", secretEncrypted: "v1.a.b.c", enabledAt: new Date() },
    });
    const enrolled = await loadSessionState(db, nina, { secondFactorRoles: ["NURSE"] });
    expect(enrolled.status === "active" && enrolled.actor.secondFactor).toEqual({ required: true, enrolled: true });
    expect(enrolled.status === "active" && gateActor(enrolled.actor).personId).toBe("usr-nina");
  });

  it("is not required of other roles, of an eID/itsme login, or by default while the demo login is on", async () => {
    const dirk = await loadSessionState(db, await createPortalSession(db, "usr-dirk", "demo"), {
      secondFactorRoles: ["NURSE"],
    });
    expect(dirk.status === "active" && dirk.actor.secondFactor.required).toBe(false);
    const ninaByEid = await loadSessionState(db, await createPortalSession(db, "usr-nina", "oidc"), {
      secondFactorRoles: ["NURSE"],
    });
    expect(ninaByEid.status === "active" && ninaByEid.actor.secondFactor.required).toBe(false);
    const ninaDemo = await loadSessionState(db, await createPortalSession(db, "usr-nina", "demo"));
    expect(ninaDemo.status === "active" && ninaDemo.actor.secondFactor.required).toBe(false);
  });

  it("answers a suspended person as suspended, not with the second-factor step", async () => {
    const sid = await createPortalSession(db, "usr-nina", "demo");
    const state = await loadSessionState(db, sid, { secondFactorRoles: ["NURSE"] });
    if (state.status !== "active") throw new Error("expected an active session");
    expect(() => gateActor({ ...state.actor, suspended: true })).toThrow(
      expect.objectContaining({ code: "suspended" }),
    );
  });
});
