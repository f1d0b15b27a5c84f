// The session lookup and the declaration gate, against a real database with the demo world:
// who passes, who is sent to the declaration, and that every change takes effect on the next
// lookup (new version, acceptance, suspension, idle timeout, sign-out).
import { beforeEach, describe, expect, it } from "vitest";
import type { GatedActor } from "@/lib/auth/actor";
import { chooseActiveRole, createPortalSession, endPortalSession, loadSessionState } from "@/lib/auth/portal-session";
import { acceptDeclaration } from "@/lib/declarations";
import { seedDemoWorld } from "@/tests/support/demo-world";
import { isPortalError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { resetDatabase, testPrisma } from "../support/database";

const db = testPrisma();

async function actorFor(personId: string) {
  const sessionId = await createPortalSession(db, personId, "demo");
  const state = await loadSessionState(db, sessionId);
  if (state.status !== "active") throw new Error(`expected an active session, got ${state.status}`);
  return state.actor;
}

async function expectPortalError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isPortalError(error) ? error.code : error).toBe(code);
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("declaration gate", () => {
  const acceptedCurrentVersion: Array<[string, Role]> = [
    ["pat-an", "PATIENT"],
    ["usr-tom", "TRUSTED_PERSON"],
    ["usr-dirk", "DOCTOR"],
    ["usr-nina", "NURSE"],
    ["usr-carl", "CAREGIVER"],
    ["usr-sara", "SERVICE_CENTER"],
    // The roles added with issue 11, whose first declaration is version 4.
    ["pat-finn", "PATIENT"],
    ["usr-rita", "LEGAL_REPRESENTATIVE"],
    ["usr-kris", "COORDINATOR"],
    ["usr-otto", "PRIVACY_OFFICER"],
  ];

  it.each(acceptedCurrentVersion)("lets %s through as %s (accepted version 4)", async (personId, role) => {
    const actor = await actorFor(personId);
    expect(actor.activeRole).toBe(role);
    expect(actor.declaration).toEqual({ currentVersion: 4, accepted: true });
  });

  it("holds d.gert, who accepted version 3 only, until he accepts version 4", async () => {
    const gert = await actorFor("usr-gert");
    expect(gert.declaration).toEqual({ currentVersion: 4, accepted: false });

    await expectPortalError(acceptDeclaration(gert as GatedActor, 3), "invalid_input");
    await expectPortalError(acceptDeclaration(gert as GatedActor, 5), "invalid_input");
    expect((await loadSessionState(db, gert.sessionId)).status === "active").toBe(true);
    const stillPending = await loadSessionState(db, gert.sessionId);
    expect(stillPending.status === "active" && stillPending.actor.declaration.accepted).toBe(false);

    await acceptDeclaration(gert as GatedActor, 4);
    await acceptDeclaration(gert as GatedActor, 4); // a double click accepts once
    const after = await loadSessionState(db, gert.sessionId);
    expect(after.status === "active" && after.actor.declaration.accepted).toBe(true);
    expect(await db.declarationAcceptance.count({ where: { personId: "usr-gert", role: "DOCTOR", version: 4 } })).toBe(
      1,
    );
  });

  it("sends every user of a role, and only of that role, back to the declaration when a new version is published", async () => {
    const dirk = await actorFor("usr-dirk");
    const nina = await actorFor("usr-nina");
    const doctorV4 = await db.declarationVersion.findUniqueOrThrow({
      where: { role_version: { role: "DOCTOR", version: 4 } },
    });
    await db.declarationVersion.create({ data: { role: "DOCTOR", version: 5, content: doctorV4.content ?? {} } });

    const dirkAfter = await loadSessionState(db, dirk.sessionId);
    expect(dirkAfter.status === "active" && dirkAfter.actor.declaration).toEqual({
      currentVersion: 5,
      accepted: false,
    });
    const ninaAfter = await loadSessionState(db, nina.sessionId);
    expect(ninaAfter.status === "active" && ninaAfter.actor.declaration).toEqual({ currentVersion: 4, accepted: true });

    await expectPortalError(acceptDeclaration(dirk as GatedActor, 4), "invalid_input");
    await acceptDeclaration(dirk as GatedActor, 5);
    const dirkAccepted = await loadSessionState(db, dirk.sessionId);
    expect(dirkAccepted.status === "active" && dirkAccepted.actor.declaration.accepted).toBe(true);
  });

  it("fails closed when no declaration is published for the role", async () => {
    await db.declarationAcceptance.deleteMany({ where: { role: "SERVICE_CENTER" } });
    await db.declarationVersion.deleteMany({ where: { role: "SERVICE_CENTER" } });
    const sara = await actorFor("usr-sara");
    expect(sara.declaration).toEqual({ currentVersion: null, accepted: false });
  });
});

