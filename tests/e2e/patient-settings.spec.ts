// The patient's settings in a real browser (issue 4), each proven by what another person's next
// HTTP request gets: p.an withdraws consent and d.dirk is refused, gives it again and he reads;
// she excludes c.carl and re-admits him; she appoints t.tina (a wrong last name first: one
// neutral refusal, the typed text kept), Tina reads her file, and the appointment is revoked at
// the end. axe on every page in nl-BE, fr-BE and en; screenshots at 390 and 1280 px.
//
// State-changing: the demo world is reseeded first and the spec leaves it as it found it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { loginOverHttp, signedInContextPool, signInTo, signOutViaButton } from "./support/login";
import { saveScreenshotsWithAxe } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const { signedIn, disposeAll } = signedInContextPool();

/** Status and error code of a read of An's file. */
async function readAn(context: APIRequestContext): Promise<{ status: number; code?: string }> {
  const response = await context.get("/api/patients/pat-an/record");
  if (response.status() === 200) return { status: 200 };
  const body = (await response.json()) as { error?: { code?: string } };
  return { status: response.status(), code: body.error?.code };
}

test.beforeAll(async () => {
  await reseedDemoWorld();
});

test.afterAll(async () => {
  await disposeAll();
});

test("p.an withdraws her consent: d.dirk is refused on his next request; she gives it again and he reads", async ({
  page,
  baseURL,
}) => {
  const dirk = await signedIn(baseURL, "d.dirk");
  expect(await readAn(dirk)).toEqual({ status: 200 });

  await signInTo(page, "p.an", "/patient");
  await page.goto("/patient/consent");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn toestemming");
  await expect(page.getByTestId("consent-status")).toHaveText("U hebt uw toestemming gegeven.");
  await expect(page.getByText("Toestemming intrekken", { exact: true }).first()).toBeVisible();
  await saveScreenshotsWithAxe(page, "patient-consent");

  await page.getByRole("button", { name: "Toestemming intrekken" }).click();
  await expect(page).toHaveURL(/\/patient\/consent\?done=withdrawn$/);
  await expect(page.getByRole("status").filter({ hasText: "U hebt uw toestemming ingetrokken." })).toBeVisible();
  await expect(page.getByTestId("consent-status")).toHaveText("U hebt geen toestemming gegeven.");
  // The history shows the withdrawal first, by An herself.
  await expect(page.getByRole("listitem").filter({ hasText: "Toestemming ingetrokken" }).first()).toContainText(
    "door uzelf",
  );
  expect(await readAn(dirk)).toEqual({ status: 403, code: "forbidden" });

  await page.getByRole("button", { name: "Toestemming geven" }).click();
  await expect(page).toHaveURL(/\/patient\/consent\?done=given$/);
  await expect(page.getByTestId("consent-status")).toHaveText("U hebt uw toestemming gegeven.");
  expect(await readAn(dirk)).toEqual({ status: 200 });
  await signOutViaButton(page);
});

test("p.an excludes c.carl and re-admits him; he is refused only while excluded", async ({ page, baseURL }) => {
  const carl = await signedIn(baseURL, "c.carl");
  expect(await readAn(carl)).toEqual({ status: 200 });

  await signInTo(page, "p.an", "/patient");
  await page.goto("/patient/exclusions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zorgverleners uitsluiten");
  // Eva is excluded in the demo world; Carl is offered in the list of her caregivers.
  await expect(page.getByRole("form", { name: "Uitsluiting van Dr. Eva Jacobs opheffen" })).toBeVisible();
  await saveScreenshotsWithAxe(page, "patient-exclusions");

  await page.getByRole("form", { name: "Carl Hermans uitsluiten" }).getByRole("button", { name: "Uitsluiten" }).click();
  await expect(page).toHaveURL(/\/patient\/exclusions\?done=excluded$/);
  await expect(page.getByRole("status").filter({ hasText: "De zorgverlener is uitgesloten." })).toBeVisible();
  expect(await readAn(carl)).toEqual({ status: 403, code: "forbidden" });

  await page
    .getByRole("form", { name: "Uitsluiting van Carl Hermans opheffen" })
    .getByRole("button", { name: "Opheffen" })
    .click();
  await expect(page).toHaveURL(/\/patient\/exclusions\?done=lifted$/);
  await expect(page.getByRole("form", { name: "Carl Hermans uitsluiten" })).toBeVisible();
  expect(await readAn(carl)).toEqual({ status: 200 });
});

