// The nurse's journeys in a real browser (issue 4): n.nina records a blood pressure for An
// (a swapped diastolic is refused next to the field first) and p.an then finds the reading in
// her record over HTTP; n.nina adds a note, corrects it with a reason and reads its history; a
// correction sent from a stale page is refused with the conflict message and writes nothing.
// n.noah, outside An's care team, opens her file through the emergency form with a reason and
// p.an's access log shows it. axe in nl-BE and fr-BE, screenshots at 390 and 1280 px.
//
// State-changing: the demo world is reseeded first.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, request as newRequestContext, test, type APIRequestContext, type Page } from "@playwright/test";
import { reseedDemoWorld } from "./support/demo-world";
import { loginOverHttp, loginViaForm } from "./support/login";
import { saveScreenshot } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const contexts: APIRequestContext[] = [];

async function signedIn(baseURL: string | undefined, username: string): Promise<APIRequestContext> {
  const context = await newRequestContext.newContext({ baseURL });
  contexts.push(context);
  await loginOverHttp(context, username);
  return context;
}

async function expectNoSeriousAxeViolations(page: Page, when: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious, `axe ${when}`).toEqual([]);
}

async function screenshots(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await saveScreenshot(page, `${name}-${width}`);
  }
}

test.beforeAll(() => {
  reseedDemoWorld();
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.dispose()));
});