describe("session lifecycle", () => {
  async function idleFor(sessionId: string, minutes: number) {
    await db.portalSession.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - minutes * 60_000) },
    });
  }

  it("ends a professional's session after 15 idle minutes", async () => {
    const dirk = await actorFor("usr-dirk");
    await idleFor(dirk.sessionId, 14);
    expect((await loadSessionState(db, dirk.sessionId)).status).toBe("active");
    await idleFor(dirk.sessionId, 16);
    expect((await loadSessionState(db, dirk.sessionId)).status).toBe("expired");
    // Once expired it stays ended, even if it is touched again.
    expect((await loadSessionState(db, dirk.sessionId)).status).toBe("none");
    expect((await db.portalSession.findUniqueOrThrow({ where: { id: dirk.sessionId } })).endReason).toBe("idle");
  });

  it("gives patients the longer citizen idle timeout", async () => {
    const an = await actorFor("pat-an");
    await idleFor(an.sessionId, 16);
    expect((await loadSessionState(db, an.sessionId)).status).toBe("active");
    await idleFor(an.sessionId, 31);
    expect((await loadSessionState(db, an.sessionId)).status).toBe("expired");
  });

  it("ends the session on sign-out", async () => {
    const an = await actorFor("pat-an");
    await endPortalSession(db, an.sessionId, "signout");
    expect((await loadSessionState(db, an.sessionId)).status).toBe("none");
  });

  it("knows no session for an unknown or missing id", async () => {
    expect((await loadSessionState(db, "no-such-session")).status).toBe("none");
    expect((await loadSessionState(db, undefined)).status).toBe("none");
  });

  it("ends the session at the suspension, and the ended session stays ended when it is lifted", async () => {
    const dirk = await actorFor("usr-dirk");
    const suspension = await db.suspension.create({
      data: { personId: "usr-dirk", cause: "MANUAL", reason: "test suspension" },
    });
    // Ended in the suspension's own transaction (trigger), answered as suspended while it holds.
    expect(await loadSessionState(db, dirk.sessionId)).toEqual({ status: "suspended" });
    expect((await db.portalSession.findUniqueOrThrow({ where: { id: dirk.sessionId } })).endReason).toBe("suspended");
    // A new login while suspended is a session of a suspended person: denied everywhere.
    const again = await actorFor("usr-dirk");
    expect(again.suspended).toBe(true);
    await db.suspension.update({ where: { id: suspension.id }, data: { liftedAt: new Date(), liftReason: "checked" } });
    expect((await loadSessionState(db, dirk.sessionId)).status).toBe("none");
    const lifted = await loadSessionState(db, again.sessionId);
    expect(lifted.status === "active" && lifted.actor.suspended).toBe(false);
  });
});

describe("display names", () => {
  it("names people as the demo world does, doctors with their title", async () => {
    expect((await actorFor("usr-eva")).displayName).toBe("Dr. Eva Jacobs");
    expect((await actorFor("usr-dirk")).displayName).toBe("Dr. Dirk Smets");
    expect((await actorFor("pat-an")).displayName).toBe("An Peeters");
    expect((await actorFor("usr-nina")).displayName).toBe("Nina De Smet");
  });
});

describe("role choice", () => {
  it("asks a person with several roles to choose, and accepts only a role they hold", async () => {
    await db.personRole.create({ data: { personId: "usr-nina", role: "TRUSTED_PERSON" } });
    const nina = await actorFor("usr-nina");
    expect(nina.activeRole).toBeNull();
    expect(nina.roles).toEqual(["TRUSTED_PERSON", "NURSE"]);

    await expectPortalError(chooseActiveRole(db, nina, "DOCTOR"), "forbidden");
    await chooseActiveRole(db, nina, "TRUSTED_PERSON");
    const asTrusted = await loadSessionState(db, nina.sessionId);
    expect(asTrusted.status === "active" && asTrusted.actor.activeRole).toBe("TRUSTED_PERSON");
    // Nina never accepted the trusted-person declaration: the gate follows the chosen role.
    expect(asTrusted.status === "active" && asTrusted.actor.declaration).toEqual({
      currentVersion: 4,
      accepted: false,
    });

    await chooseActiveRole(db, nina, "NURSE");
    const asNurse = await loadSessionState(db, nina.sessionId);
    expect(asNurse.status === "active" && asNurse.actor.declaration).toEqual({ currentVersion: 4, accepted: true });
  });

  it("refuses a role choice in a session that ended meanwhile as an ended session, changing nothing", async () => {
    await db.personRole.create({ data: { personId: "usr-nina", role: "TRUSTED_PERSON" } });
    const nina = await actorFor("usr-nina");
    await endPortalSession(db, nina.sessionId, "signout");
    await expectPortalError(chooseActiveRole(db, nina, "TRUSTED_PERSON"), "unauthenticated");
    expect(await db.portalSession.findUniqueOrThrow({ where: { id: nina.sessionId } })).toMatchObject({
      activeRole: null,
    });
    await expectPortalError(chooseActiveRole(db, { ...nina, sessionId: "gone" }, "NURSE"), "unauthenticated");
  });

  it("stops acting in a role taken away after it was chosen: the session ends (issue 10)", async () => {
    await db.personRole.create({ data: { personId: "usr-nina", role: "TRUSTED_PERSON" } });
    const nina = await actorFor("usr-nina");
    await chooseActiveRole(db, nina, "TRUSTED_PERSON");
    const before = await loadSessionState(db, nina.sessionId);
    expect(before.status === "active" && before.actor.activeRole).toBe("TRUSTED_PERSON");

    await db.personRole.deleteMany({ where: { personId: "usr-nina", role: "TRUSTED_PERSON" } });
    // Removing a role ends the person's sessions at once (ADR 0014): a copied cookie grants nothing.
    expect((await loadSessionState(db, nina.sessionId)).status).toBe("none");
    expect(await db.portalSession.findUniqueOrThrow({ where: { id: nina.sessionId } })).toMatchObject({
      endReason: "role_removed",
    });
  });
});
