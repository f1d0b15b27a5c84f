// A doctor between two consultations (issue 4): p.an first adds her own comment beside a nurse's
// assessment; Dr. Dirk Smets opens her file, reads that comment beside the assessment (marked as
// hers; her file's first page holds the notes her corrections page lists), and asks a correction of one of her
// readings (a too-short description refused next to the field first); the service center finds
// the request in its queue with his name and role, but not its text (health data). Tom, her trusted person, reads the comment too
// but is offered no correction form. axe in nl-BE, fr-BE and en; screenshots at 390 and 1280 px.
//
// State-changing: the demo world is reseeded before and after.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { signInTo, signOutViaButton } from "./support/login";
import { saveScreenshotsWithAxe } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const COMMENT = "Ik was die week niet verward, alleen erg moe na slechte nachten.";
const DESCRIPTION = "Deze bloeddruk lijkt verkeerd ingevoerd: ik mat dezelfde dag 135/85 op consultatie.";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

// The comment and the request this journey leaves behind are not the seed's world.
test.afterAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

/** The comment in the nursing notes: on the file's first page, never behind a disclosure. */
async function revealComment(page: Page): Promise<Locator> {
  const notes = page.locator("#nursing-notes");
  const comment = notes.getByTestId("patient-comment").filter({ hasText: COMMENT });
  await expect(comment).toHaveCount(1);
  await expect(comment).toBeVisible();
  return comment;
}

/** Checks the page in French and English too, then goes back to Dutch. */
async function axeInOtherLanguages(
  page: Page,
  when: string,
  headings: { fr: string; en: string; nl: string },
): Promise<void> {
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings.fr);
  await expectNoSeriousAxeViolations(page, `${when} fr-BE`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings.en);
  await expectNoSeriousAxeViolations(page, `${when} en`);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings.nl);
}

test("p.an comments on her oldest listed assessment and sees her comment beside it in her file", async ({ page }) => {
  await signInTo(page, "p.an", "/patient");
  await page.goto("/patient/corrections");
  const assessment = page.getByRole("article", { name: /^Beoordeling van / }).last();
  await assessment.getByLabel("Uw opmerking").fill(COMMENT);
  await assessment.getByRole("button", { name: "Opmerking toevoegen" }).click();
  await expect(page).toHaveURL(/\/patient\/corrections\?done=commented$/);

  await page.goto("/patient/file");
  const comment = await revealComment(page);
  await expect(comment).toContainText("Uw eigen commentaar");
  await signOutViaButton(page);
});

test("d.dirk reads An's comment beside the assessment and asks a correction of a reading; s.sara sees it in the queue", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInTo(page, "d.dirk", "/caregiver");
  await page.getByRole("link", { name: "Dossier van An Peeters openen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");

  await expect(await revealComment(page)).toContainText("Commentaar van de patiënt");
  // Beside its note: in the same list entry as the nurse's assessment, which stays as written.
  const note = page
    .locator("#nursing-notes li")
    .filter({ has: page.getByTestId("patient-comment").filter({ hasText: COMMENT }) });
  await expect(note).toContainText("Beoordeling");
  await expect(note).toContainText("Wekelijkse evaluatie");

  await saveScreenshotsWithAxe(page, "caregiver-file-with-comment");
  await axeInOtherLanguages(page, "caregiver file with comment", {
    fr: "Dossier de An Peeters",
    en: "File of An Peeters",
    nl: "Dossier van An Peeters",
  });

  await page.getByRole("link", { name: "Een verbetering vragen in het dossier van An Peeters" }).click();
  await expect(page).toHaveURL(/\/caregiver\/patients\/pat-an\/correction$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een verbetering vragen voor An Peeters");
  await saveScreenshotsWithAxe(page, "caregiver-correction-form");
  await axeInOtherLanguages(page, "caregiver correction form", {
    fr: "Demander une correction pour An Peeters",
    en: "Ask for a correction for An Peeters",
    nl: "Een verbetering vragen voor An Peeters",
  });

  const form = page.getByRole("form", { name: "Verbetering vragen" });
  await form.getByLabel("Over welk deel van het dossier gaat het?").selectOption("HEALTH");
  const entry = form.getByLabel(/^Over welk verslag of welke meting gaat het\?/);
  const reading = entry.locator("option", { hasText: /^Meting · .*Bloeddruk/ }).first();
  const readingValue = (await reading.getAttribute("value"))!;
  expect(readingValue).toMatch(/^VitalSign:/);
  await entry.selectOption(readingValue);
  // Too short: refused next to the field, the choices kept.
  await form.getByLabel("Wat is er fout en wat moet het zijn?").fill("fout");
  await form.getByRole("button", { name: "Verbetering vragen" }).click();
  await expect(form.getByLabel("Wat is er fout en wat moet het zijn?")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Beschrijf wat er fout is in 10 tot 2000 tekens.");
  await expect(entry).toHaveValue(readingValue);
  await expectNoSeriousAxeViolations(page, "caregiver correction form with an error");

  await form.getByLabel("Wat is er fout en wat moet het zijn?").fill(DESCRIPTION);
  await form.getByRole("button", { name: "Verbetering vragen" }).click();
  await expect(page).toHaveURL(/\/caregiver\/patients\/pat-an\/correction\?done=requested$/);
  await expect(
    page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Uw vraag is verstuurd." }),
  ).toBeVisible();
  await signOutViaButton(page);

  // The service center finds the request to route it (patient, section, who asked, when), but
  // never its text: it describes An's health (domain.md: the service center never reads health
  // data). Not in the page, nor in the data the page carries for React.
  await signInTo(page, "s.sara", "/service-center");
  const queue = await page.goto("/service-center/corrections");
  const request = page
    .getByRole("article", { name: /^An Peeters: Gezondheid/ })
    .filter({ hasText: "Dr. Dirk Smets (Arts)" });
  await expect(request).toHaveCount(1);
  await expect(request).toContainText("alleen voor de verantwoordelijke verpleegkundige");
  expect(await queue!.text()).not.toContain(DESCRIPTION.slice(0, 30));
  await expect(page.getByText(DESCRIPTION)).toHaveCount(0);
  await request.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("An Peeters");
  await expect(page.getByText("alleen voor de verantwoordelijke verpleegkundige")).toBeVisible();
  expect(await (await page.request.get(page.url())).text()).not.toContain(DESCRIPTION.slice(0, 30));
  await signOutViaButton(page);
});

test("Tom reads An's comment too, but is offered no correction form", async ({ page }) => {
  await signInTo(page, "t.tom", "/trusted-person");
  await page.getByRole("link", { name: "Dossier van An Peeters lezen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");
  await expect(await revealComment(page)).toContainText("Commentaar van de patiënt");
  await expect(page.getByRole("link", { name: /verbetering vragen/i })).toHaveCount(0);
  // The caregiver's form is not his: the page guard sends him to his own home.
  await page.goto("/caregiver/patients/pat-an/correction");
  await expect(page).toHaveURL(/\/trusted-person$/);
  await signOutViaButton(page);
});
