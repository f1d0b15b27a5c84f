// `npm run audit:anchor`: appends the current head of every chain of the access log, signed, to
// the anchor file (lib/audit/anchor.ts, ADR 0016). Run it on a schedule (README: a systemd timer
// or cron every 15 minutes). Refuses, writes nothing and exits 1 when the file is not intact or a
// previously anchored head is gone or changed: that is tampering to report, not to anchor.
// Exit code 2 when it could not run.
import { anchorChainHeads } from "@/lib/audit/anchor";
import { withCommandDatabase } from "./db/command-database";
import { displayPath } from "./db/config";
import { anchorFilePath, anchorSigningKey } from "./audit/keys";

async function main(): Promise<number> {
  const file = anchorFilePath();
  const privateKey = anchorSigningKey({ create: true });
  const { createPrismaClient } = await import("@/lib/db/client");
  return withCommandDatabase(async ({ url }) => {
    const db = createPrismaClient(url, 1);
    try {
      const run = await anchorChainHeads(db, { file, privateKey });
      if (run.ok) {
        console.log(
          `audit:anchor: line ${run.line.seq} with ${run.line.heads.length} chain heads appended to ${displayPath(file)}`,
        );
        return 0;
      }
      console.log(`audit:anchor REFUSED: nothing written to ${displayPath(file)}`);
      for (const problem of run.problems) console.log(`  ${problem}`);
      return 1;
    } finally {
      await db.$disconnect();
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:anchor could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
