// The service center never reads health text (domain.md, issue 10): a health correction request
// reaches the service center as patient, date, section and nurse only, never its description;
// the patient who wrote it and the nurse it is routed to do read it. Opening a request is a
// logged administrative read of that patient.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  listCorrectionQueue,
  readCorrectionForServiceCenter,
  readPatientCorrections,
  requestCorrection,
  routeCorrectionToNurse,
} from "@/lib/corrections";
import { demoIds, seedDemoWorld } from "@/tests/support/demo-world";
import { listRoutedCorrections } from "@/lib/nursing";
import { gated } from "@/tests/support/actors";
import { resetDatabase, testPrisma } from "@/tests/support/database";

const db = testPrisma();
const { an } = demoIds.patients;
const pAn = gated(an, "PATIENT");
const sara = gated(demoIds.users.sara, "SERVICE_CENTER");
const nina = gated(demoIds.users.nina, "NURSE");
const rid = () => `health-text-${randomUUID()}`;

const HEALTH_TEXT = "Mijn suikerwaarde van gisteren staat fout genoteerd: het was 7,2.";
const CONTACT_TEXT = "Mijn telefoonnummer is nu 0478 99 88 77.";

async function ask(section: "HEALTH" | "CONTACT", description: string): Promise<string> {
  const outcome = await requestCorrection({
    actor: pAn,
    patientId: an,
    section,
    description,
    idempotencyKey: randomUUID(),
    requestId: rid(),
    db,
  });
  if (!outcome.allowed || !outcome.result.ok) throw new Error("expected a request");
  return outcome.result.correctionId;
}

beforeEach(async () => {
  await resetDatabase();
  await seedDemoWorld(db);
});

describe("the service center and health correction requests", () => {
  it("lists a health request with patient, date, section and nurse, but not its text", async () => {
    const health = await ask("HEALTH", HEALTH_TEXT);
    const contact = await ask("CONTACT", CONTACT_TEXT);
    await routeCorrectionToNurse({ actor: sara, correctionId: health, correctionVersion: 1, requestId: rid(), db });

    const queue = await listCorrectionQueue({ actor: sara, db });
    const healthItem = queue.find((item) => item.id === health);
    expect(healthItem).toMatchObject({
      section: "HEALTH",
      description: null,
      resolution: null,
      status: "ROUTED_TO_NURSE",
      patient: { id: an, name: "An Peeters" },
      assignedNurse: "Nina De Smet",
    });
    expect(healthItem?.createdAt).toBeInstanceOf(Date);
    // Administrative requests keep their text: that is the service center's own work.
    expect(queue.find((item) => item.id === contact)?.description).toBe(CONTACT_TEXT);
    expect(JSON.stringify(queue)).not.toContain("suikerwaarde");
  });

  it("opens a health request without its text, as a logged administrative read of the patient", async () => {
    const health = await ask("HEALTH", HEALTH_TEXT);
    const requestId = rid();
    const read = await readCorrectionForServiceCenter({ actor: sara, correctionId: health, requestId, db });
    if (!read.allowed) throw new Error("the service center opens the request");
    expect(read.result.request).toMatchObject({ section: "HEALTH", description: null, patient: { id: an } });
    expect(read.result.responsibleNurse).toBe("Nina De Smet");
    expect(JSON.stringify(read.result)).not.toContain("suikerwaarde");
    expect(
      await db.accessLogEntry.findMany({ where: { requestId }, select: { action: true, decision: true } }),
    ).toEqual([{ action: "READ_ADMINISTRATIVE", decision: "ALLOW" }]);

    const contact = await ask("CONTACT", CONTACT_TEXT);
    const administrative = await readCorrectionForServiceCenter({
      actor: sara,
      correctionId: contact,
      requestId: rid(),
      db,
    });
    expect(administrative.allowed && administrative.result.request.description).toBe(CONTACT_TEXT);
  });

  it("still shows the text to the patient who wrote it and to the nurse it was routed to", async () => {
    const health = await ask("HEALTH", HEALTH_TEXT);
    await routeCorrectionToNurse({ actor: sara, correctionId: health, correctionVersion: 1, requestId: rid(), db });
    const own = await readPatientCorrections({ actor: pAn, patientId: an, requestId: rid(), db });
    expect(own.allowed && own.result.requests.find((request) => request.id === health)?.description).toBe(HEALTH_TEXT);
    const routed = await listRoutedCorrections({ actor: nina, db });
    expect(routed.find((request) => request.id === health)?.description).toBe(HEALTH_TEXT);
  });
});
