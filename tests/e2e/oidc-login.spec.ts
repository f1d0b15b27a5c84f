// eID/itsme sign-in in a real browser, through the local OpenID provider that
// scripts/e2e-server.ts runs for the portal (tests/support/local-oidc-provider.ts, ADR 0015):
// the provider releases the national number at userinfo only, signs ID tokens with ES256, and
// the portal requires eIDAS "substantial" or higher.
import { expect, test, type Page } from "@playwright/test";
import { demoPatients } from "@/lib/demo-world/people";
import { OUTSIDER } from "../support/local-oidc-provider";

const SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
const LOW = "http://eidas.europa.eu/LoA/low";

/** From the portal's login page to the provider's, where the citizen types their national number. */
async function atProvider(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: "Aanmelden met eID / itsme" }).click();
  await expect(page.getByRole("heading", { name: "Local eID test provider" })).toBeVisible();
}

async function signInAtProvider(page: Page, nationalNumber: string, acr = SUBSTANTIAL): Promise<void> {
  await atProvider(page);
  await page.getByLabel("National number").fill(nationalNumber);
  await page.getByLabel("Level of assurance").selectOption(acr);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const alertOnLoginPage = (page: Page) => page.getByRole("main").getByRole("alert");

test("a citizen signs in through the provider and lands on her own page", async ({ page }) => {
  await signInAtProvider(page, demoPatients.an.insz);
  await expect(page).toHaveURL(/\/patient$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("An Peeters");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user.name).toBe("An Peeters");
});

test("a national number the portal does not know is refused", async ({ page }) => {
  await signInAtProvider(page, OUTSIDER.nationalNumber);
  await expect(page).toHaveURL(/\/login\?error=unknown_person$/);
  await expect(alertOnLoginPage(page)).toContainText("nog niet geregistreerd");
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("a login below the required level of assurance is refused with its own message", async ({ page }) => {
  await signInAtProvider(page, demoPatients.an.insz, LOW);
  await expect(page).toHaveURL(/\/login\?error=oidc_insufficient_assurance$/);
  await expect(alertOnLoginPage(page)).toContainText("niet veilig genoeg");
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("a cancel at the provider returns to the login page calmly", async ({ page }) => {
  await atProvider(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/login\?error=oidc_cancelled$/);
  // Information, not an error: a status, not an alert.
  await expect(page.getByRole("main").getByRole("status")).toContainText("geannuleerd");
  await expect(alertOnLoginPage(page)).toHaveCount(0);
});
