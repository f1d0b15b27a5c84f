// `npm run dev`: the portal's development server (scripts/start.ts --dev) with the eHealth
// simulator beside it (ADR 0020), so a doctor's look-up has therapeutic links to ask for. When
// EHEALTH_URL is set, that service is used and no simulator starts. EHEALTH_SIMULATOR_PORT picks the
// simulator's port (default: a free one); its URL is printed, for registering links by hand.
// A separate wrapper, so scripts/start.ts stays as it is.
import { spawn } from "node:child_process";
import { startEHealthSimulator } from "./ehealth-simulator/server";

const env: NodeJS.ProcessEnv = { ...process.env };
let closeSimulator = async () => {};
if (!env.EHEALTH_URL) {
  const port = Number(env.EHEALTH_SIMULATOR_PORT ?? 0);
  const simulator = await startEHealthSimulator({ port: Number.isInteger(port) ? port : 0 });
  env.EHEALTH_URL = simulator.url;
  closeSimulator = simulator.close;
  console.log(`[dev] eHealth simulator on ${simulator.url} (POST ${simulator.url}admin/therapeutic-links)`);
}

const portal = spawn("npx", ["tsx", "scripts/start.ts", "--dev"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => portal.kill(signal));
portal.on("exit", (code, signal) => {
  void closeSimulator().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
