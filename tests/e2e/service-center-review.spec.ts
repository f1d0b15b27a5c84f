// The service center's review list in a real browser (issue 3): a doctor walking through patient
// ids is suspended and appears with his cause; a nurse's emergency access appears for review.
// s.sara lifts the suspension with a reason (a too-short one is refused next to the field, the
// text kept) and the doctor's next request is decided on its merits again; she marks the
// emergency access reviewed. Screenshots at phone and desktop width, axe on the page.
//
// State-changing: the demo world is reseeded first. The access log survives reseeds, so d.frank
// may be suspended before his 20th probe if an earlier spec in this run made him ask too.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { loginOverHttp, loginViaFormTo, signedInContextPool, signOutViaButton } from "./support/login";
import { saveScreenshot } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

const EMERGENCY_REASON = "Alarmknop ingedrukt, patiënt niet bereikbaar, deur op slot";
const LIFT_REASON = "Gebeld met dr. Willems: testscript van zijn praktijksoftware, afgesproken dat het stopt.";

const { signedIn, disposeAll } = signedInContextPool();
let frank: APIRequestContext;

async function errorCode(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code;
}

test.beforeAll(async ({ baseURL }) => {
  await reseedDemoWorld();

  // d.frank walks through patient ids until the portal suspends him.
  frank = await signedIn(baseURL, "d.frank");
  let suspendedAt: number | null = null;
  for (let n = 1; n <= 25 && suspendedAt === null; n += 1) {
    const response = await frank.get(`/api/patients/pat-probe-${n}/record`);
    expect(response.status(), `probe ${n}`).toBe(403);
    const code = await errorCode(response);
    if (code === "suspended") suspendedAt = n;
    else expect(code, `probe ${n}`).toBe("forbidden");
  }
  expect(suspendedAt, "d.frank is suspended within 25 probes").not.toBeNull();

  // n.noah breaks the glass for Bart, outside his care team.
  const noah = await signedIn(baseURL, "n.noah");
  const emergency = await noah.post("/api/patients/pat-bart/emergency-access", { data: { reason: EMERGENCY_REASON } });
  expect(emergency.status()).toBe(201);
});

test.afterAll(async () => {
  await disposeAll();
});

test("s.sara lifts d.frank's suspension with a reason and reviews n.noah's emergency access", async ({
  page,
  baseURL,
}) => {
  await loginViaFormTo(page, "s.sara", "/service-center");
  await page.getByRole("link", { name: "Schorsingen en noodtoegang beoordelen" }).click();
  await expect(page).toHaveURL(/\/service-center\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Te beoordelen");

  // The suspension, with its cause in plain words: how many distinct files, in which window.
  const suspension = page.getByRole("article", { name: "Dr. Frank Willems" });
  await expect(suspension).toBeVisible();
  await expect(suspension).toContainText("Veel verschillende dossiers geraadpleegd zonder zorgrelatie");
  await expect(suspension).toContainText(/Geschorst sinds \d{1,2} \w+ 20\d\d/);
  const cause = (await suspension.getByRole("definition").first().textContent()) ?? "";
  const distinct = /(\d+) verschillende dossiers binnen 10 minuten/.exec(cause);
  expect(distinct, cause).not.toBeNull();
  expect(Number(distinct![1])).toBeGreaterThanOrEqual(20);

  // The emergency access, with the nurse's own reason and its validity.
  const emergency = page.getByRole("article", { name: "Noah Peeters bij Bart Claes" });
  await expect(emergency).toContainText(EMERGENCY_REASON);
  await expect(emergency).toContainText(/Nog geldig tot/);

  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, "review-phone");
  await expectNoSeriousAxeViolations(page, "at 390 px");
  await page.setViewportSize({ width: 1280, height: 900 });
  await saveScreenshot(page, "review-desktop");
  await expectNoSeriousAxeViolations(page, "at 1280 px");

  // A reason that is too short: refused next to the field, the text kept, nothing lifted.
  const reason = suspension.getByLabel("Reden voor het opheffen");
  await reason.fill("ok hoor");
  await suspension.getByRole("button", { name: "Schorsing opheffen" }).click();
  const fieldError = suspension.getByText("Geef een reden van minstens 10 tekens.");
  await expect(fieldError).toBeVisible();
  await expect(reason).toHaveValue("ok hoor");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(/Geef een reden van minstens 10 tekens\./);
  await expect(reason).toBeFocused();
  expect(await errorCode(await frank.get("/api/patients/pat-an/record"))).toBe("suspended");
  await expectNoSeriousAxeViolations(page, "with a field error");

  // A proper reason: confirmed, and the item leaves the list.
  await reason.fill(LIFT_REASON);
  await suspension.getByRole("button", { name: "Schorsing opheffen" }).click();
  await expect(page).toHaveURL(/\/service-center\/review\?done=lifted$/);
  await expect(page.getByRole("status").filter({ hasText: "De schorsing is opgeheven." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Dr. Frank Willems" })).toHaveCount(0);
  await expect(page.getByText("Er is op dit moment niemand geschorst.")).toBeVisible();

  // The suspension ended d.frank's session for good (ADR 0014): lifted, his old cookie is no
  // session at all. Signed in again, his requests are decided on their merits: no relation with
  // An, so forbidden.
  expect((await frank.get("/api/patients/pat-an/record")).status()).toBe(401);
  const frankAgain = await signedIn(baseURL, "d.frank");
  const after = await frankAgain.get("/api/patients/pat-an/record");
  expect(after.status()).toBe(403);
  expect(await errorCode(after)).toBe("forbidden");

  // The emergency access: marked reviewed with a note, and gone from the list.
  await page
    .getByRole("article", { name: "Noah Peeters bij Bart Claes" })
    .getByLabel("Notitie bij de beoordeling")
    .fill("Nagevraagd bij de hoofdverpleegkundige: terecht.");
  await page
    .getByRole("article", { name: "Noah Peeters bij Bart Claes" })
    .getByRole("button", { name: "Markeren als beoordeeld" })
    .click();
  await expect(page).toHaveURL(/\/service-center\/review\?done=reviewed$/);
  await expect(
    page.getByRole("status").filter({ hasText: "De noodtoegang is gemarkeerd als beoordeeld." }),
  ).toBeVisible();
  await expect(page.getByRole("article", { name: "Noah Peeters bij Bart Claes" })).toHaveCount(0);
  await expect(page.getByText("Er is geen noodtoegang die nog beoordeeld moet worden.")).toBeVisible();
  await signOutViaButton(page);
});

test("the review page is for the service center only", async ({ page }) => {
  await loginOverHttp(page.context().request, "n.nina");
  await page.goto("/service-center/review");
  // requirePageActor sends another role to its own home page.
  await expect(page).toHaveURL(/\/nurse$/);
  await expect(page.getByText("Te beoordelen")).toHaveCount(0);
});
