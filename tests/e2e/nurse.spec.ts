// The nurse's journeys in a real browser (issue 4): n.nina records a blood pressure for An
// (a swapped diastolic is refused next to the field first) and p.an then finds the reading in
// her record over HTTP; n.nina adds a note, corrects it with a reason and reads its history; a
// correction sent from a stale page is refused with the conflict message and writes nothing.
// n.nina plans a visit (p.an sees it as her next visit), updates the care plan and corrects a
// reading with a reason (its history shown). p.an comments beside an assessment (n.nina reads it
// beside the note) and asks a correction of a note, s.sara routes it,
// n.nina corrects the note and resolves the request, and p.an reads it resolved with the answer.
// n.noah, outside An's care team, opens her file through the emergency form with a reason and
// p.an's access log shows it. axe in nl-BE, fr-BE and en, screenshots at 390 and 1280 px.
//
// State-changing: the demo world is reseeded first.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { loginViaForm, signedInContextPool, signOutViaButton } from "./support/login";
import { saveScreenshot } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const { signedIn, disposeAll } = signedInContextPool();

async function screenshots(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await saveScreenshot(page, `${name}-${width}`);
  }
}

test.beforeAll(async () => {
  await reseedDemoWorld();
});

test.afterAll(async () => {
  await disposeAll();
});

test("n.nina records a blood pressure, adds a note, corrects it with a reason and sees its history", async ({
  page,
  baseURL,
}) => {
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
  await expect(
    vitals.getByText("Vul bij bloeddruk een onderdruk in tussen 30 en 160 mmHg, lager dan de bovendruk."),
  ).toBeVisible();
  await expect(vitals.getByLabel("Waarde")).toHaveValue("87");

  await vitals.getByLabel("Waarde").fill("141");
  await vitals.getByLabel("Onderdruk (diastolisch, mmHg)").fill("87");
  await vitals.getByRole("button", { name: "Meting opslaan" }).click();
  await expect(page.getByText("De meting is geregistreerd.")).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "141/87 mmHg" }).first()).toBeVisible();

  // The patient finds the new reading in her own record.
  const an = await signedIn(baseURL, "p.an");
  const record = await an.get("/api/patients/pat-an/record");
  expect(record.status()).toBe(200);
  const file = (await record.json()) as {
    health: { vitalSigns: Array<{ type: string; value: number; secondaryValue: number | null; unit: string }> };
  };
  expect(file.health.vitalSigns).toContainEqual(
    expect.objectContaining({ type: "BLOOD_PRESSURE", value: 141, secondaryValue: 87, unit: "mm[Hg]" }),
  );

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
  const latest = (await (await an.get("/api/patients/pat-an/record")).json()) as {
    health: { nursingNotes: Array<{ text: string }> };
  };
  expect(latest.health.nursingNotes.map((entry) => entry.text)).toContain(`${corrected} Second tab.`);
  expect(latest.health.nursingNotes.map((entry) => entry.text)).not.toContain(`${corrected} Stale tab.`);

  // French: the same page, translated, still accessible.
  await page.goto("/nurse/patients/pat-an");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("form", { name: "Enregistrer une mesure" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "nurse patient page fr-BE");
  await page.getByRole("button", { name: "Nederlands" }).click();
});

/** The login form, then the role's home: the next navigation must not race the session cookie. */
async function signIn(page: Page, username: string, home: string) {
  await loginViaForm(page, username);
  await expect(page).toHaveURL((url) => url.pathname === home);
}

