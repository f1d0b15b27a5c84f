// "Who looked at my file" in a real browser (issue 3). Before the patient looks, two things
// happen over HTTP, each in its own signed-in request context: Dr. Eva Jacobs, whom An has
// excluded, tries to read An's file (refused), and nurse Noah Peeters, outside An's care team,
// breaks the glass with a written reason and reads it. Then An finds both in her access log,
// in plain Dutch and French, filters it, and the page passes axe at phone and desktop widths.
// The demo world is reseeded first: Noah's emergency access must not exist before this spec
// opens it, and the api project's specs reseed again before relying on it.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { loginOverHttp, loginViaFormTo, sameOriginHeaders } from "./support/login";
import { saveScreenshot } from "./support/screenshot";

// Unique enough that finding it on the page proves it is this run's emergency access.
const EMERGENCY_REASON = `Buurvrouw meldt dat mevrouw niet opendoet; dringend langs voor controle (${Date.now()})`;

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
  const baseURL = testInfo.project.use.baseURL;

  const eva = await playwright.request.newContext({ baseURL });
  await loginOverHttp(eva, "d.eva");
  const evaRead = await eva.get("/api/patients/pat-an/record");
  expect(evaRead.status(), "d.eva is excluded by An").toBe(403);
  await eva.dispose();

  const noah = await playwright.request.newContext({ baseURL, extraHTTPHeaders: sameOriginHeaders(baseURL) });
  await loginOverHttp(noah, "n.noah");
  const breakTheGlass = await noah.post("/api/patients/pat-an/emergency-access", {
    data: { reason: EMERGENCY_REASON },
  });
  expect(breakTheGlass.status(), "n.noah breaks the glass for An").toBe(201);
  const noahRead = await noah.get("/api/patients/pat-an/record");
  expect(noahRead.status(), "n.noah reads An's file with the emergency access").toBe(200);
  await noah.dispose();
});

async function openAccessLogAsAn(page: Page): Promise<void> {
  await loginViaFormTo(page, "p.an", "/patient");
  await page.getByRole("link", { name: "Wie heeft mijn dossier bekeken?" }).click();
  await expect(page).toHaveURL(/\/patient\/access-log$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wie heeft mijn dossier bekeken?");
}

/** Body rows of the log table (the header row has column headers, not cells). */
function entryRows(page: Page) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

test("An sees the refused doctor and the emergency access, filters, and reads it in French", async ({ page }) => {
  await openAccessLogAsAn(page);

  // Eva: refused, and why, in words (not by colour alone).
  const evaRow = entryRows(page).filter({ hasText: "Dr. Eva Jacobs" }).first();
  await expect(evaRow).toContainText("Arts");
  await expect(evaRow).toContainText("Probeerde uw gezondheidsgegevens te bekijken");
  await expect(evaRow).toContainText("Geweigerd");
  await expect(evaRow).toContainText("U hebt deze zorgverlener uitgesloten.");

  // Noah: the emergency access stands out above the list and in its rows, with his reason.
  const emergency = page.getByRole("region", { name: "Noodtoegang tot uw dossier" });
  await expect(emergency).toContainText("Noah Peeters");
  await expect(emergency).toContainText(EMERGENCY_REASON);
  const noahRead = entryRows(page)
    .filter({ hasText: "Noah Peeters" })
    .filter({ hasText: "Bekeek uw gezondheidsgegevens" })
    .first();
  await expect(noahRead).toContainText("Noodtoegang");
  await expect(noahRead).toContainText("Toegestaan");
  await expect(noahRead).toContainText(EMERGENCY_REASON);
  await expect(noahRead).toContainText("Verpleegkundige");

  // Her own visit is logged and shown as hers.
  await expect(entryRows(page).first()).toContainText("U zelf");
  await expect(entryRows(page).first()).toContainText("Bekeek wie uw dossier heeft geraadpleegd");

  // Only refused: the allowed entries (hers, Noah's) disappear, Eva's stays.
  await page.getByLabel("Resultaat").selectOption("refused");
  await page.getByRole("button", { name: "Toon", exact: true }).click();
  await expect(page).toHaveURL(/[?&]outcome=refused(&|$)/);
  await expect(page.getByLabel("Resultaat")).toHaveValue("refused");
  await expect(entryRows(page).filter({ hasText: "Dr. Eva Jacobs" }).first()).toBeVisible();
  await expect(entryRows(page).filter({ hasText: "Toegestaan" })).toHaveCount(0);
  // Noah's emergency accesses were allowed: none of them is listed among the refusals (his
  // refused attempts from other specs may be, the log keeps everything across reseeds).
  await expect(entryRows(page).filter({ hasText: "Noodtoegang" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Noodtoegang tot uw dossier" })).toHaveCount(0);

  // French: the same page, filter kept, every label translated.
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qui a consulté mon dossier\u00a0?");
  await expect(page.getByLabel("Résultat")).toHaveValue("refused");
  const evaRowFr = entryRows(page).filter({ hasText: "Dr. Eva Jacobs" }).first();
  await expect(evaRowFr).toContainText("Médecin");
  await expect(evaRowFr).toContainText("Refusé");
  await expect(evaRowFr).toContainText("Vous avez exclu ce prestataire de soins.");
  await expect(evaRowFr).toContainText("A tenté de consulter vos données de santé");
  await expect(page.getByText("Geweigerd", { exact: true })).toHaveCount(0);
});

test("filters that match nothing say so, and invalid filter values fall back to everything", async ({ page }) => {
  await openAccessLogAsAn(page);
  // An is never refused her own file (her care is ongoing), whatever other specs left in the log,
  // which is append-only and survives reseeds: nothing matches.
  await page.goto("/patient/access-log?role=PATIENT&outcome=refused");
  await expect(page.getByText("Geen raadplegingen die passen bij uw keuze")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  await page.goto("/patient/access-log?outcome=%3Cscript%3E&role=ROOT&period=forever&before=abc");
  await expect(page.getByLabel("Resultaat")).toHaveValue("all");
  await expect(page.getByLabel("Wie", { exact: true })).toHaveValue("all");
  await expect(page.getByLabel("Periode")).toHaveValue("all");
  await expect(entryRows(page).filter({ hasText: "Dr. Eva Jacobs" }).first()).toBeVisible();
});

test("phone and desktop layouts: screenshots and no serious axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAccessLogAsAn(page);
  // On a phone the column headers are for screen readers; each card labels its own values.
  await expect(entryRows(page).first().getByText("Wanneer")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Wanneer" })).toHaveCount(1);
  await saveScreenshot(page, "access-log-phone");
  await expectNoSeriousAxeViolations(page, "access log at 390 px");

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole("columnheader", { name: "Wanneer" })).toBeVisible();
  await expect(entryRows(page).first().getByText("Wanneer")).toBeHidden();
  await saveScreenshot(page, "access-log-desktop");
  await expectNoSeriousAxeViolations(page, "access log at 1280 px");
});

test("Dina, whose file is past its availability window, is told how to ask a copy", async ({ page }) => {
  await loginViaFormTo(page, "p.dina", "/patient");
  await page.getByRole("link", { name: "Wie heeft mijn dossier bekeken?" }).click();
  await expect(page).toHaveURL(/\/patient\/access-log$/);
  // Next's route announcer is an alert too: find ours by its title.
  const notice = page.getByRole("alert").filter({ hasText: "Dit dossier is niet meer online beschikbaar" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("kopie");
  await expect(notice).toContainText("078 00 00 00");
  await expect(notice).toContainText("privacy@thuiszorg-demo.example");
  await expect(page.getByRole("table")).toHaveCount(0);
});
