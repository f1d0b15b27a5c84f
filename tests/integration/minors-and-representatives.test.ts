// Acceptance (issue 11): r.rita reads Emma's file (10) and manages its settings; reads Finn's (14)
// until Finn withdraws his agreement; on Finn's 16th birthday her access ends by itself; p.finn
// reads his own file. The clock is moved through the `now` inputs of lib/access; birthdays are
// the Belgian calendar day.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizePatientAccess } from "@/lib/access";
import { addCalendarDays, isoDateOfColumn } from "@/lib/belgian-calendar";
import { authOptions } from "@/lib/auth/options";
import { readPatientFile } from "@/lib/dossier";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { excludeByInsz, readPatientSettings, setConsent } from "@/lib/patient-settings";
import { listRepresentedPatients, readMyRepresentatives, setRepresentativeAgreement } from "@/lib/representatives";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an, emma, finn } = demoIds.patients;
const u = demoIds.users;
const rita = gated(u.rita, "LEGAL_REPRESENTATIVE");
const pFinn = gated(finn, "PATIENT");
const rid = () => `minors-${randomUUID()}`;

/** 09:00 in Brussels on a calendar day. */
const morningOf = (day: string) => new Date(`${day}T08:00:00Z`);

async function birthDate(patientId: string): Promise<string> {
  return isoDateOfColumn((await db.person.findUniqueOrThrow({ where: { id: patientId } })).birthDate!);
}

