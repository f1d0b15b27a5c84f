// Starts the portal for the end-to-end tests (Playwright's webServer): the real production
// build through `npm start`, on its own port, against its own freshly created database with
// the demo world freshly seeded. It never touches the developer's own data:
// - DATABASE_URL set: a sibling database `<name>_e2e` on the same server, dropped and recreated;
// - otherwise (Playwright run on its own): the embedded PostgreSQL server of .data/e2e, wiped first.
// With E2E_INDEX=N (N > 0: the run's N-th server, one per Playwright worker) `<name>_e2e_N` and
// .data/e2e-N instead (tests/e2e/support/e2e-database.ts).
// `npm start` (scripts/start.ts) then migrates, loads reference data, seeds the empty
// database, builds when the build is stale and runs `next start`.
//
// It also runs the local OpenID provider (tests/support/local-oidc-provider.ts) standing in for
// the eID/itsme broker, on a free loopback port, for as long as the portal runs, and configures
// the portal for it. next-auth 4 reads the provider's discovery document at each sign-in, not
// at build or start, but the provider is up before `npm start` anyway.
//
// It also starts the eHealth simulator (scripts/ehealth-simulator) on a free loopback port for the
// portal's EHEALTH_URL, and writes that URL where the specs find it (tests/e2e/support/ehealth.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { e2eDataDir, e2eDatabaseUrl } from "../tests/e2e/support/e2e-database";
import { startLocalOidcProvider } from "../tests/support/local-oidc-provider";
import { writeEHealthSimulatorUrl } from "../tests/e2e/support/ehealth";
import { recreateDatabase } from "./db/sibling-database";
import { startEHealthSimulator } from "./ehealth-simulator/server";

// playwright.config.ts chooses the port and passes it in.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const origin = `http://127.0.0.1:${E2E_PORT}`;

  if (process.env.DATABASE_URL) {
    const target = e2eDatabaseUrl(process.env.DATABASE_URL);
    await recreateDatabase(process.env.DATABASE_URL, target.name);
    env.DATABASE_URL = target.url;
    delete env.PORTAL_DATA_DIR;
    console.log(`[e2e-server] fresh database ${target.name} on ${new URL(target.url).host}`);
  } else {
    const dataDir = e2eDataDir();
    rmSync(dataDir, { recursive: true, force: true });
    env.PORTAL_DATA_DIR = dataDir;
    console.log(`[e2e-server] fresh embedded database in ${dataDir}`);
  }

  env.PORT = String(E2E_PORT);
  env.AUTH_URL = origin;
  env.NEXTAUTH_URL = origin;
  // A throw-away secret per run: production mode requires one, and no cookie outlives the run.
  env.AUTH_SECRET = randomBytes(32).toString("base64url");
  env.AUDIT_CHAIN_KEY = randomBytes(48).toString("base64url");
  // DATABASE_URL never gets the demo world by default (scripts/demo-world.ts); the tests use it.
  env.DEMO_WORLD = "true";

  const clientSecret = randomBytes(24).toString("base64url");
  const provider = await startLocalOidcProvider({
    clients: [
      {
        clientId: "portal-e2e",
        redirectUris: [`${origin}/api/auth/callback/oidc`],
        idTokenSigningAlg: "ES256",
        auth: { method: "client_secret_basic", clientSecret },
      },
    ],
  });
  console.log(`[e2e-server] local OpenID provider on ${provider.issuer}`);
  Object.assign(env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: "portal-e2e",
    OIDC_CLIENT_AUTH_METHOD: "client_secret_basic",
    OIDC_CLIENT_SECRET: clientSecret,
    // The provider releases the national number at userinfo only (its default), for this scope.
    OIDC_SCOPES: "openid profile national_number",
    OIDC_NATIONAL_NUMBER_CLAIM: "national_number",
    OIDC_ID_TOKEN_SIGNING_ALG: "ES256",
    OIDC_ACR_MINIMUM: "http://eidas.europa.eu/LoA/substantial",
  });
  // The eHealth services the doctor's look-up asks (ADR 0020): the simulator, on loopback.
  const ehealth = await startEHealthSimulator();
  env.EHEALTH_URL = ehealth.url;
  writeEHealthSimulatorUrl(ehealth.url);
  console.log(`[e2e-server] eHealth simulator on ${ehealth.url}`);

  const child = spawn("npm", ["start", "--silent"], { env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => {
    void provider.close().finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error("[e2e-server] could not start the portal:", error);
  process.exit(1);
});
