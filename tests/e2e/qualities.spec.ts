// The qualities of issue 4 across the whole portal, in a real browser: every page of every role
// of the demo world (the roles added with issue 11 included), in nl-BE, fr-BE and en, has no serious or critical axe violation, the
// document language of the chosen language and exactly one <h1>; no page lands on an error or
// on a page it was not asked for. Each role's home page is photographed at phone and desktop
// width; the home pages and the file pages reflow at 200% zoom (640 CSS px) and at 320 CSS px
// (WCAG 1.4.10) without horizontal scrolling; and p.an signs in and reaches her consent page
// and back with the keyboard only.
//
// Visits only read, except one correction request p.bart asks so that the service center has a
// request to open; the world is reseeded before and after (the access log keeps its entries:
// it is append-only).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { seriousAxeViolations } from "./support/axe";
import { reseedDemoWorld } from "./support/demo-world";
import { loginOverHttp, loginViaFormTo } from "./support/login";
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, saveScreenshot } from "./support/screenshot";

const LOCALES = ["nl-BE", "fr-BE", "en"] as const;
type Locale = (typeof LOCALES)[number];
/**
 * axe rules whose result cannot depend on the language, run in the first language only: colour
 * contrast measures the colours of text and background, which the language does not change (the
 * same classes in every language). It was half the scan's time in the other two (ADR 0026).
 */
const SAME_IN_EVERY_LANGUAGE = ["color-contrast"] as const;
/** The language switcher's cookie (lib/i18n/config.ts localeCookieName). */
const LOCALE_COOKIE = "NEXT_LOCALE";

/** A page to visit: where to go and where the browser must end up (no silent redirect). */
/** notFound: the portal's own "page not found" must show (by its heading, in the language). */
type Visit = { path: string; landsOn?: string; status?: number; notFound?: boolean };

/** The not-found page's heading in each language, from the portal's own messages. */
const notFoundTitle = Object.fromEntries(
  LOCALES.map((locale) => {
    const messages = JSON.parse(readFileSync(resolve("messages", `${locale}.json`), "utf8")) as {
      errors: { notFound: { title: string } };
    };
    return [locale, messages.errors.notFound.title];
  }),
) as Record<Locale, string>;

const CORRECTION_DESCRIPTION = "Mijn huisnummer klopt niet: het is 12 en niet 21 (kwaliteitscontrole).";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  await reseedDemoWorld();
  // The queue is empty in the demo world; one request gives the service center a detail page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginViaFormTo(page, "p.bart", "/patient");
  await page.goto("/patient/corrections");
  const form = page.getByRole("form", { name: "Wat moet er verbeterd worden?" });
  await form.getByLabel("Over welk deel van uw dossier gaat het?").selectOption("CONTACT");
  await form.getByLabel("Wat is er fout en wat moet het zijn?").fill(CORRECTION_DESCRIPTION);
  await form.getByRole("button", { name: "Correctie vragen" }).click();
  await expect(page).toHaveURL(/\/patient\/corrections\?done=requested$/);
  await context.close();
});

test.afterAll(async () => {
  await reseedDemoWorld();
});

async function setLocale(context: BrowserContext, baseURL: string, locale: Locale): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
}

