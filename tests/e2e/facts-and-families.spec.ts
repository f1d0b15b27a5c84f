// The facts behind access decisions, in a real browser (issue 11):
// - k.kris, the coordinator, ends Bart's care episode; Bart's home then says until which day his
//   file stays online;
// - r.rita, parent and legal representative, switches between her children's files and gives
//   consent for Emma (10);
// - p.finn (14) withdraws his agreement, and his mother's next request for his file is refused;
// - d.frank is refused An until the eHealth simulator knows his therapeutic link; An's access log
//   then says he got in via eHealth.
// The demo world is reseeded before and after: these journeys change it.
import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { registerTherapeuticLink, resetEHealthSimulator } from "./support/ehealth";
import { signedInContextPool, signInTo, signOutViaButton } from "./support/login";
import { saveScreenshotsWithAxe } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const { signedIn, disposeAll } = signedInContextPool();

test.beforeAll(async () => {
  await reseedDemoWorld();
  await resetEHealthSimulator();
});
test.afterAll(async () => {
  await disposeAll();
  await reseedDemoWorld();
  await resetEHealthSimulator();
});

/** A calendar day (YYYY-MM-DD) as the portal writes it in Dutch: "2 maart 2027". */
function dutchDate(day: string): string {
  return new Intl.DateTimeFormat("nl-BE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Brussels",
  }).format(new Date(`${day}T12:00:00Z`));
}

test("k.kris ends Bart's care episode; Bart's home says until which day his file stays online", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, "k.kris", "/coordinator");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Kris Verhoeven");
  await page.getByLabel("Naam of rijksregisternummer").fill("Claes");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: "Bart Claes" }).click();
  await expect(page).toHaveURL(/\/coordinator\/patients\/pat-bart$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bart Claes");
  // The coordinator never sees the file: no notes, no readings.
  await expect(page.getByRole("main")).not.toContainText("Bloeddruk");
  await expectNoSeriousAxeViolations(page, "coordinator patient page");

  const endForm = page.getByRole("form", { name: "Zorgperiode beëindigen" });
  const lastDayOfCare = await endForm.getByLabel("Laatste dag van de zorg").inputValue();
  expect(lastDayOfCare).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await endForm.getByRole("button", { name: "Zorgperiode beëindigen" }).click();
  await expect(page.getByText("De zorgperiode is beëindigd.", { exact: false })).toBeVisible();
  const onlineUntil = page.getByTestId("coordinator-online-until");
  await expect(onlineUntil).toBeVisible();
  await saveScreenshotsWithAxe(page, "coordinator-episode-ended");
  const until = (await onlineUntil.textContent())!
    .replace("Het dossier blijft online tot en met ", "")
    .replace(".", "");
  await signOutViaButton(page);

  await signInTo(page, "p.bart", "/patient");
  const notice = page.getByTestId("file-online-until");
  await expect(notice).toContainText(`Uw dossier blijft online tot en met ${until}`);
  await expect(notice).toContainText(`De zorg eindigde op ${dutchDate(lastDayOfCare)}`);
  await expectNoSeriousAxeViolations(page, "patient home after the end of care");
  await signOutViaButton(page);
});

