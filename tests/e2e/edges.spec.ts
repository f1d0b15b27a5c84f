// The Content-Security-Policy and the cross-site rule in a real browser (ADR 0012): pages
// hydrate and work under a nonce policy (the JavaScript login, the server-drawn charts, next-intl's
// language switch, the nurse's forms) without a single CSP violation, every script element
// carries the response's nonce, and a link from another site to a file page opens a calm notice
// in the person's language instead of the file.
import { expect, test, type Page } from "@playwright/test";
import { reseedDemoWorld } from "./support/demo-world";
import { loginViaFormTo, signOutViaButton } from "./support/login";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
});

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
      found.push(message.text());
    }
  });
  // A binding, not a variable on the page: it survives navigations and reports at once.
  await page.exposeFunction("reportCspViolation", (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}`);
    });
  });
  return async () => [...found];
}

/** The nonce of the page's policy, and the nonce every script element carries. */
async function expectScriptsCarryNonce(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce, `${path}: a nonce in the policy`).toBeTruthy();
  // Browsers hide the nonce attribute from the DOM once parsed; the property keeps it.
  const nonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  for (const scriptNonce of nonces) expect(scriptNonce, path).toBe(nonce);
}

test("pages hydrate and work under the nonce policy, with no CSP violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);

  // The login form signs in through JavaScript (next-auth's client): it only works hydrated.
  await loginViaFormTo(page, "p.an", "/patient");
  expect(await violations(), "after login").toEqual([]);

  await expectScriptsCarryNonce(page, "/patient/file");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn verpleegdossier");
  // The charts are drawn on the server (ADR 0025): an inline SVG, no style or script of its own.
  const chart = page.getByRole("region", { name: /^Bloeddruk/ }).getByRole("img", { name: /^Bloeddruk/ });
  await expect(chart.locator("svg polyline")).toHaveCount(2);
  expect(await violations(), "on the file with its charts").toEqual([]);

  // next-intl and a server action: the language switch.
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon dossier infirmier");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn verpleegdossier");

  await page.goto("/patient/access-log");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations(), "on the access log").toEqual([]);
  await signOutViaButton(page);

  await loginViaFormTo(page, "n.nina", "/nurse");
  // The browser's own check of a form, with zod (components/forms/action-form.tsx): zod is loaded
  // with the form's script only, and must already find the jitless setting that
  // instrumentation-client.ts made, or its `new Function` probe is a CSP violation.
  const emergency = page.getByRole("form", { name: "Noodtoegang tot een dossier" });
  await emergency.getByRole("button", { name: "Noodtoegang openen" }).click();
  await expect(emergency.getByText("Vul het rijksregisternummer van de patiënt in.")).toBeVisible();
  expect(await violations(), "after the browser checked a form with zod").toEqual([]);
  await expectScriptsCarryNonce(page, "/nurse/patients/pat-an");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("An Peeters");
  expect(await violations(), "on the nurse's work screen").toEqual([]);
  await signOutViaButton(page);
  expect(await violations(), "at the end").toEqual([]);
});

test("a link from another site to a file page opens a calm notice in the person's language, then the file", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  await loginViaFormTo(page, "p.an", "/patient");
  // Another site, served by the test itself: a page with a link into the portal.
  await page.route("http://elsewhere.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Elders</title><a href="${baseURL}/patient/file">Bekijk het dossier</a>`,
    }),
  );

  await page.goto("http://elsewhere.test/");
  await page.getByRole("link", { name: "Bekijk het dossier" }).click();
  await expect(page).toHaveURL(/\/patient\/file$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open deze pagina vanuit het portaal");
  await expect(page.getByText("Mijn verpleegdossier")).toHaveCount(0);
  await expect(page.getByText("41031212410")).toHaveCount(0);

  // Opened from the portal itself, the same address shows the file.
  await page.getByRole("link", { name: "Pagina openen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn verpleegdossier");

  // In French for someone who reads French.
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon dossier infirmier");
  await page.goto("http://elsewhere.test/");
  await page.getByRole("link", { name: "Bekijk het dossier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ouvrez cette page depuis le portail");
  await page.getByRole("link", { name: "Aller au portail" }).click();
  await expect(page).toHaveURL(/\/patient$/);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, An Peeters");

  expect(await violations()).toEqual([]);
});
