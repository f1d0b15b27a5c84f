// The eHealth simulator of an end-to-end run (scripts/e2e-server.ts starts it on a free port and
// gives the portal its URL): the specs register therapeutic links through its admin endpoint.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { e2eIndex } from "./e2e-database";

/** One simulator per portal server (tests/e2e/support/e2e-database.ts e2eIndex). */
const urlFile = () => resolve(`test-results/e2e-ehealth-simulator-url-${e2eIndex()}`);

export function writeEHealthSimulatorUrl(url: string): void {
  mkdirSync(dirname(urlFile()), { recursive: true });
  writeFileSync(urlFile(), url, "utf8");
}

export function ehealthSimulatorUrl(): string {
  return readFileSync(urlFile(), "utf8").trim();
}

/** Registers a therapeutic link in the simulator, as the eHealth hub would after the caregiver's declaration. */
export async function registerTherapeuticLink(link: {
  patientInsz: string;
  caregiverInsz: string;
  term: "GP_LONG_TERM" | "OCCASIONAL_CONTACT" | "EMERGENCY_DEPARTMENT";
}): Promise<{ id: string; endDate: string }> {
  const response = await fetch(new URL("admin/therapeutic-links", ehealthSimulatorUrl()), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(link),
  });
  if (response.status !== 201) throw new Error(`the eHealth simulator refused the link: ${response.status}`);
  return ((await response.json()) as { link: { id: string; endDate: string } }).link;
}

/** Empties the simulator, so a spec starts from no links. */
export async function resetEHealthSimulator(): Promise<void> {
  await fetch(new URL("admin/reset", ehealthSimulatorUrl()), { method: "POST" });
}
