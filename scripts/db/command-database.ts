// The database a db:* command works on: DATABASE_URL when set; else the embedded database,
// through the running portal's server when there is one, or a server of its own for the
// length of the command (stopped afterwards, also on Ctrl-C).
import { configuredDatabaseUrl, configuredMigrationUrl, displayPath, portalDataDir, redactUrl } from "./config";
import { acquireEmbeddedDatabase } from "./embedded";

export type CommandDatabase = {
  /** The portal's (runtime) role. */
  url: string;
  /** The owner role, for migrations. */
  ownerUrl: string;
  /** A role that may create databases (the schema engine's shadow database). */
  adminUrl: string;
};

export async function withCommandDatabase<T>(work: (database: CommandDatabase) => Promise<T>): Promise<T> {
  const configured = configuredDatabaseUrl();
  if (configured) {
    console.log(`Database: ${redactUrl(configured)} (DATABASE_URL)`);
    const ownerUrl = configuredMigrationUrl() ?? configured;
    return work({ url: configured, ownerUrl, adminUrl: ownerUrl });
  }

  const dataDir = portalDataDir();
  const database = await acquireEmbeddedDatabase(dataDir, {
    owner: "command",
    onWait: (message) => console.log(`${message} …`),
  });
  if (database.owned) {
    console.log(
      `Embedded PostgreSQL on 127.0.0.1:${database.port} (data in ${displayPath(database.clusterDir)}), for this command`,
    );
  } else {
    console.log(
      `Using the running embedded PostgreSQL on 127.0.0.1:${database.port} (data in ${displayPath(database.clusterDir)})`,
    );
  }

  const stopOnSignal = (signal: NodeJS.Signals) => {
    // Stop the server cleanly before leaving (a fast shutdown writes a checkpoint).
    void database.release().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    return await work({ url: database.url, ownerUrl: database.ownerUrl, adminUrl: database.adminUrl });
  } finally {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await database.release();
  }
}
