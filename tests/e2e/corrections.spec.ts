// A correction request end to end in a real browser (issue 4): p.bart asks a correction of his
// phone number; s.sara finds it in the queue with its 4-week deadline, corrects the phone with a
// reason (a too-short reason refused next to the field first); the request leaves the queue, and
// p.bart sees it resolved with his new number. axe in nl-BE, fr-BE and en; screenshots at 390
// and 1280 px.
//
// State-changing: the demo world is reseeded first.
import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { loginOverHttp, loginViaFormTo, signOutViaButton } from "./support/login";
import { saveScreenshotsWithAxe } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const NEW_PHONE = "0478 11 22 33";
const DESCRIPTION = `Mijn telefoonnummer is veranderd: het is nu ${NEW_PHONE}.`;
const REASON = "Nieuw nummer telefonisch bevestigd door de patiënt.";

/** The deadline as the pages write it: 4 weeks from now, a long Dutch date in Belgium. */
function deadlineText(): string {
  const due = new Date(Date.now() + 28 * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("nl-BE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Brussels",
  }).format(due);
}

test.beforeAll(async () => {
  await reseedDemoWorld();
});

test("p.bart asks a correction of his phone number, s.sara corrects it with a reason, p.bart sees the new number", async ({
  page,
  browser,
}) => {
  // Two people sign in through the form and four pages are checked: a journey, not one page.
  test.setTimeout(90_000);
  await loginViaFormTo(page, "p.bart", "/patient");
  await page.goto("/patient/corrections");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een correctie vragen");
  await expect(page.getByTestId("contact-phone")).toHaveText("016 22 70 02");

  const form = page.getByRole("form", { name: "Wat moet er verbeterd worden?" });
  await form.getByLabel("Over welk deel van uw dossier gaat het?").selectOption("CONTACT");
  // Too short: refused next to the field, the choice and the text kept.
  await form.getByLabel("Wat is er fout en wat moet het zijn?").fill("fout");
  await form.getByRole("button", { name: "Correctie vragen" }).click();
  const description = form.getByLabel("Wat is er fout en wat moet het zijn?");
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveValue("fout");
  await expect(form.getByLabel("Over welk deel van uw dossier gaat het?")).toHaveValue("CONTACT");

  await description.fill(DESCRIPTION);
  await form.getByRole("button", { name: "Correctie vragen" }).click();
  await expect(page).toHaveURL(/\/patient\/corrections\?done=requested$/);
  await expect(page.getByRole("status").filter({ hasText: "Uw vraag is goed ontvangen." })).toBeVisible();
  const request = page.getByRole("article").filter({ hasText: DESCRIPTION });
  await expect(request).toContainText("In behandeling");
  await expect(request).toContainText(`antwoord uiterlijk op ${deadlineText()}`);
  await saveScreenshotsWithAxe(page, "patient-corrections");

  // s.sara, in her own browser context.
  const saraContext = await browser.newContext();
  const sara = await saraContext.newPage();
  await loginViaFormTo(sara, "s.sara", "/service-center");
  await sara.goto("/service-center/corrections");
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Correctievragen");
  const item = sara.getByRole("article", { name: "Bart Claes: Contactgegevens (telefoon, e-mail, adres)" });
  await expect(item).toContainText(DESCRIPTION);
  await expect(item).toContainText(deadlineText());
  await expect(item).not.toContainText("Te laat");
  await saveScreenshotsWithAxe(sara, "service-center-corrections");

  await item.getByRole("link", { name: "Vraag van Bart Claes behandelen" }).click();
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Correctievraag van Bart Claes");
  await expect(sara.getByTestId("correction-deadline")).toHaveText(`Antwoord uiterlijk op ${deadlineText()}`);
  await saveScreenshotsWithAxe(sara, "service-center-correction-detail");

  const correct = sara.getByRole("form", { name: "Gegevens verbeteren" });
  await correct.getByLabel("Welk gegeven?").selectOption({ label: "Telefoon" });
  await correct.getByLabel("Nieuwe waarde").fill(NEW_PHONE);
  await correct.getByLabel("Reden van de verbetering").fill("ok");
  await correct.getByRole("button", { name: "Verbeteren en de vraag afsluiten" }).click();
  const reason = correct.getByLabel("Reden van de verbetering");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await expect(correct.getByLabel("Nieuwe waarde")).toHaveValue(NEW_PHONE);
  await expectNoSeriousAxeViolations(sara, "correction detail with a field error");

  await reason.fill(REASON);
  await correct.getByRole("button", { name: "Verbeteren en de vraag afsluiten" }).click();
  await expect(sara).toHaveURL(/\/service-center\/corrections\?done=resolved$/);
  await expect(
    sara.getByRole("status").filter({ hasText: "De gegevens zijn verbeterd en de vraag is opgelost." }),
  ).toBeVisible();
  await expect(
    sara.getByRole("article", { name: "Bart Claes: Contactgegevens (telefoon, e-mail, adres)" }),
  ).toHaveCount(0);

  // French and English: the queue translated and accessible.
  await sara.getByRole("button", { name: "Français" }).click();
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Demandes de correction");
  await expectNoSeriousAxeViolations(sara, "queue fr-BE");
  await sara.getByRole("button", { name: "English" }).click();
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Correction requests");
  await expectNoSeriousAxeViolations(sara, "queue en");
  await sara.getByRole("button", { name: "Nederlands" }).click();
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Correctievragen");
  await saraContext.close();

  // p.bart: resolved, with the service center's reason, and his new number on file.
  await page.goto("/patient/corrections");
  await expect(page.getByRole("article").filter({ hasText: DESCRIPTION })).toContainText("Opgelost");
  await expect(page.getByRole("article").filter({ hasText: DESCRIPTION })).toContainText(`Antwoord: ${REASON}`);
  await expect(page.getByTestId("contact-phone")).toHaveText(NEW_PHONE);
  const record = (await (await page.context().request.get("/api/patients/pat-bart/record")).json()) as {
    administrative: { contact: { phone: string } };
  };
  expect(record.administrative.contact.phone).toBe(NEW_PHONE);

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander une correction");
  await expectNoSeriousAxeViolations(page, "patient corrections fr-BE");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for a correction");
  await expectNoSeriousAxeViolations(page, "patient corrections en");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een correctie vragen");

  await signOutViaButton(page);
});