test("r.rita switches between her children's files and gives consent for Emma", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, "r.rita", "/representative");
  const children = page.getByRole("navigation", { name: "Kies wie u vertegenwoordigt" });
  await expect(children.getByRole("link")).toHaveText(["Emma Wouters", "Finn Wouters"]);
  await saveScreenshotsWithAxe(page, "representative-home");

  await children.getByRole("link", { name: "Emma Wouters" }).click();
  await expect(page).toHaveURL(/\/representative\/patients\/pat-emma$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van Emma Wouters");
  await expect(children.getByRole("link", { name: "Emma Wouters" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("main")).toContainText("Glycemie");

  await children.getByRole("link", { name: "Finn Wouters" }).click();
  await expect(page).toHaveURL(/\/representative\/patients\/pat-finn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van Finn Wouters");
  await expect(page.getByRole("main")).toContainText("Wondzorg knie links");
  await expectNoSeriousAxeViolations(page, "representative reads Finn's file");

  await page.getByRole("link", { name: "Terug naar mijn overzicht" }).click();
  await page.getByRole("link", { name: "Toestemming voor Emma Wouters beheren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toestemming voor Emma Wouters");
  await expect(page.getByTestId("consent-status")).toHaveText("Er is geen toestemming gegeven voor Emma Wouters.");
  await page.getByRole("button", { name: "Toestemming geven" }).click();
  await expect(page.getByText("U hebt toestemming gegeven voor Emma Wouters.")).toBeVisible();
  await expect(page.getByTestId("consent-status")).toHaveText("Er is toestemming gegeven voor Emma Wouters.");
  await expect(page.getByRole("button", { name: "Toestemming intrekken" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "representative manages Emma's consent");
  await signOutViaButton(page);
});

test("p.finn withdraws his agreement; his mother's next request for his file is refused", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const rita = await signedIn(baseURL, "r.rita");
  expect((await rita.get("/api/patients/pat-finn/record")).status(), "Rita reads Finn's file while he agrees").toBe(
    200,
  );

  await signInTo(page, "p.finn", "/patient");
  await page.getByRole("link", { name: /Mijn vertegenwoordigers/ }).click();
  await expect(page).toHaveURL(/\/patient\/representatives$/);
  await expect(page.getByTestId("agreement-status")).toHaveText("Rita Wouters mag je dossier lezen.");
  await saveScreenshotsWithAxe(page, "minor-representatives");
  await page.getByRole("button", { name: "Rita Wouters niet meer laten lezen" }).click();
  await expect(page.getByText("Klaar: je vertegenwoordiger kan je dossier niet meer lezen, vanaf nu.")).toBeVisible();
  await expect(page.getByTestId("agreement-status")).toHaveText("Rita Wouters mag je dossier niet lezen.");

  const refused = await rita.get("/api/patients/pat-finn/record");
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  // Emma's file is unaffected: Finn decides only about his own.
  expect((await rita.get("/api/patients/pat-emma/record")).status()).toBe(200);

  // Finn still reads his own file.
  await page.goto("/patient/file");
  await expect(page.getByRole("main")).toContainText("Wondzorg knie links");
  await signOutViaButton(page);
});

test("d.frank is refused An until eHealth knows his link; An's log then says via eHealth", async ({ page }) => {
  test.setTimeout(120_000);
  const lookUp = async () => {
    await page.getByLabel("Rijksregisternummer van de patiënt").fill("41.03.12-124.10");
    await page.getByLabel("Uw zorgvraag").fill("Nieuwe patiënt in de praktijk: medicatieschema nakijken");
    await page.getByRole("button", { name: "Opzoeken" }).click();
  };
  await signInTo(page, "d.frank", "/caregiver");
  await lookUp();
  await expect(page.getByRole("main")).toContainText("Geen toegang");
  await expect(page).toHaveURL(/\/caregiver$/);

  await registerTherapeuticLink({ patientInsz: "41031212410", caregiverInsz: "70060614127", term: "GP_LONG_TERM" });
  await lookUp();
  await expect(page).toHaveURL(/\/caregiver\/patients\/pat-an$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");
  await signOutViaButton(page);

  await signInTo(page, "p.an", "/patient");
  await page.goto("/patient/access-log");
  const frankRows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ hasText: "Dr. Frank Willems" })
    .filter({ hasText: "Toegestaan" });
  // His look-up and his reading of the file, each allowed via the link eHealth knows.
  await expect(frankRows.filter({ hasText: "via een therapeutische relatie bij eHealth" }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page, "access log with a grant via eHealth");
  await signOutViaButton(page);
});
