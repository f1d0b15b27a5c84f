// `npm run audit:verify`: walks every per-patient chain of the access log (ADR 0004, 0016) with
// the chain key, checks the anchor file (every line's signature and link), and checks that every
// head of the latest anchor is still there. Prints OK, or each problem found: an edited entry, a
// broken link, a forged link (computed without the key), a cut tail. Exit code 1 when anything
// is wrong, 2 when the check itself could not run.
import { createPublicKey } from "node:crypto";
import { verifyAccessLog } from "@/lib/audit/verify";
import { readAnchorFile } from "@/lib/audit/anchor";
import { describeProblem } from "@/lib/audit/problems";
import { withCommandDatabase } from "./db/command-database";
import { anchorFilePath, anchorSigningKey, auditChainKeyForCommand } from "./audit/keys";
import { existsSync } from "node:fs";
import { displayPath } from "./db/config";

async function main(): Promise<number> {
  const key = auditChainKeyForCommand();
  const anchorFile = anchorFilePath();
  const anchors = existsSync(anchorFile)
    ? readAnchorFile(anchorFile, createPublicKey(anchorSigningKey({ create: false })))
    : null;
  const { createPrismaClient } = await import("@/lib/db/client");

  return withCommandDatabase(async ({ url }) => {
    const db = createPrismaClient(url, 1);
    try {
      const latest = anchors?.lines.at(-1) ?? null;
      const result = await verifyAccessLog(db, { key, anchor: latest });
      const problems = [
        ...(anchors?.problems ?? []).map((problem) => `ANCHOR FILE: ${displayPath(anchorFile)} ${problem}`),
        ...result.problems.map(describeProblem),
      ];
      const anchorNote = latest
        ? `heads of anchor ${latest.seq} (${latest.at}) present`
        : `no anchor yet in ${displayPath(anchorFile)}: a cut tail cannot be seen (run npm run audit:anchor on a schedule)`;
      if (problems.length === 0) {
        console.log(
          `audit:verify OK: ${result.entries} entries in ${result.chains} chains, every link intact; ${anchorNote}`,
        );
        return 0;
      }
      console.log(
        `audit:verify BROKEN: ${problems.length} problem(s) in ${result.entries} entries, ${result.chains} chains`,
      );
      for (const problem of problems) console.log(`  ${problem}`);
      return 1;
    } finally {
      await db.$disconnect();
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
