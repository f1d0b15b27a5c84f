// The read views in a real browser (issue 4): An's home and file (the blood-pressure chart and
// its readings table), her trusted person Tom reading her file and nobody else's, Dr. Dirk Smets
// with his patients, a lookup refused for lack of consent and one for an unknown national number,
// and physiotherapist Carl reading An's file. axe on every page, in Dutch and one other language,
// and screenshots at phone and desktop width.
import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { signInTo, signOutViaButton } from "./support/login";
import { saveScreenshotsWithAxe } from "./support/screenshot";

const CARE_QUESTION = "Controle bloeddruk na aanpassing van de medicatie";

/** A valid INSZ (1900s check digits) that belongs to nobody in the demo world. */
function unknownValidInsz(): string {
  const nine = "800101017";
  return `${nine}${String(97 - (Number(nine) % 97)).padStart(2, "0")}`;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Another journey withdraws and gives An's consent again; this one needs the seeded state.
  await reseedDemoWorld();
});

test("An's home shows her next visit, her care plan and the way to everything else", async ({ page }) => {
  await signInTo(page, "p.an", "/patient");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, An Peeters");

  const nextVisit = page.getByRole("region", { name: "Volgend bezoek van de verpleegkundige" });
  await expect(nextVisit.locator("time")).toHaveCount(1);
  await expect(nextVisit).toContainText(/om \d{2}:\d{2}/);
  await expect(nextVisit).not.toContainText("Er is op dit moment geen bezoek gepland.");

  const carePlan = page.getByRole("region", { name: "Uw zorgplan" });
  expect(await carePlan.getByRole("listitem").count()).toBeGreaterThan(0);
  expect(await page.getByRole("region", { name: "Laatste verslagen" }).getByRole("listitem").count()).toBeGreaterThan(
    0,
  );

  const tiles = page.getByRole("navigation", { name: "Wat wilt u doen?" });
  for (const [name, href] of [
    ["Mijn volledige dossier", "/patient/file"],
    ["Wie heeft mijn dossier bekeken?", "/patient/access-log"],
    ["Mijn vertrouwenspersonen", "/patient/trusted-persons"],
    ["Zorgverleners uitsluiten", "/patient/exclusions"],
    ["Mijn toestemming", "/patient/consent"],
    ["Iets laten verbeteren", "/patient/corrections"],
  ] as const) {
    await expect(tiles.getByRole("link", { name: new RegExp(`^${name.replace("?", "\\?")}`) })).toHaveAttribute(
      "href",
      href,
    );
  }

  await saveScreenshotsWithAxe(page, "patient-home");
});