test("p.an appoints t.tina, who then reads her file; revoked at the end", async ({ page, baseURL, browser }) => {
  const tina = await signedIn(baseURL, "t.tina");
  expect(await readAn(tina)).toEqual({ status: 403, code: "forbidden" });

  await signInTo(page, "p.an", "/patient");
  await page.goto("/patient/trusted-persons");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn vertrouwenspersonen");
  await expect(page.getByRole("form", { name: "Tom Peeters intrekken als vertrouwenspersoon" })).toBeVisible();
  await saveScreenshotsWithAxe(page, "patient-trusted-persons");

  const appoint = page.getByRole("form", { name: "Een vertrouwenspersoon aanduiden" });
  // A wrong check digit: refused next to the field, with the typed text kept.
  await appoint.getByLabel("Rijksregisternummer").fill("72.09.08-094.78");
  await appoint.getByLabel("Familienaam").fill("Claes");
  await appoint.getByRole("button", { name: "Aanduiden" }).click();
  const insz = appoint.getByLabel("Rijksregisternummer");
  await expect(insz).toHaveAttribute("aria-invalid", "true");
  await expect(insz).toHaveValue("72.09.08-094.78");
  await expect(insz).toBeFocused();

  // A valid number with a name that does not match: the one neutral refusal.
  await insz.fill("72090809477");
  await appoint.getByLabel("Familienaam").fill("Peeters");
  await appoint.getByRole("button", { name: "Aanduiden" }).click();
  await expect(appoint.getByRole("alert")).toHaveText(
    "We vinden geen persoon met dit rijksregisternummer en deze familienaam. Controleer wat u hebt ingevuld.",
  );
  await expect(appoint.getByLabel("Familienaam")).toHaveValue("Peeters");
  await expectNoSeriousAxeViolations(page, "with a form error");
  expect(await readAn(tina)).toEqual({ status: 403, code: "forbidden" });

  await appoint.getByLabel("Familienaam").fill("Claes");
  await appoint.getByRole("button", { name: "Aanduiden" }).click();
  await expect(page).toHaveURL(/\/patient\/trusted-persons\?done=appointed$/);
  await expect(page.getByRole("status").filter({ hasText: "De vertrouwenspersoon is aangeduid." })).toBeVisible();
  await expect(page.getByText("Tina Claes", { exact: true })).toBeVisible();
  expect(await readAn(tina)).toEqual({ status: 200 });

  // Tina, in a browser of her own: An is on her list and her file opens, read-only.
  const tinaBrowser = await browser.newContext();
  const tinaPage = await tinaBrowser.newPage();
  await signInTo(tinaPage, "t.tina", "/trusted-person");
  await expect(tinaPage.getByRole("region", { name: "Wie heeft u aangeduid?" })).toContainText("An Peeters");
  await tinaPage.getByRole("link", { name: "Dossier van An Peeters lezen" }).click();
  await expect(tinaPage.getByRole("heading", { level: 1 })).toHaveText("Dossier van An Peeters");
  await expect(tinaPage.getByRole("region", { name: /^Bloeddruk/ }).getByRole("table")).toBeVisible();
  // Read-only: no write button, and no way to the correction form (a link, not a button).
  await expect(tinaPage.getByRole("button", { name: /verbeter|wijzig|opslaan/i })).toHaveCount(0);
  await expect(tinaPage.getByRole("link", { name: /verbetering vragen/i })).toHaveCount(0);
  await signOutViaButton(tinaPage);
  await tinaBrowser.close();

  await page
    .getByRole("form", { name: "Tina Claes intrekken als vertrouwenspersoon" })
    .getByRole("button", { name: "Intrekken" })
    .click();
  await expect(page).toHaveURL(/\/patient\/trusted-persons\?done=revoked$/);
  await expect(page.getByText("Tina Claes", { exact: true })).toHaveCount(0);
  expect(await readAn(tina)).toEqual({ status: 403, code: "forbidden" });
});

// axe on these pages in every language is tests/e2e/qualities.spec.ts's sweep; here the
// language switcher and the translated headings.
test("the settings pages are translated in French and English", async ({ page }) => {
  await signInTo(page, "p.an", "/patient");
  const pages = [
    { path: "/patient/consent", fr: "Mon consentement", en: "My consent" },
    { path: "/patient/exclusions", fr: "Exclure des soignants", en: "Exclude caregivers" },
    { path: "/patient/trusted-persons", fr: "Mes personnes de confiance", en: "My trusted persons" },
  ];
  await page.goto(pages[0]!.path);
  await page.getByRole("button", { name: "Français" }).click();
  // The switch is a form post: wait for its answer before moving on.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages[0]!.fr);
  for (const item of pages) {
    await page.goto(item.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.fr);
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages[2]!.en);
  for (const item of pages) {
    await page.goto(item.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.en);
  }
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn vertrouwenspersonen");
});

test("another role is sent to its own home page", async ({ page }) => {
  await loginOverHttp(page.context().request, "t.tom");
  for (const path of ["/patient/consent", "/patient/exclusions", "/patient/trusted-persons"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/trusted-person$/);
  }
});