/** Everything wrong with one page in one language, as readable lines ([] when all is well). */
async function problemsOf(page: Page, visit: Visit, locale: Locale): Promise<string[]> {
  const where = `${visit.path} [${locale}]`;
  const response = await page.goto(visit.path);
  const problems: string[] = [];
  const status = response?.status() ?? 0;
  if (visit.status ? status !== visit.status : status >= 400)
    problems.push(`${where}: HTTP ${status}, expected ${visit.status ?? "< 400"}`);
  const expected = visit.landsOn ?? new URL(visit.path, page.url()).pathname;
  // A redirect from a page that already streams (its loading state) happens in the browser,
  // after the load event: wait for the URL to settle before judging the page.
  const landed = await expect
    .poll(() => new URL(page.url()).pathname, { timeout: 5_000 })
    .toBe(expected)
    .then(
      () => expected,
      () => new URL(page.url()).pathname,
    );
  if (landed !== expected) problems.push(`${where}: landed on ${landed}, expected ${expected}`);
  // The page itself, not the loading state (which has no <h1>).
  await page
    .locator("main h1")
    .first()
    .waitFor({ state: "visible", timeout: 10_000 })
    .catch(() => undefined);
  const lang = await page.locator("html").getAttribute("lang");
  if (lang !== locale) problems.push(`${where}: <html lang="${lang}">, expected "${locale}"`);
  const h1s = await page.locator("h1").count();
  if (h1s !== 1) problems.push(`${where}: ${h1s} <h1> elements, expected exactly one`);
  if (visit.notFound) {
    const heading = (await page.locator("main h1").first().textContent())?.trim();
    if (heading !== notFoundTitle[locale])
      problems.push(`${where}: heading "${heading}", expected the not-found page's "${notFoundTitle[locale]}"`);
  }
  // A raw error would be Next's own error screen or a stack trace instead of a page.
  const body = await page.locator("body").innerText();
  if (/Application error|Internal Server Error|Unhandled Runtime Error|at \w+ \(.*:\d+:\d+\)/.test(body)) {
    problems.push(`${where}: shows a raw error`);
  }
  const except = locale === LOCALES[0] ? [] : SAME_IN_EVERY_LANGUAGE;
  for (const violation of await seriousAxeViolations(page, { except })) problems.push(`${where}: axe ${violation}`);
  return problems;
}

/** Visits every page in every language and fails once, listing every problem found. */
async function expectEveryPageInEveryLanguage(page: Page, baseURL: string, visits: readonly Visit[]): Promise<void> {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    await setLocale(page.context(), baseURL, locale);
    for (const visit of visits) problems.push(...(await problemsOf(page, visit, locale)));
  }
  await setLocale(page.context(), baseURL, "nl-BE");
  expect(problems, `pages with problems (${visits.length} pages x ${LOCALES.length} languages)`).toEqual([]);
}

/** The role's home page at phone and desktop width, in Dutch. */
async function screenshotHome(page: Page, home: string, name: string): Promise<void> {
  await page.goto(home);
  // Not the loading state: the page's own heading is there.
  await expect(page.locator("main h1")).toBeVisible();
  await page.setViewportSize(PHONE_VIEWPORT);
  await saveScreenshot(page, `qualities-${name}-home-phone`, { always: true });
  await page.setViewportSize(DESKTOP_VIEWPORT);
  await saveScreenshot(page, `qualities-${name}-home-desktop`, { always: true });
}

/**
 * Reflow (WCAG 1.4.10): at 200% zoom of a 1280 px window (640 CSS px) and at 320 CSS px (400%),
 * no horizontal scrolling of the page, and the page's heading, the way home and the sign-out
 * button are on screen. A zoomed browser lays out exactly like a narrower viewport in CSS px,
 * which is what is set here: each page is loaded once and laid out at both widths, as zooming
 * a page that is already open does. A page the browser already shows is not loaded again.
 */
async function expectReflow(page: Page, paths: readonly string[]): Promise<void> {
  const problems: string[] = [];
  for (const path of paths) {
    const shown = new URL(page.url());
    if (`${shown.pathname}${shown.search}` !== path) await page.goto(path);
    // Measure the page itself, not a loading state that streaming may still show.
    await page
      .locator("main h1")
      .waitFor({ state: "visible", timeout: 10_000 })
      .catch(() => undefined);
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: width === 640 ? 450 : 568 });
      problems.push(...(await reflowProblems(page, `${path} at ${width} CSS px`)));
    }
    await page.setViewportSize(DESKTOP_VIEWPORT);
  }
  expect(problems, "reflow at 200% and 400% zoom").toEqual([]);
}

