// The service center's administrative work in a real browser (issue 4): s.sara goes from her
// home tiles to the patient search, finds An by national number, corrects An's phone number
// with a reason (a missing reason is refused next to the field) and sees it in the history;
// the page never shows An's health data. Then she publishes declaration version 5 for nurses,
// prefilled from version 4, and n.nina is sent to the declaration page at her next request.
// axe in nl-BE and en, screenshots at 390 and 1280 px.
//
// State-changing: the demo world is reseeded first and afterwards, and the test-only version 5
// is removed again (a reseed keeps published declarations, as the portal must).
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { e2eCommandEnv } from "./support/e2e-database";
import { loginViaForm, loginViaFormTo, signOutViaButton } from "./support/login";
import { saveScreenshot } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

async function screenshots(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await saveScreenshot(page, `${name}-${width}`);
  }
}

function removeTestDeclarationVersion(): void {
  const env = e2eCommandEnv();
  execFileSync("npx", ["tsx", "tests/e2e/service-center.cleanup.ts"], { env, stdio: "pipe", timeout: 120_000 });
}

test.beforeAll(async () => {
  await reseedDemoWorld();
});

test.afterAll(async () => {
  removeTestDeclarationVersion();
  await reseedDemoWorld();
});

test("s.sara finds An by national number and corrects her phone number with a reason", async ({ page }) => {
  await loginViaFormTo(page, "s.sara", "/service-center");
  await expectNoSeriousAxeViolations(page, "service-center home nl-BE");
  await screenshots(page, "service-center-home");
  await expect(page.getByRole("link", { name: /Correctievragen behandelen/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Schorsingen en noodtoegang beoordelen/ })).toBeVisible();

  await page.getByRole("link", { name: /Patiënt opzoeken/ }).click();
  await expect(page).toHaveURL(/\/service-center\/patients$/);
  await page.getByLabel("Naam of rijksregisternummer").fill("41.03.12-124.10");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText("1 patiënt gevonden")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "patient search nl-BE");
  await page.getByRole("link", { name: "An Peeters" }).click();
  await expect(page).toHaveURL(/\/service-center\/patients\/pat-an$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("An Peeters");

  // Administrative data only: none of the health words of An's file are on the page.
  const shown = await page.locator("main").innerText();
  for (const healthWord of ["Bloeddruk", "Wondzorg", "Verslagen", "Zorgplan", "mmHg"])
    expect(shown, healthWord).not.toContain(healthWord);

  const contact = page.getByRole("form", { name: "Contact verbeteren" });
  await contact.getByLabel("Telefoon").fill("+32 470 12 34 56");
  await contact.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(contact.getByText("Geef een reden van minstens 10 tekens.")).toBeVisible();
  await expect(contact.getByLabel("Telefoon")).toHaveValue("+32 470 12 34 56");
  await contact.getByLabel("Reden van de verbetering").fill("Patiënte belde met haar nieuwe gsm-nummer");
  await contact.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(page.getByText("Contact: de verbetering is opgeslagen.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Contact verbeteren" }).getByLabel("Telefoon")).toHaveValue(
    "+32 470 12 34 56",
  );
  await expect(page.getByText("Reden: Patiënte belde met haar nieuwe gsm-nummer")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "administrative file nl-BE");
  await screenshots(page, "service-center-patient");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("form", { name: "Correct Contact" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "administrative file en");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await signOutViaButton(page);
});

test("s.sara publishes declaration version 5 for nurses; n.nina must accept it at her next request", async ({
  page,
  browser,
}) => {
  await loginViaFormTo(page, "s.sara", "/service-center");
  await page.getByRole("link", { name: /Gebruikersverklaringen/ }).click();
  await page.getByLabel("Rol", { exact: true }).selectOption("NURSE");
  await page.getByRole("button", { name: "Rol kiezen" }).click();
  const form = page.getByRole("form", { name: "Nieuwe versie 5 voor Verpleegkundige" });
  await expect(form.getByLabel("Titel (Nederlands)")).not.toHaveValue("");
  await expectNoSeriousAxeViolations(page, "declarations nl-BE");
  await screenshots(page, "service-center-declarations");

  const body = form.getByLabel("Tekst (Nederlands)");
  await body.fill(`${await body.inputValue()}\n\nNieuw in versie 5: noodtoegang wordt binnen 24 uur nagekeken.`);
  await form.getByRole("button", { name: "Versie 5 publiceren" }).click();
  await expect(page.getByText("Versie 5 voor Verpleegkundige is gepubliceerd.", { exact: false })).toBeVisible();

  const nurseContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-BE" });
  const nurse = await nurseContext.newPage();
  await loginViaForm(nurse, "n.nina");
  await expect(nurse).toHaveURL(/\/declaration/);
  await expect(nurse.getByText("Nieuw in versie 5: noodtoegang wordt binnen 24 uur nagekeken.")).toBeVisible();
  await nurseContext.close();
});
