// The foundation in a real browser: login, the landing page per role, the declaration gate
// and sign-out. Written against the UI contract of the login, patient, declaration and
// caregiver pages (Dutch is the default language).
//
// d.gert has accepted declaration version 3 only (shared/spec/demo-world.md); the declaration
// test below accepts version 4 for him. The world is reseeded first, so whatever ran before on
// this worker's server, he starts at version 3; the HTTP checks on his acceptance are
// idempotent, so they hold whether or not this spec ran before them on the same server.
import { expect, test } from "@playwright/test";
import { reseedDemoWorld } from "./support/demo-world";
import { loginViaForm } from "./support/login";

test.beforeAll(async () => {
  await reseedDemoWorld();
});

test.describe("login", () => {
  test("a wrong password shows an alert and stays on the login page", async ({ page }) => {
    await loginViaForm(page, "p.an", "not-the-password");
    // Inside <main>: Next's route announcer is an (empty) alert of its own outside it.
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    // The alert must not say which of the two was wrong: that would confirm the username exists.
    await expect(alert).not.toContainText("p.an");
  });

  test("a patient lands on their own page, in their role", async ({ page }) => {
    await loginViaForm(page, "p.an");
    await expect(page).toHaveURL(/\/patient$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("An Peeters");
    await expect(page.getByText("Patiënt").first()).toBeVisible();
  });
});

test.describe("declaration gate", () => {
  test("a doctor with an older accepted declaration must accept version 4 first", async ({ page }) => {
    await loginViaForm(page, "d.gert");
    await expect(page).toHaveURL(/\/declaration$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Gebruikersverklaring");
    await expect(page.getByText(/versie 4/i).first()).toBeVisible();

    // Until he accepts, his own home page sends him back to the declaration.
    await page.goto("/caregiver");
    await expect(page).toHaveURL(/\/declaration$/);

    await page.getByRole("button", { name: "Ik aanvaard deze verklaring" }).click();
    await expect(page).toHaveURL(/\/caregiver$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Gert Mertens");

    // Accepted once is accepted: the gate stays open on the next visit.
    await page.goto("/caregiver");
    await expect(page).toHaveURL(/\/caregiver$/);
  });
});

test.describe("sign-out", () => {
  test("Afmelden ends the session; the patient page then sends to the login page", async ({ page }) => {
    await loginViaForm(page, "p.an");
    await expect(page).toHaveURL(/\/patient$/);

    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page).toHaveURL(/\/login(\?|$)/);

    await page.goto("/patient");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByText("An Peeters")).toHaveCount(0);
  });

  test("without a session the patient page sends to the login page", async ({ page }) => {
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByRole("button", { name: "Aanmelden", exact: true })).toBeVisible();
  });
});
