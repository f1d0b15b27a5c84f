// `npm run ehealth:simulator [-- --port 3406]`: the eHealth simulator on loopback, for a portal
// started with EHEALTH_URL=http://127.0.0.1:<port>/ (ADR 0020). Register a link by hand with
//   curl -H 'content-type: application/json' -d '{"patientInsz":"41031212410",
//     "caregiverInsz":"70060614127","term":"GP_LONG_TERM"}' http://127.0.0.1:<port>/admin/therapeutic-links
import { parseArgs } from "node:util";
import { startEHealthSimulator } from "./server";

const { values } = parseArgs({ options: { port: { type: "string", default: "3406" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`ehealth:simulator: --port must be a port number, not ${values.port}`);
  process.exit(1);
}

const simulator = await startEHealthSimulator({ port });
console.log(`eHealth simulator on ${simulator.url} (set EHEALTH_URL=${simulator.url} for the portal)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