function birthday(birth: string, years: number): string {
  return `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("r.rita and Emma (10)", () => {
  it("reads Emma's file and manages its settings in her place", async () => {
    const requestId = rid();
    const read = await readPatientFile({ actor: rita, patientId: emma, requestId, db });
    expect(read.decision).toEqual({ allowed: true, reason: "legal_representative" });
    const entry = await db.accessLogEntry.findFirstOrThrow({ where: { requestId } });
    expect([entry.actorRole, entry.reason, entry.grantSource]).toEqual([
      "LEGAL_REPRESENTATIVE",
      "legal_representative",
      "STAFF_DOCUMENT",
    ]);

    // Consent for Emma: given by her mother in the portal.
    expect(await setConsent({ actor: rita, patientId: emma, requestId: rid(), give: true, db })).toEqual({
      allowed: true,
      result: { ok: true, changed: true },
    });
    const consent = await db.consentEvent.findFirstOrThrow({ where: { patientId: emma } });
    expect([consent.kind, consent.source, consent.recordedById]).toEqual(["GIVEN", "PATIENT_PORTAL", u.rita]);
    // And an exclusion: Dr. Eva Jacobs may not read Emma's file.
    expect(
      await excludeByInsz({
        actor: rita,
        patientId: emma,
        requestId: rid(),
        insz: "79120104816",
        lastName: "Jacobs",
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: true, changed: true } });
    const settings = await readPatientSettings({ actor: rita, patientId: emma, requestId: rid(), db });
    if (!settings.allowed) throw new Error("Rita manages Emma's settings");
    expect(settings.result.consent.active).toBe(true);
    expect(settings.result.exclusions.map((exclusion) => exclusion.name)).toEqual(["Dr. Eva Jacobs"]);
  });

  it("reads nobody else's file", async () => {
    for (const patientId of [an, demoIds.patients.bart, demoIds.patients.chris, demoIds.patients.dina]) {
      expect((await readPatientFile({ actor: rita, patientId, requestId: rid(), db })).decision).toEqual({
        allowed: false,
        reason: "no_relation",
      });
    }
  });

  it("stops managing Emma's settings on her 12th birthday; reading then needs Emma's agreement", async () => {
    const twelve = birthday(await birthDate(emma), 12);
    const decide = (day: string, action: "READ_HEALTH" | "MANAGE_PATIENT_SETTINGS") =>
      authorizePatientAccess({ actor: rita, patientId: emma, action, requestId: rid(), db, now: morningOf(day) });
    expect((await decide(addCalendarDays(twelve, -1), "MANAGE_PATIENT_SETTINGS")).allowed).toBe(true);
    expect(await decide(twelve, "MANAGE_PATIENT_SETTINGS")).toEqual({
      allowed: false,
      reason: "patient_decides_alone",
    });
    expect(await decide(twelve, "READ_HEALTH")).toEqual({ allowed: false, reason: "minor_agreement_missing" });
  });

  it("Emma herself has no portal access: her sign-in is refused with its own reason", async () => {
    const signIn = authOptions.callbacks!.signIn!;
    expect(await signIn({ user: { id: emma }, account: null } as never)).toBe("/login?error=under_12");
    expect(await signIn({ user: { id: finn }, account: null } as never)).toBe(true);
    expect(await signIn({ user: { id: u.rita }, account: null } as never)).toBe(true);
  });
});

describe("r.rita and Finn (14)", () => {
  it("reads Finn's file until Finn withdraws his agreement, and again when he gives it", async () => {
    const ritaReads = async () =>
      (await readPatientFile({ actor: rita, patientId: finn, requestId: rid(), db })).decision;
    expect(await ritaReads()).toEqual({ allowed: true, reason: "legal_representative" });
    // Reading, nothing more: his settings are Finn's own.
    expect(
      (await readPatientSettings({ actor: rita, patientId: finn, requestId: rid(), db })) as { allowed: boolean },
    ).toMatchObject({ allowed: false });

    const mine = await readMyRepresentatives({ actor: pFinn, patientId: finn, requestId: rid(), db });
    expect(mine).toEqual({
      allowed: true,
      result: {
        ageBand: "12_to_15",
        representatives: [{ representativeId: u.rita, name: "Rita Wouters", basis: "PARENT", agreed: true }],
      },
    });

    const requestId = rid();
    expect(
      await setRepresentativeAgreement({
        actor: pFinn,
        patientId: finn,
        representativeId: u.rita,
        agree: false,
        requestId,
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: true, changed: true } });
    const entries = await db.accessLogEntry.findMany({ where: { requestId } });
    expect(entries.map((entry) => [entry.actorId, entry.action, entry.decision])).toEqual([
      [finn, "DECIDE_REPRESENTATIVE_AGREEMENT", "ALLOW"],
    ]);
    expect(await ritaReads()).toEqual({ allowed: false, reason: "minor_agreement_missing" });
    expect((await listRepresentedPatients({ actor: rita, db })).map((p) => [p.name, p.access])).toEqual([
      ["Emma Wouters", "acts_for_patient"],
      ["Finn Wouters", "awaits_agreement"],
    ]);
    // Asking again changes nothing.
    expect(
      await setRepresentativeAgreement({
        actor: pFinn,
        patientId: finn,
        representativeId: u.rita,
        agree: false,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: true, changed: false } });

    await setRepresentativeAgreement({
      actor: pFinn,
      patientId: finn,
      representativeId: u.rita,
      agree: true,
      requestId: rid(),
      db,
    });
    expect(await ritaReads()).toEqual({ allowed: true, reason: "legal_representative" });
  });

  it("only Finn decides: not Rita, not for someone who is not his representative, not about another patient", async () => {
    const before = await db.representativeAgreementEvent.count();
    expect(
      await setRepresentativeAgreement({
        actor: rita,
        patientId: finn,
        representativeId: u.rita,
        agree: true,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: false, decision: { allowed: false, reason: "role_not_permitted" } });
    expect(
      await setRepresentativeAgreement({
        actor: pFinn,
        patientId: finn,
        representativeId: u.tom,
        agree: true,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: true, result: { ok: false, problem: "not_a_representative" } });
    expect(
      await setRepresentativeAgreement({
        actor: pFinn,
        patientId: emma,
        representativeId: u.rita,
        agree: false,
        requestId: rid(),
        db,
      }),
    ).toEqual({ allowed: false, decision: { allowed: false, reason: "no_relation" } });
    expect(await db.representativeAgreementEvent.count()).toBe(before);
  });

  it("ends Rita's access on Finn's 16th birthday by itself; Finn reads his own file either side of it", async () => {
    const sixteen = birthday(await birthDate(finn), 16);
    const dayBefore = addCalendarDays(sixteen, -1);
    const read = async (actor: typeof rita | typeof pFinn, now: Date) =>
      (await readPatientFile({ actor, patientId: finn, requestId: rid(), db, now })).decision;
    // 23:59 in Brussels the day before (21:59 or 22:59 UTC) and 00:01 on the birthday.
    const lastMinute = new Date(`${dayBefore}T21:59:00Z`);
    const firstMinute = new Date(`${dayBefore}T23:01:00Z`);
    expect(await read(rita, lastMinute)).toEqual({ allowed: true, reason: "legal_representative" });
    expect(await read(rita, firstMinute)).toEqual({ allowed: false, reason: "patient_decides_alone" });
    expect(await read(rita, morningOf(sixteen))).toEqual({ allowed: false, reason: "patient_decides_alone" });
    expect(await read(pFinn, lastMinute)).toEqual({ allowed: true, reason: "self" });
    expect(await read(pFinn, morningOf(sixteen))).toEqual({ allowed: true, reason: "self" });
  });
});

describe("p.finn", () => {
  it("reads only his own file", async () => {
    expect((await readPatientFile({ actor: pFinn, patientId: finn, requestId: rid(), db })).decision).toEqual({
      allowed: true,
      reason: "self",
    });
    for (const patientId of [emma, an]) {
      expect((await readPatientFile({ actor: pFinn, patientId, requestId: rid(), db })).decision).toEqual({
        allowed: false,
        reason: "no_relation",
      });
    }
  });
});
