// A second factor for n.nina (issue 10, ADR 0014), in the browser: she sets up TOTP from the link
// in the header (QR code and key, the first code from the "app" turns it on, the recovery codes
// are shown once), and at her next login the portal asks for the code after her password: a
// wrong code is refused next to the field, the current one lets her in. The authenticator app is
// otplib, computing the codes from the key the page shows. Other demo accounts keep signing in
// with "demo" alone. axe on the set-up page and on the code step.
//
// State-changing: the demo world is reseeded before and after (the seed removes enrolments).
import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import {
  currentSession,
  loginOverHttp,
  loginViaForm,
  loginViaFormTo,
  postDemoCredentials,
  signOutViaButton,
} from "./support/login";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

/** The code an authenticator app shows `offsetSeconds` from now. */
function codeAt(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

test("n.nina enrols a second factor and needs it at her next login", async ({ page }) => {
  test.setTimeout(90_000);
  await loginViaFormTo(page, "n.nina", "/nurse");
  await page.getByRole("banner").getByRole("link", { name: "Tweede factor" }).click();
  await expect(page).toHaveURL(/\/account\/second-factor$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tweede factor");
  await page.getByRole("button", { name: "Een tweede factor instellen" }).click();

  await expect(
    page.getByRole("img", { name: "QR-code om dit portaal aan een authenticatie-app toe te voegen" }),
  ).toBeVisible();
  const secret = (await page.getByTestId("second-factor-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoSeriousAxeViolations(page, "second-factor set-up");

  // A wrong code does not turn it on.
  const confirm = page.getByRole("form", { name: "Bevestigen en inschakelen" });
  const wrong = (await codeAt(secret)) === "000000" ? "111111" : "000000";
  await confirm.getByLabel("Code uit de app").fill(wrong);
  await confirm.getByRole("button", { name: "Bevestigen en inschakelen" }).click();
  await expect(confirm.getByText("Deze code klopt niet, of werd al gebruikt.")).toBeVisible();

  await confirm.getByLabel("Code uit de app").fill(await codeAt(secret));
  await confirm.getByRole("button", { name: "Bevestigen en inschakelen" }).click();
  const recovery = page.getByRole("list", { name: "Uw herstelcodes" });
  await expect(recovery.getByRole("listitem")).toHaveCount(10);
  await expect(recovery.getByRole("listitem").first()).toHaveText(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  await page.getByRole("link", { name: "Ik heb ze bewaard: verdergaan" }).click();
  await expect(page).toHaveURL(/\/nurse$/);
  await signOutViaButton(page);

  // Her next login: the password alone is not enough.
  await loginViaForm(page, "n.nina");
  const codeStep = page.getByRole("form", { name: "Tweede stap: uw code" });
  await expect(codeStep).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expectNoSeriousAxeViolations(page, "login code step");
  await codeStep.getByLabel("Code").fill(wrong);
  await codeStep.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Deze code klopt niet, of werd al gebruikt." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // The next time step's code: the one used to confirm the set-up may still be current, and a
  // code is accepted only once (a phone app would show the new code a few seconds later).
  await codeStep.getByLabel("Code").fill(await codeAt(secret, 30));
  await codeStep.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page).toHaveURL(/\/nurse$/);
  await expect(page.getByRole("banner")).toContainText("Nina De Smet");
  await signOutViaButton(page);
});

test("over HTTP, n.nina's password alone gives no session; other demo accounts still sign in with demo", async ({
  request,
}) => {
  // The state of the first test (n.nina enrolled) holds until the afterAll reseed.
  const response = await postDemoCredentials(request, "n.nina", "demo");
  expect(response.status()).toBe(302);
  expect(response.headers().location).toMatch(/error=second_factor_required/);
  expect(await currentSession(request)).toBeNull();
  await loginOverHttp(request, "n.noah");
});