/** What does not reflow on the page as it is laid out now ([] when all is well). */
async function reflowProblems(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const tooWide = (element: Element) =>
      element.getBoundingClientRect().right > root.clientWidth + 1 &&
      // Content inside a horizontally scrolling box (a wide table) may be wider.
      !element.parentElement?.closest(".overflow-x-auto, .overflow-auto");
    // The innermost culprits: too wide themselves, but none of their children is.
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => tooWide(element) && ![...element.children].some(tooWide))
      .slice(0, 5)
      .map((element) => {
        const id = element.getAttribute("id");
        const text = (element.textContent ?? "").trim().slice(0, 30);
        const width = Math.round(element.getBoundingClientRect().width);
        return `${element.tagName.toLowerCase()}${id ? `#${id}` : ""}.${[...element.classList].slice(0, 4).join(".")} (${width} px) "${text}"`;
      });
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  if (overflow.scrollWidth > overflow.clientWidth + 1) {
    problems.push(
      `${where}: scrolls sideways (${overflow.scrollWidth} > ${overflow.clientWidth}); widest: ${overflow.wide.join(", ")}`,
    );
  }
  const checks = [
    ["main heading", page.locator("h1")],
    ["link home", page.getByRole("banner").getByRole("link").first()],
    ["sign-out button", page.getByRole("banner").getByRole("button", { name: "Afmelden" })],
  ] as const;
  for (const [what, locator] of checks) {
    const visible = await locator.waitFor({ state: "visible", timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    const box = visible ? await locator.boundingBox() : null;
    if (!box) problems.push(`${where}: ${what} not visible`);
    else if (box.x < 0 || box.x + box.width > overflow.clientWidth + 1)
      problems.push(`${where}: ${what} partly off screen`);
  }
  return problems;
}

type Role = { name: string; username: string; home: string; visits: Visit[]; reflow: string[] };

const roles: Role[] = [
  {
    name: "patient",
    username: "p.an",
    home: "/patient",
    visits: [
      { path: "/patient" },
      { path: "/patient/file" },
      { path: "/patient/access-log" },
      { path: "/patient/trusted-persons" },
      { path: "/patient/exclusions" },
      { path: "/patient/consent" },
      { path: "/patient/corrections" },
      { path: "/privacy" },
      // An address that does not exist: the portal's own page, not a raw error.
      { path: "/patient/no-such-page", status: 404, notFound: true },
    ],
    reflow: ["/patient", "/patient/file"],
  },
  {
    name: "trusted-person",
    username: "t.tom",
    home: "/trusted-person",
    visits: [
      { path: "/trusted-person" },
      { path: "/trusted-person/patients/pat-an" },
      { path: "/trusted-person/patients/pat-bart" },
    ],
    reflow: ["/trusted-person", "/trusted-person/patients/pat-an"],
  },
  {
    name: "doctor",
    username: "d.dirk",
    home: "/caregiver",
    // The lookup by national number is part of the home page; Bart's file is the refusal (no consent).
    visits: [
      { path: "/caregiver" },
      { path: "/caregiver/patients/pat-an" },
      { path: "/caregiver/patients/pat-an/correction" },
      { path: "/caregiver/patients/pat-bart" },
    ],
    reflow: ["/caregiver", "/caregiver/patients/pat-an"],
  },
  {
    name: "caregiver",
    username: "c.carl",
    home: "/caregiver",
    visits: [{ path: "/caregiver" }, { path: "/caregiver/patients/pat-an" }],
    reflow: ["/caregiver", "/caregiver/patients/pat-an"],
  },
  {
    name: "nurse",
    username: "n.nina",
    home: "/nurse",
    // Dina's file is past its window: the refusal with the emergency-access form.
    visits: [{ path: "/nurse" }, { path: "/nurse/patients/pat-an" }, { path: "/nurse/patients/pat-dina" }],
    reflow: ["/nurse", "/nurse/patients/pat-an"],
  },
  {
    name: "service-center",
    username: "s.sara",
    home: "/service-center",
    visits: [
      { path: "/service-center" },
      { path: "/service-center/review" },
      { path: "/service-center/corrections" },
      // + the open request's detail, found in the queue at run time
      { path: "/service-center/patients" },
      { path: "/service-center/patients?q=Peeters" },
      { path: "/service-center/patients/pat-an" },
      { path: "/service-center/declarations" },
      // Streams before it knows the id is unknown, so the status is 200; the page is what counts.
      { path: "/service-center/corrections/no-such-request", notFound: true },
    ],
    reflow: ["/service-center", "/service-center/patients/pat-an"],
  },
  // Added with the roles they introduce (issue 11).
  {
    name: "coordinator",
    username: "k.kris",
    home: "/coordinator",
    visits: [
      { path: "/coordinator" },
      { path: "/coordinator?q=Wouters" },
      { path: "/coordinator/patients/pat-bart" },
      { path: "/coordinator/patients/pat-emma" },
      // Past the window: the coordinator still organises Dina's care.
      { path: "/coordinator/patients/pat-dina" },
    ],
    reflow: ["/coordinator", "/coordinator/patients/pat-emma"],
  },
  {
    name: "legal-representative",
    username: "r.rita",
    home: "/representative",
    visits: [
      { path: "/representative" },
      { path: "/representative/patients/pat-emma" },
      { path: "/representative/patients/pat-finn" },
      { path: "/representative/patients/pat-emma/consent" },
      // Not hers: the neutral refusal.
      { path: "/representative/patients/pat-an" },
    ],
    reflow: ["/representative", "/representative/patients/pat-emma"],
  },
  {
    name: "minor-patient",
    username: "p.finn",
    home: "/patient",
    visits: [{ path: "/patient" }, { path: "/patient/file" }, { path: "/patient/representatives" }],
    reflow: ["/patient", "/patient/representatives"],
  },
  {
    name: "privacy-officer",
    username: "o.otto",
    home: "/privacy-officer",
    visits: [{ path: "/privacy-officer" }],
    reflow: ["/privacy-officer"],
  },
];

for (const role of roles) {
  test(`${role.name} (${role.username}): every page in three languages, screenshots, reflow at 200% zoom`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    await loginOverHttp(page.context().request, role.username);
    const visits = [...role.visits];
    if (role.name === "service-center") {
      await page.goto("/service-center/corrections");
      const detail = await page.locator('main a[href^="/service-center/corrections/"]').first().getAttribute("href");
      expect(detail, "the open correction request is in the queue").toBeTruthy();
      visits.splice(3, 0, { path: detail! });
    }
    await expectEveryPageInEveryLanguage(page, baseURL!, visits);
    await screenshotHome(page, role.home, role.name);
    await expectReflow(page, role.reflow);
  });
}

