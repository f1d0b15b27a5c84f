// The database a db:* command works on: DATABASE_URL when set; else the embedded database,
// through the running portal's server when there is one, or a server of its own for the
// length of the command (stopped afterwards, also on Ctrl-C).
import { configuredDatabaseUrl, displayPath, portalDataDir, redactUrl } from "./config";
import { acquireEmbeddedDatabase } from "./embedded";

export type CommandDatabase = {
  url: string;
};

export async function withCommandDatabase<T>(work: (database: CommandDatabase) => Promise<T>): Promise<T> {
  const configured = configuredDatabaseUrl();
  if (configured) {
    console.log(`Database: ${redactUrl(configured)} (DATABASE_URL)`);
    return work({ url: configured });
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
    return await work({ url: database.url });
  } finally {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await database.release();
  }
}