test("An's file shows a blood-pressure chart with the same readings in a table, in Dutch and French", async ({
  page,
}) => {
  await signInTo(page, "p.an", "/patient");
  await page.getByRole("link", { name: /^Mijn volledige dossier/ }).click();
  await expect(page).toHaveURL(/\/patient\/file$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn verpleegdossier");

  for (const section of [
    "Identificatie",
    "Contactgegevens",
    "Zorgplan",
    "Metingen",
    "Verslagen van de verpleegkundigen",
    "Medicatieschema",
    "Sociale gegevens",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }

  const bloodPressure = page.getByRole("region", { name: /^Bloeddruk/ });
  // The chart, drawn on the server as an SVG, is one image whose name is its text alternative.
  const chart = bloodPressure.getByRole("img", { name: /^Bloeddruk: \d+ metingen van .+ Laatste: \d+\/\d+ mmHg/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg polyline")).toHaveCount(2);

  const table = bloodPressure.getByRole("table", { name: "Metingen Bloeddruk" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  // The page's readings of this type (24 readings of six types on a page, lib/dossier/paging.ts).
  expect(await rows.count()).toBeGreaterThan(2);
  await expect(rows.first().getByRole("cell").nth(1)).toHaveText(/^\d{2,3}\/\d{2,3}$/);
  // The summary's latest reading is the table's first row.
  const latest = (await rows.first().getByRole("cell").nth(1).textContent())!.trim();
  await expect(chart).toHaveAccessibleName(new RegExp(`Laatste: ${latest.replace("/", "\\/")} mmHg`));
  // Decimals in the Belgian way: temperature with a comma.
  await expect(
    page
      .getByRole("region", { name: /^Temperatuur/ })
      .getByRole("table")
      .getByRole("cell")
      .nth(1),
  ).toHaveText(/^\d{2},\d$/);

  await saveScreenshotsWithAxe(page, "patient-file");

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon dossier infirmier");
  await expect(
    page
      .getByRole("region", { name: /^Tension artérielle/ })
      .getByRole("table", { name: "Mesures Tension artérielle" }),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page, "patient file fr-BE");
});

test("Tom reads An's file as her trusted person and sees nobody else", async ({ page }) => {
  await signInTo(page, "t.tom", "/trusted-person");
  const list = page.getByRole("region", { name: "Wie heeft u aangeduid?" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("An Peeters");
  await expect(page.locator("body")).not.toContainText("Bart Claes");
  await expect(page.getByRole("region", { name: "Wat u mag en niet mag" })).toContainText(
    "iets in het dossier wijzigen",
  );
  await expectNoSeriousAxeViolations(page, "trusted-person home");

  await page.getByRole("link", { name: "Dossier van An Peeters lezen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");
  await expect(page.getByRole("region", { name: /^Bloeddruk/ }).getByRole("table")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "trusted-person file");

  // Bart's file by its address: the same neutral refusal as for anyone without a relation.
  await page.goto("/trusted-person/patients/pat-bart");
  await expect(page.getByRole("main")).toContainText("U hebt geen toegang tot dit dossier.");
  expect(await page.content()).not.toContain("Bart");
  await signOutViaButton(page);
});

test("Dr. Dirk Smets: his patients, An's file, and lookups refused for no consent and for an unknown number", async ({
  page,
}) => {
  // No link fetches its page ahead of a click (ADR 0028): Next's default would ask the server
  // for each patient's file and each header link, twice, as soon as the list is on screen.
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()).pathname);
  });
  await signInTo(page, "d.dirk", "/caregiver");
  const mine = page.getByRole("region", { name: "Mijn patiënten" });
  await expect(mine.getByRole("listitem")).toHaveCount(4);
  for (const name of ["An Peeters", "Bart Claes", "Chris Janssens", "Dina Maes"])
    await expect(mine).toContainText(name);
  await page.waitForLoadState("networkidle");
  await mine.getByRole("link", { name: "Dossier van Bart Claes openen" }).hover();
  await saveScreenshotsWithAxe(page, "caregiver-home");
  expect(prefetches, "requests for pages nobody opened").toEqual([]);

  await page.getByRole("link", { name: "Dossier van An Peeters openen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");
  await expect(page.getByRole("img", { name: /^Bloeddruk:/ })).toBeVisible();
  await saveScreenshotsWithAxe(page, "caregiver-file");
  await page.getByRole("link", { name: "Terug naar mijn patiënten" }).first().click();

  // A wrong number is caught next to its field, and what was typed stays.
  const lookup = page.getByRole("form", { name: "Patiënt opzoeken" });
  await lookup.getByLabel("Rijksregisternummer van de patiënt").fill("50070205713");
  await lookup.getByLabel("Uw zorgvraag").fill(CARE_QUESTION);
  await lookup.getByRole("button", { name: "Opzoeken" }).click();
  await expect(lookup.getByText("Dit is geen geldig rijksregisternummer.")).toBeVisible();
  await expect(lookup.getByLabel("Uw zorgvraag")).toHaveValue(CARE_QUESTION);

  // Bart never gave consent: Dirk, who treats him, is told so.
  await lookup.getByLabel("Rijksregisternummer van de patiënt").fill("50.07.02-057.12");
  await lookup.getByRole("button", { name: "Opzoeken" }).click();
  await expect(lookup.getByRole("alert")).toContainText("Geen toestemming");
  await expect(lookup.getByLabel("Rijksregisternummer van de patiënt")).toHaveValue("50.07.02-057.12");
  await expectNoSeriousAxeViolations(page, "caregiver lookup refused (no consent)");

  // A valid number of nobody in the portal: the neutral answer, nothing more.
  await lookup.getByLabel("Rijksregisternummer van de patiënt").fill(unknownValidInsz());
  await lookup.getByRole("button", { name: "Opzoeken" }).click();
  await expect(lookup.getByRole("alert")).toContainText("Geen toegang");
  await expect(lookup.getByRole("alert")).toContainText("U hebt geen toegang tot dit dossier.");
  await expect(lookup).not.toContainText("toestemming gegeven");

  // An's number with a care question opens her file.
  await lookup.getByLabel("Rijksregisternummer van de patiënt").fill("41031212410");
  await lookup.getByRole("button", { name: "Opzoeken" }).click();
  await expect(page).toHaveURL(/\/caregiver\/patients\/pat-an$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");

  // Dina's care ended more than three months ago: her doctor is told the file is no longer online.
  await page.goto("/caregiver/patients/pat-dina");
  await expect(page.getByRole("main")).toContainText("Dossier niet meer online");

  await page.goto("/caregiver");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("region", { name: "My patients" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "caregiver home en");
});

test("Carl, An's physiotherapist, reads her file and has no other patients", async ({ page }) => {
  await signInTo(page, "c.carl", "/caregiver");
  const mine = page.getByRole("region", { name: "Mijn patiënten" });
  await expect(mine.getByRole("listitem")).toHaveCount(1);
  await mine.getByRole("link", { name: "Dossier van An Peeters openen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");
  await expect(page.getByRole("region", { name: /^Bloeddruk/ }).getByRole("table")).toBeVisible();
  await signOutViaButton(page);
});