/** The past-window message's title in each language, from the portal's own messages. */
const ownOutsideWindowTitle = Object.fromEntries(
  LOCALES.map((locale) => {
    const messages = JSON.parse(readFileSync(resolve("messages", `${locale}.json`), "utf8")) as {
      file: { refusal: { ownOutsideWindow: { title: string } } };
    };
    return [locale, messages.file.refusal.ownOutsideWindow.title];
  }),
) as Record<Locale, string>;

test("p.dina, whose care ended past the window: home and file say so and how to ask a copy, in three languages", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await loginOverHttp(page.context().request, "p.dina");
  await expectEveryPageInEveryLanguage(page, baseURL!, [
    { path: "/patient" },
    { path: "/patient/file" },
    { path: "/patient/access-log" },
  ]);
  for (const locale of LOCALES) {
    await setLocale(page.context(), baseURL!, locale);
    for (const path of ["/patient", "/patient/file"]) {
      await page.goto(path);
      const main = page.getByRole("main");
      await expect(main.getByText(ownOutsideWindowTitle[locale]), `${path} [${locale}]`).toBeVisible();
      // How to ask a copy: the organisation's phone number and privacy address (configuration).
      await expect(main).toContainText("078 00 00 00");
      await expect(main).toContainText("privacy@thuiszorg-demo.example");
      // Nothing of her file itself: no readings, no notes.
      await expect(main.getByRole("table")).toHaveCount(0);
    }
  }
  await screenshotHome(page, "/patient", "patient-past-window");
});