test("n.nina records a blood pressure, adds a note, corrects it with a reason and sees its history", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await loginViaForm(page, "n.nina");
  await expect(page).toHaveURL(/\/nurse$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn patiënten");
  await expect(page.getByText("Dossier niet meer online beschikbaar")).toBeVisible(); // Dina, past the window
  await expectNoSeriousAxeViolations(page, "nurse home nl-BE");
  await screenshots(page, "nurse-home");

  await page.getByRole("link", { name: "An Peeters" }).click();
  await expect(page).toHaveURL(/\/nurse\/patients\/pat-an$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("An Peeters");

  // Systolic and diastolic swapped: refused next to the diastolic field, typed values kept.
  const vitals = page.getByRole("form", { name: "Meting registreren" });
  await vitals.getByLabel("Soort meting").selectOption("BLOOD_PRESSURE");
  await vitals.getByLabel("Waarde").fill("87");
  await vitals.getByLabel("Onderdruk (diastolisch, mmHg)").fill("141");
  await vitals.getByRole("button", { name: "Meting opslaan" }).click();
  await expect(vitals.getByText("Vul bij bloeddruk een onderdruk in tussen 30 en 160 mmHg, lager dan de bovendruk.")).toBeVisible();
  await expect(vitals.getByLabel("Waarde")).toHaveValue("87");

  await vitals.getByLabel("Waarde").fill("141");
  await vitals.getByLabel("Onderdruk (diastolisch, mmHg)").fill("87");
  await vitals.getByRole("button", { name: "Meting opslaan" }).click();
  await expect(page.getByText("De meting is geregistreerd.")).toBeVisible();
  await expect(page.getByRole("table").getByText("141/87 mmHg").first()).toBeVisible();

  // The patient finds the new reading in her own record.
  const an = await signedIn(baseURL, "p.an");
  const record = await an.get("/api/patients/pat-an/record");
  expect(record.status()).toBe(200);
  const file = (await record.json()) as { health: { vitalSigns: Array<{ type: string; value: number; secondaryValue: number | null; unit: string }> } };
  expect(file.health.vitalSigns).toContainEqual(expect.objectContaining({ type: "BLOOD_PRESSURE", value: 141, secondaryValue: 87, unit: "mm[Hg]" }));

  // A note, then its correction with a reason, then the history.
  const original = `Wonde rechteronderbeen verzorgd, lichte roodheid (${randomUUID().slice(0, 8)}).`;
  const noteForm = page.getByRole("form", { name: "Verslag toevoegen" });
  await noteForm.getByLabel("Verslag", { exact: true }).fill(original);
  await noteForm.getByRole("button", { name: "Verslag opslaan" }).click();
  await expect(page.getByText("Het verslag is toegevoegd.")).toBeVisible();
  const note = page.getByRole("article").filter({ hasText: original });
  await expect(note).toHaveCount(1);

  const corrected = original.replace("lichte roodheid", "geen roodheid");
  await note.getByText("Verbeteren", { exact: true }).click();
  await note.getByLabel("Verbeterde tekst").fill(corrected);
  await note.getByLabel("Reden van de wijziging").fill("kort");
  await note.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(note.getByText("Geef een reden van minstens 10 tekens.")).toBeVisible();
  await note.getByLabel("Reden van de wijziging").fill("Verkeerd genoteerd: er was geen roodheid");
  await note.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(page.getByText("Het verslag is verbeterd. De vorige versie staat in de geschiedenis.")).toBeVisible();

  const correctedNote = page.getByRole("article").filter({ hasText: corrected });
  await correctedNote.getByText("Geschiedenis (1 wijziging)").click();
  await expect(correctedNote.getByText("Reden: Verkeerd genoteerd: er was geen roodheid")).toBeVisible();
  await expect(correctedNote.getByText(`Vorige tekst: ${original}`)).toBeVisible();
  await expectNoSeriousAxeViolations(page, "nurse patient page nl-BE");
  await screenshots(page, "nurse-patient");

  // A second tab corrects the same note; the first tab's form is now stale.
  await correctedNote.getByText("Verbeteren", { exact: true }).click();
  await correctedNote.getByLabel("Verbeterde tekst").fill(`${corrected} Stale tab.`);
  await correctedNote.getByLabel("Reden van de wijziging").fill("Aanvulling vanuit het eerste tabblad");
  const other = await page.context().newPage();
  await other.goto("/nurse/patients/pat-an");
  const otherNote = other.getByRole("article").filter({ hasText: corrected });
  await otherNote.getByText("Verbeteren", { exact: true }).click();
  await otherNote.getByLabel("Verbeterde tekst").fill(`${corrected} Second tab.`);
  await otherNote.getByLabel("Reden van de wijziging").fill("Aanvulling vanuit het tweede tabblad");
  await otherNote.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(other.getByText("Het verslag is verbeterd.", { exact: false })).toBeVisible();
  await other.close();

  await correctedNote.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(page.getByText(/Iemand anders heeft dit intussen gewijzigd\. Er is niets opgeslagen\./)).toBeVisible();
  await expect(correctedNote.getByLabel("Verbeterde tekst")).toHaveValue(`${corrected} Stale tab.`);
  const latest = (await (await an.get("/api/patients/pat-an/record")).json()) as { health: { nursingNotes: Array<{ text: string }> } };
  expect(latest.health.nursingNotes.map((entry) => entry.text)).toContain(`${corrected} Second tab.`);
  expect(latest.health.nursingNotes.map((entry) => entry.text)).not.toContain(`${corrected} Stale tab.`);

  // French: the same page, translated, still accessible.
  await page.goto("/nurse/patients/pat-an");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("form", { name: "Enregistrer une mesure" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "nurse patient page fr-BE");
  await page.getByRole("button", { name: "Nederlands" }).click();
});

test("n.noah opens An's file through emergency access with a reason, and An sees it in her log", async ({ page, baseURL }) => {
  await loginViaForm(page, "n.noah");
  await expect(page).toHaveURL(/\/nurse$/);
  await expect(page.getByText("U staat op dit moment in geen enkel zorgteam.")).toBeVisible();

  // Straight to the file: refused, with the emergency form.
  await page.goto("/nurse/patients/pat-an");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang tot dit dossier");
  await expect(page.getByText("Wonde")).toHaveCount(0);

  await page.goto("/nurse");
  const form = page.getByRole("form", { name: "Noodtoegang tot een dossier" });
  await form.getByLabel("Rijksregisternummer van de patiënt").fill("41.03.12-124.10");
  await form.getByLabel("Reden van de noodtoegang").fill("te kort");
  await form.getByRole("button", { name: "Noodtoegang openen" }).click();
  await expect(form.getByText("Geef een reden van minstens 10 tekens.")).toBeVisible();
  await expect(form.getByLabel("Rijksregisternummer van de patiënt")).toHaveValue("41.03.12-124.10");

  const reason = "Buurvrouw belt: An is gevallen, vaste verpleegkundige onbereikbaar";
  await form.getByLabel("Reden van de noodtoegang").fill(reason);
  await form.getByRole("button", { name: "Noodtoegang openen" }).click();
  await expect(page).toHaveURL(/\/nurse\/patients\/pat-an$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("An Peeters");
  await expect(page.getByText(/U leest dit dossier met noodtoegang tot \d{1,2} \w+ 20\d\d/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verslagen" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "emergency file nl-BE");
  await screenshots(page, "nurse-emergency");

  const an = await signedIn(baseURL, "p.an");
  const log = await an.get("/api/patients/pat-an/access-log");
  expect(log.status()).toBe(200);
  const { entries } = (await log.json()) as { entries: Array<{ actor: { name: string } | null; emergencyAccess: { reason: string } | null }> };
  expect(entries).toContainEqual(expect.objectContaining({ actor: expect.objectContaining({ name: "Noah Peeters" }), emergencyAccess: expect.objectContaining({ reason }) }));
});