test("p.an adds her own comment beside a nurse's assessment instead of having it rewritten", async ({ page }) => {
  const COMMENT = "Die week had ik vooral last van de warmte, niet van de wonde.";
  await loginViaFormTo(page, "p.an", "/patient");
  await page.goto("/patient/corrections");
  const assessment = page.getByRole("article", { name: /^Beoordeling van / }).first();
  await expect(assessment).toContainText("Wekelijkse evaluatie.");
  const assessmentName = await assessment.getAttribute("aria-label");
  // Only spaces (the browser's own check lets them through): refused next to the field by the server.
  await assessment.getByLabel("Uw opmerking").fill("   ");
  await assessment.getByRole("button", { name: "Opmerking toevoegen" }).click();
  await expect(assessment.getByLabel("Uw opmerking")).toHaveAttribute("aria-invalid", "true");

  await assessment.getByLabel("Uw opmerking").fill(COMMENT);
  await assessment.getByRole("button", { name: "Opmerking toevoegen" }).click();
  await expect(page).toHaveURL(/\/patient\/corrections\?done=commented$/);
  const same = page.getByRole("article", { name: assessmentName!, exact: true }).first();
  await expect(same).toContainText(COMMENT);
  await expect(same).toContainText("Wekelijkse evaluatie.");
  await expectNoSeriousAxeViolations(page, "patient corrections with a comment");
});

test("the queue is for the service center only", async ({ page }) => {
  await loginOverHttp(page.context().request, "p.bart");
  await page.goto("/service-center/corrections");
  await expect(page).toHaveURL(/\/patient$/);
});