test("signed out and pending declaration: login, privacy and declaration pages in three languages", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await expectEveryPageInEveryLanguage(page, baseURL!, [
    { path: "/login" },
    { path: "/privacy" },
    { path: "/patient", landsOn: "/login" },
  ]);
  await screenshotHome(page, "/login", "signed-out");
  // d.gert has not accepted the current declaration: every page sends him to it.
  await loginOverHttp(page.context().request, "d.gert");
  await expectEveryPageInEveryLanguage(page, baseURL!, [
    { path: "/declaration" },
    { path: "/caregiver", landsOn: "/declaration" },
  ]);
  await screenshotHome(page, "/declaration", "declaration");
});

/** What has the keyboard focus now, and whether a focus indicator is drawn around it. */
async function focused(page: Page): Promise<{ tag: string; href: string | null; text: string; indicator: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: "body", href: null, text: "", indicator: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    return {
      tag: element.tagName.toLowerCase(),
      href: element.getAttribute("href"),
      text: (element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 60),
      indicator: outline || shadow,
    };
  });
}

/** Tabs forward until `matches` says yes; every element on the way must show its focus. */
async function tabTo(
  page: Page,
  matches: (target: Awaited<ReturnType<typeof focused>>) => boolean,
  what: string,
): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press("Tab");
    const target = await focused(page);
    expect(target.indicator, `visible focus indicator on ${target.tag} "${target.text}"`).toBe(true);
    if (matches(target)) return;
  }
  throw new Error(`${what} not reached with 40 presses of Tab`);
}

test("keyboard only: p.an signs in, opens her consent page and goes back home", async ({ page }) => {
  await page.goto("/login");

  // The first Tab reaches the skip link, shown on focus; Enter moves the focus into <main>.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Ga naar de inhoud" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await focused(page)).indicator, "focus indicator on the skip link").toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // From the top of main, the next Tab stops are the login form's.
  await tabTo(page, (target) => target.tag === "input", "the username field");
  await expect(page.getByLabel("Gebruikersnaam")).toBeFocused();
  await page.keyboard.type("p.an");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Wachtwoord")).toBeFocused();
  // Shift+Tab goes back to the username, which kept what was typed.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByLabel("Gebruikersnaam")).toBeFocused();
  await expect(page.getByLabel("Gebruikersnaam")).toHaveValue("p.an");
  await page.keyboard.press("Tab");
  await page.keyboard.type("demo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/patient$/);
  // Like a person, wait for the page rather than tab through its loading state (which the
  // page replaces, focus and all).
  await expect(page.getByRole("heading", { level: 1 })).toContainText("An Peeters");

  await tabTo(page, (target) => target.href === "/patient/consent", "the consent tile");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/patient\/consent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn toestemming");

  // Back home by the page's own link, found with the keyboard, followed with Enter.
  await tabTo(page, (target) => target.href === "/patient", "the link back home");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/patient$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("An Peeters");

  // Space works on buttons too: the language switcher, reached with the keyboard.
  await tabTo(page, (target) => target.tag === "button" && target.text === "Français", "the French button");
  await page.keyboard.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-BE");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "nl-BE", url: page.url() }]);
});

test("the axe check itself reports serious violations, also on a page opened after it ran", async ({ page }) => {
  // A page with no language, no title, an image without a text alternative and an unnamed
  // button: four serious rules. If the in-page scan returned nothing, every sweep above would pass.
  const broken = '<html><body><main><h1>x</h1><img src="data:,"><button></button></main></body></html>';
  await page.setContent(broken);
  const first = await seriousAxeViolations(page);
  expect(first.map((line) => line.split(" ")[0]).sort()).toEqual([
    "button-name",
    "document-title",
    "html-has-lang",
    "image-alt",
  ]);
  // The next document gets axe from the context's init script, not from the first injection.
  await page.goto("/login");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setContent(broken);
  expect(await seriousAxeViolations(page)).toHaveLength(4);
  // A rule left out is the only one missing.
  const except = await seriousAxeViolations(page, { except: ["image-alt"] });
  expect(except.map((line) => line.split(" ")[0]).sort()).toEqual(["button-name", "document-title", "html-has-lang"]);
});