/** A moment about 40 minutes from now as a Belgian `datetime-local` value, on a 5-minute step. */
function brusselsLocalSoon(): { value: string; shown: RegExp } {
  const soon = new Date(Math.ceil((Date.now() + 40 * 60_000) / (5 * 60_000)) * 5 * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Brussels",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(soon)
      .map((part) => [part.type, part.value]),
  );
  return {
    value: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`,
    shown: new RegExp(`${Number(parts.hour)}[.:]${parts.minute}`),
  };
}

test("n.nina plans a visit, updates the care plan and corrects a reading; p.an sees the visit as her next one", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "n.nina", "/nurse");
  await page.goto("/nurse/patients/pat-an");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("An Peeters");

  // A visit sooner than the seeded ones (they start tomorrow), so it becomes An's next visit.
  const purpose = `Bloeddruk nameten na aanpassing medicatie (${randomUUID().slice(0, 6)})`;
  const when = brusselsLocalSoon();
  const visitForm = page.getByRole("form", { name: "Bezoek plannen" });
  await visitForm.getByLabel("Datum en uur").fill(when.value);
  await visitForm.getByLabel("Doel van het bezoek").fill(purpose);
  await visitForm.getByRole("button", { name: "Bezoek plannen" }).click();
  await expect(page.getByText("Het bezoek is gepland.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Geplande bezoeken" }).getByText(purpose)).toBeVisible();
  await page.goto("/nurse");
  await expect(page.getByRole("listitem").filter({ hasText: "An Peeters" }).first()).toContainText(`Volgend bezoek: `);
  await expect(page.getByRole("listitem").filter({ hasText: "An Peeters" }).first()).toContainText(purpose);
  await page.goto("/nurse/patients/pat-an");

  // The care plan: a new description with a reason; the old one stays in the history.
  const planItem = page.getByRole("region", { name: "Zorgplan" }).getByRole("article").first();
  const planTitle = (await planItem.getByRole("heading", { level: 3 }).innerText()).replace(/\s*\(.*\)$/, "");
  const oldDescription = await planItem.locator("p.whitespace-pre-line").first().innerText();
  const newDescription = `${oldDescription} Extra: bloeddruk meten bij elk bezoek.`;
  await planItem.getByText("Bijwerken", { exact: true }).click();
  await planItem.getByLabel("Interventies").fill(newDescription);
  await planItem.getByLabel("Reden van de wijziging").fill("Nieuwe afspraak met de huisarts");
  await planItem.getByRole("button", { name: "Zorgplan opslaan" }).click();
  await expect(page.getByText("Het zorgplan is bijgewerkt. De vorige versie staat in de geschiedenis.")).toBeVisible();
  const updatedItem = page
    .getByRole("region", { name: "Zorgplan" })
    .getByRole("article")
    .filter({ hasText: planTitle })
    .first();
  await expect(updatedItem).toContainText(newDescription);
  await updatedItem.getByText("Geschiedenis (1 wijziging)").click();
  await expect(updatedItem.getByText("Reden: Nieuwe afspraak met de huisarts")).toBeVisible();

  // A reading read off the wrong device: corrected with a reason, the previous value in its history.
  const reading = page
    .getByRole("region", { name: "Laatste metingen" })
    .getByRole("article")
    .filter({ hasText: "141/87 mmHg" })
    .first();
  const readingId = await reading.getAttribute("id");
  await reading.getByText("Meting verbeteren", { exact: true }).click();
  await reading.getByLabel("Verbeterde waarde").fill("139");
  await reading.getByLabel("Onderdruk (diastolisch, mmHg)").fill("86");
  await reading.getByLabel("Reden van de wijziging").fill("kort");
  await reading.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(reading.getByText("Geef een reden van minstens 10 tekens.")).toBeVisible();
  await reading.getByLabel("Reden van de wijziging").fill("Afgelezen van het verkeerde toestel");
  await reading.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(page.getByText("De meting is verbeterd. De vorige waarde staat in de geschiedenis.")).toBeVisible();
  const corrected = page.locator(`[id="${readingId}"]`);
  await expect(corrected).toContainText("139/86 mmHg");
  await corrected.getByText("Geschiedenis (1 wijziging)").click();
  await expect(corrected.getByText("Reden: Afgelezen van het verkeerde toestel")).toBeVisible();
  await expect(corrected.getByText("Vorige meting: 141/87 mmHg")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "nurse patient page with history open nl-BE");

  // p.an, in her own browser: the planned visit is her next visit on her home page.
  const anContext = await browser.newContext();
  const an = await anContext.newPage();
  await signIn(an, "p.an", "/patient");
  const nextVisit = an.getByRole("region", { name: "Volgend bezoek van de verpleegkundige" });
  await expect(nextVisit).toContainText(purpose);
  await expect(nextVisit).toContainText(when.shown);
  await anContext.close();
});

test("p.an asks a correction of a note, s.sara routes it, n.nina corrects the note and resolves the request, p.an reads the answer", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const DESCRIPTION = `Dit verslag klopt niet: de wonde zit aan mijn linkerbeen (${randomUUID().slice(0, 6)}).`;
  const RESOLUTION = "Het verslag is verbeterd: de wonde zit aan het linkerbeen.";

  const anContext = await browser.newContext();
  const an = await anContext.newPage();
  await signIn(an, "p.an", "/patient");
  await an.goto("/patient/corrections");
  const ask = an.getByRole("form", { name: "Wat moet er verbeterd worden?" });
  await ask.getByLabel("Over welk deel van uw dossier gaat het?").selectOption("HEALTH");
  await ask.getByLabel("Over welk verslag gaat het?").selectOption({ index: 1 });
  const entry = await ask.getByLabel("Over welk verslag gaat het?").inputValue();
  const noteId = entry.replace(/^NursingNote:/, "");
  await ask.getByLabel("Wat is er fout en wat moet het zijn?").fill(DESCRIPTION);
  await ask.getByRole("button", { name: "Correctie vragen" }).click();
  await expect(an).toHaveURL(/\/patient\/corrections\?done=requested$/);

  // Her own comment beside a professional assessment: the nurse reads it beside the note.
  const COMMENT = `Ik voelde me die dag wel goed (${randomUUID().slice(0, 6)}).`;
  const assessment = an.getByRole("article", { name: /^Beoordeling van / }).first();
  await assessment.getByLabel("Uw opmerking").fill(COMMENT);
  await assessment.getByRole("button", { name: "Opmerking toevoegen" }).click();
  await expect(an).toHaveURL(/\/patient\/corrections\?done=commented$/);

  const saraContext = await browser.newContext();
  const sara = await saraContext.newPage();
  await signIn(sara, "s.sara", "/service-center");
  await sara.goto("/service-center/corrections");
  // A request about health data: the service center routes it without reading it (issue 10).
  const queued = sara
    .getByRole("article")
    .filter({ hasText: "An Peeters" })
    .filter({ hasText: "Gezondheidsgegevens: de inhoud van deze vraag is alleen voor de verantwoordelijke" })
    .last(); // the earliest term first: hers, asked just now, comes last
  await expect(queued).toBeVisible();
  await expect(sara.getByText(DESCRIPTION)).toHaveCount(0);
  await queued.getByRole("link", { name: "Vraag van An Peeters behandelen" }).click();
  await expect(sara.getByText(DESCRIPTION)).toHaveCount(0);
  await sara.getByRole("button", { name: "Doorgeven aan de verpleegkundige" }).click();
  await expect(sara).toHaveURL(/\/service-center\/corrections\?done=routed$/);
  await saraContext.close();

  await an.goto("/patient/corrections");
  await expect(an.getByRole("article").filter({ hasText: DESCRIPTION })).toContainText(
    "Doorgegeven aan de verantwoordelijke verpleegkundige",
  );

  // n.nina: the request on her home page leads to it on An's work screen.
  await signIn(page, "n.nina", "/nurse");
  await page.getByRole("link", { name: "An Peeters: vraag beantwoorden" }).click();
  await expect(page).toHaveURL(/\/nurse\/patients\/pat-an#corrections$/);
  const requests = page.getByRole("region", { name: /^Vragen tot verbetering voor u/ });
  const request = requests.getByRole("article").filter({ hasText: DESCRIPTION });
  await expect(request).toBeVisible();
  await expectNoSeriousAxeViolations(page, "nurse patient page with a routed request nl-BE");
  await screenshots(page, "nurse-patient-routed-request");
  await expect(
    page
      .getByRole("region", { name: "Verslagen" })
      .getByRole("article")
      .filter({ hasText: COMMENT })
      .getByTestId("patient-comment"),
  ).toContainText(COMMENT);

  // First the note itself, with a reason.
  await request.getByRole("link", { name: "Naar het gegeven waarover de vraag gaat" }).click();
  await expect(page).toHaveURL(new RegExp(`#entry-${noteId}$`));
  const note = page.locator(`[id="entry-${noteId}"]`);
  const text = await note.locator("p.whitespace-pre-line").first().innerText();
  await note.getByText("Verbeteren", { exact: true }).click();
  await note.getByLabel("Verbeterde tekst").fill(`${text} (Wonde aan het linkerbeen.)`);
  await note.getByLabel("Reden van de wijziging").fill("Op vraag van de patiënt: linkerbeen, niet rechts");
  await note.getByRole("button", { name: "Verbetering opslaan" }).click();
  await expect(page.getByText("Het verslag is verbeterd. De vorige versie staat in de geschiedenis.")).toBeVisible();

  // Then the answer: too short first, refused next to the field and kept.
  const resolve = page
    .getByRole("region", { name: /^Vragen tot verbetering voor u/ })
    .getByRole("article")
    .filter({ hasText: DESCRIPTION });
  await resolve.getByLabel("Uw antwoord aan de patiënt").fill("Gedaan.");
  await resolve.getByRole("button", { name: "Vraag afhandelen" }).click();
  await expect(resolve.getByText("Schrijf een antwoord van minstens 10 tekens.")).toBeVisible();
  await expect(resolve.getByLabel("Uw antwoord aan de patiënt")).toHaveValue("Gedaan.");
  await resolve.getByLabel("Uw antwoord aan de patiënt").fill(RESOLUTION);
  await resolve.getByRole("button", { name: "Vraag afhandelen" }).click();
  await expect(page.getByText("De vraag tot verbetering is afgehandeld. De patiënt ziet uw antwoord.")).toBeVisible();
  await expect(page.getByText(DESCRIPTION)).toHaveCount(0);
  await page.goto("/nurse");
  await expect(page.getByRole("link", { name: "An Peeters: vraag beantwoorden" })).toHaveCount(0);

  // p.an: resolved, with the nurse's answer.
  await an.goto("/patient/corrections");
  const mine = an.getByRole("article").filter({ hasText: DESCRIPTION });
  await expect(mine).toContainText("Opgelost");
  await expect(mine).toContainText(`Antwoord: ${RESOLUTION}`);
  await anContext.close();
});

// axe on these pages in every language is tests/e2e/qualities.spec.ts's sweep; here the
// language switcher on the nurse's own pages and their translated headings and forms.
test("the nurse pages are translated in French and English too", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "n.nina", "/nurse");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes patients");
  await page.goto("/nurse/patients/pat-an");
  await expect(page.getByRole("form", { name: "Enregistrer une mesure" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("form", { name: "Record a reading" })).toBeVisible();
  await page.goto("/nurse");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My patients");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn patiënten");
  await signOutViaButton(page);
});

test("n.noah opens An's file through emergency access with a reason, and An sees it in her log", async ({
  page,
  baseURL,
}) => {
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
  const { entries } = (await log.json()) as {
    entries: Array<{ actor: { name: string } | null; emergencyAccess: { reason: string } | null }>;
  };
  expect(entries).toContainEqual(
    expect.objectContaining({
      actor: expect.objectContaining({ name: "Noah Peeters" }),
      emergencyAccess: expect.objectContaining({ reason }),
    }),
  );
});
