// Every list the portal reads is capped (lib/limits.ts): this test reads the source of lib/ and
// fails on a findMany without `take`, so a new unbounded read cannot slip in unnoticed. The few
// reads that are bounded by their own nature are listed below with the reason.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** `<file> <receiver>.<model>.findMany` -> why it needs no take. */
const BOUNDED_BY_NATURE: Record<string, string> = {
  "lib/auth/portal-session.ts db.personRole.findMany": "one row per role the person holds (a handful at most)",
  "lib/audit/view.ts tx.person.findMany": "the actors of one page of the access log, itself paged",
  "lib/audit/view.ts tx.emergencyAccess.findMany": "the emergency accesses named on one page of the access log",
  "lib/fhir/transaction/write.ts tx.personRole.findMany": "one row per role the practitioner holds (a handful at most)",
  "lib/fhir/transaction/write.ts tx.careTeamAssignment.findMany":
    "the rows of one CareTeam resource by its business identifier: one per nurse of that team",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The text of the call's argument list, from `(` to its matching `)`. */
function argumentsOf(source: string, openParen: number): string {
  let depth = 0;
  for (let index = openParen; index < source.length; index++) {
    if (source[index] === "(") depth++;
    if (source[index] === ")" && --depth === 0) return source.slice(openParen, index + 1);
  }
  throw new Error("unbalanced call");
}

function findManyCalls() {
  return sourceFiles(join(root, "lib")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return [...source.matchAll(/(\w+)\s*\.\s*(\w+)\s*\.\s*findMany\s*\(/g)].map((match) => ({
      key: `${relative(root, file)} ${match[1]}.${match[2]}.findMany`,
      args: argumentsOf(source, match.index + match[0].length - 1),
    }));
  });
}

describe("list limits", () => {
  it("finds the reads it is meant to check", () => {
    // A scanner that finds nothing would pass for the wrong reason.
    expect(findManyCalls().length).toBeGreaterThan(20);
  });

  it("caps every findMany in lib/ with take, unless bounded by nature", () => {
    const unbounded = findManyCalls()
      .filter((call) => !/\btake\s*:/.test(call.args))
      .map((call) => call.key)
      .filter((key) => !(key in BOUNDED_BY_NATURE));
    expect(unbounded).toEqual([]);
  });

  it("lists no exception that no longer exists", () => {
    const keys = new Set(findManyCalls().map((call) => call.key));
    expect(Object.keys(BOUNDED_BY_NATURE).filter((key) => !keys.has(key))).toEqual([]);
  });
});
