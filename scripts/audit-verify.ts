// `npm run audit:verify`: walks every per-patient chain of the access log (ADR 0004) and prints
// OK, or the first broken link (entry id and patient). Exit code 1 when a link is broken, 2 when
// the check itself could not run. Reads DATABASE_URL (a script, not the app: see scripts/db/config.ts).
import { createPrismaClient } from "@/lib/db/client";
import { verifyAccessLog } from "@/lib/audit/verify";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("audit:verify: set DATABASE_URL to the portal's database (npm start prints it for the embedded one)");
  process.exit(2);
}

const db = createPrismaClient(url, 1);
try {
  const result = await verifyAccessLog(db);
  if (result.ok) {
    console.log(`audit:verify OK: ${result.entries} entries in ${result.chains} chains, every link intact`);
  } else {
    const { entryId, patientId, problem } = result.broken;
    const what =
      problem === "hash_mismatch"
        ? "its content does not match its hash (edited)"
        : "its prevHash is not the previous entry's hash (an entry was removed, inserted or reordered)";
    console.log(
      `audit:verify BROKEN: entry ${entryId} of ${patientId === null ? "the chain without patient" : `patient ${patientId}`}: ${what}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error("audit:verify could not run:", error);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}
