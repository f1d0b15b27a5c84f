// The lint's boundary rules (eslint.config.mjs, ADR 0021) fail where they must and stay quiet
// where the config exempts: ESLint's own API on small snippets under made-up paths (the files
// need not exist; the path decides which rules apply).
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

// Loading the config and its plugins takes seconds on a busy machine: once, before the tests.
beforeAll(async () => {
  eslint = new ESLint({ cwd: import.meta.dirname });
  await eslint.lintText("export {};\n", { filePath: "lib/example.ts" });
}, 60_000);

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? []).map((message) => message.ruleId ?? "").sort();
}

const reachesPast = [
  'import { PrismaClient } from "@/lib/generated/prisma/client";',
  'import { prisma } from "@/lib/db";',
  "export const client = new PrismaClient();",
  "export const users = prisma.person;",
  "export const url = process.env.DATABASE_URL;",
  "",
].join("\n");

describe("only lib/ imports Prisma and only lib/env.ts reads process.env", () => {
  it("refuses both in a page of app/", async () => {
    expect(await ruleIds(reachesPast, "app/example/page.tsx")).toEqual([
      "no-restricted-imports",
      "no-restricted-imports",
      "no-restricted-properties",
    ]);
  });

  it("refuses every way to the database from a component: @prisma/*, pg, relative paths to lib/db", async () => {
    const code = [
      'import { Prisma } from "@prisma/client";',
      'import pg from "pg";',
      'import { createPrismaClient } from "../../lib/db/client";',
      'import { Role } from "../../lib/generated/prisma/enums";',
      "export const all = [Prisma, pg, createPrismaClient, Role];",
      "",
    ].join("\n");
    expect(await ruleIds(code, "components/example/widget.tsx")).toEqual(Array(4).fill("no-restricted-imports"));
    const dynamic = 'export const db = await import("@/lib/db");\n';
    expect(await ruleIds(dynamic, "app/api/example/route.ts")).toEqual(["no-restricted-syntax"]);
  });

  it("lets the data access layer import Prisma, but not read process.env outside lib/env.ts", async () => {
    expect(await ruleIds(reachesPast, "lib/example/index.ts")).toEqual(["no-restricted-properties"]);
    expect(await ruleIds(reachesPast, "lib/env.ts")).toEqual([]);
  });

  it("refuses next/link in app code but not in the link that wraps it (no prefetching, ADR 0028)", async () => {
    const code = 'import Link from "next/link";\nexport const A = Link;\n';
    expect(await ruleIds(code, "app/example/page.tsx")).toEqual(["no-restricted-imports"]);
    expect(await ruleIds(code, "components/example/nav.tsx")).toEqual(["no-restricted-imports"]);
    expect(await ruleIds(code, "components/ui/link.tsx")).toEqual([]);
    // The wrapper is still app code: the database stays out of it.
    expect(await ruleIds(reachesPast, "components/ui/link.tsx")).toContain("no-restricted-imports");
  });

  it("takes the enums from lib/enums in app code", async () => {
    const code = 'import { Role } from "@/lib/enums";\nexport const roles = Object.values(Role);\n';
    expect(await ruleIds(code, "app/example/page.tsx")).toEqual([]);
  });

  it("exempts the infrastructure: scripts/, tests/ and the root config files", async () => {
    for (const filePath of ["scripts/example.ts", "tests/integration/example.test.ts", "playwright.config.ts"]) {
      expect(await ruleIds(reachesPast, filePath), filePath).toEqual([]);
    }
  });

  it("does not let an inline comment switch the boundary rules off", async () => {
    const code = [
      "// eslint-disable-next-line no-restricted-properties -- just this once",
      "export const url = process.env.DATABASE_URL;",
      "",
    ].join("\n");
    expect(await ruleIds(code, "app/example/page.tsx")).toEqual([
      "@eslint-community/eslint-comments/no-restricted-disable",
    ]);
  });
});

describe("inline disables", () => {
  it("need a reason after `--`, and name their rule", async () => {
    const withoutReason = "// eslint-disable-next-line no-eval\nexport const value = eval('1');\n";
    expect(await ruleIds(withoutReason, "lib/example.ts")).toEqual([
      "@eslint-community/eslint-comments/require-description",
    ]);
    const blanket = "/* eslint-disable -- whatever */\nexport const value = eval('1');\n";
    expect(await ruleIds(blanket, "lib/example.ts")).toContain(
      "@eslint-community/eslint-comments/no-unlimited-disable",
    );
  });
});
