// `npm run seed:scale -- --patients N [--caregivers C]`: adds the scale world (scripts/db/scale-world.ts)
// beside the demo world of the configured database (DATABASE_URL, else the embedded one), with
// the access log chained under the portal's chain key (AUDIT_CHAIN_KEY, else the data folder's).
// Migrates and loads the reference data first, like db:seed. Refuses a database that already holds
// a scale world. Prints what it made and how long it took.
import { auditChainKeyForCommand } from "../audit/keys";
import { withCommandDatabase } from "./command-database";
import { describeMigrationResult, migrateDatabase } from "./migrate";
import { seedScaleWorld } from "./scale-world";

function numberFlag(name: string, fallback: number | undefined): number | undefined {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const patients = numberFlag("--patients", 100_000)!;
  const caregivers = numberFlag("--caregivers", undefined);
  const chainKey = auditChainKeyForCommand();
  await withCommandDatabase(async ({ ownerUrl, url }) => {
    console.log(describeMigrationResult(await migrateDatabase(ownerUrl)));
    const { seedDatabase } = await import("./seed");
    await seedDatabase(url, "reference-only");
    console.log(`seed:scale: ${patients} patients …`);
    // The owner role: bulk inserts and ANALYZE (which only the owner may run on every table).
    const result = await seedScaleWorld(ownerUrl, { patients, caregivers, chainKey, log: (line) => console.log(line) });
    const c = result.counts;
    console.log(
      `seed:scale made ${c.patients} patients (${c.patientsInCare} in care), ${c.nurses} nurses, ${c.doctors} doctors, ` +
        `${c.otherCaregivers} other caregivers, ${c.therapeuticRelations} therapeutic relations, ${c.consentEvents} consent events, ` +
        `${c.careTeamAssignments} care-team assignments, ${c.nursingNotes} nursing notes, ${c.vitalSigns} vital parameters, ` +
        `${c.accessLogEntries} access-log entries in ${result.seconds.toFixed(1)} s`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
