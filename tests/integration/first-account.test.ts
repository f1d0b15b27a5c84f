// The first service-center account of an empty portal (`npm run admin:create`): created with a
// password or for eID/itsme only, refused for an existing person or username, a wrong national
// number, or passwords that differ; a refusal writes nothing.
import { execFile } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createFirstServiceCenterAccount } from "@/lib/people/first-account";
import { resetDatabase, testPrisma } from "../support/database";

const db = testPrisma();
const SARA = "90011504247";

beforeEach(() => resetDatabase());

describe("createFirstServiceCenterAccount", () => {
  it("creates a service-center person with a username and a hashed password", async () => {
    const result = await createFirstServiceCenterAccount(db, {
      insz: "90.01.15-042.47",
      firstName: " Sara ",
      lastName: "Lambrechts",
      login: { kind: "password", username: "S.Lambrechts", password: "correct horse battery" },
    });
    expect(result).toEqual({ ok: true, personId: expect.any(String) });
    const person = await db.person.findUniqueOrThrow({ where: { insz: SARA }, include: { roles: true } });
    expect(person).toMatchObject({ firstName: "Sara", lastName: "Lambrechts", username: "s.lambrechts" });
    expect(person.roles.map((role) => role.role)).toEqual(["SERVICE_CENTER"]);
    expect(person.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", person.passwordHash)).toBe(true);
  });

  it("creates an eID/itsme-only account without username or password", async () => {
    await createFirstServiceCenterAccount(db, {
      insz: SARA,
      firstName: "Sara",
      lastName: "L",
      login: { kind: "oidc-only" },
    });
    expect(await db.person.findUniqueOrThrow({ where: { insz: SARA } })).toMatchObject({
      username: null,
      passwordHash: null,
    });
  });

  it("refuses an existing national number or username, and changes nothing", async () => {
    const login = { kind: "password" as const, username: "sara", password: "correct horse battery" };
    await createFirstServiceCenterAccount(db, { insz: SARA, firstName: "Sara", lastName: "L", login });
    const before = await db.person.findMany({ include: { roles: true } });
    expect(
      await createFirstServiceCenterAccount(db, {
        insz: SARA,
        firstName: "Other",
        lastName: "Name",
        login: { kind: "oidc-only" },
      }),
    ).toEqual({ ok: false, reason: "person_exists" });
    expect(
      await createFirstServiceCenterAccount(db, { insz: "41031212410", firstName: "An", lastName: "P", login }),
    ).toEqual({ ok: false, reason: "username_taken" });
    expect(await db.person.findMany({ include: { roles: true } })).toEqual(before);
  });

  it("refuses a wrong national number, a short password and unknown fields", async () => {
    const base = { firstName: "Sara", lastName: "L", login: { kind: "oidc-only" as const } };
    await expect(createFirstServiceCenterAccount(db, { ...base, insz: "90011504248" })).rejects.toThrow(/INSZ/);
    await expect(
      createFirstServiceCenterAccount(db, {
        ...base,
        insz: SARA,
        login: { kind: "password", username: "sara", password: "short" },
      }),
    ).rejects.toThrow(/12 characters/);
    await expect(
      createFirstServiceCenterAccount(db, { ...base, insz: SARA, role: "NURSE" } as never),
    ).rejects.toThrow();
    expect(await db.person.count()).toBe(0);
  });
});

describe("npm run admin:create", () => {
  const run = (args: string[], input: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        "node_modules/.bin/tsx",
        ["scripts/admin-create.ts", ...args],
        { env: process.env },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
      child.stdin!.end(input);
    });

  it("asks what the flags do not give, the password twice, and creates the account; a second run is refused", async () => {
    const created = await run(
      ["--first-name", "Sara", "--last-name", "Lambrechts"],
      `${SARA}\nsara\nlong enough secret\nlong enough secret\n`,
    );
    expect(created).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("service-center account for Sara Lambrechts created"),
    });
    expect(created.stdout).not.toContain("long enough secret");
    const person = await db.person.findUniqueOrThrow({ where: { insz: SARA } });
    expect(await verifyPassword("long enough secret", person.passwordHash)).toBe(true);

    const again = await run(["--national-number", SARA, "--first-name", "X", "--last-name", "Y", "--oidc-only"], "");
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    expect(await db.person.count()).toBe(1);
  }, 120_000);

  it("refuses a national number that fails the mod-97 check, and passwords that differ", async () => {
    const wrongNumber = await run([], "90011504248\n");
    expect(wrongNumber).toMatchObject({ code: 1, stderr: expect.stringContaining("mod-97") });
    const differ = await run(
      ["--national-number", SARA, "--first-name", "S", "--last-name", "L", "--username", "sara"],
      "one long password\nanother long one\n",
    );
    expect(differ).toMatchObject({ code: 1, stderr: expect.stringContaining("differ") });
    expect(await db.person.count()).toBe(0);
  }, 120_000);
});
