// Screenshots for review (docs, pull requests), written to test-results/screenshots/, which is
// not committed and which Playwright does not empty between runs (its outputDir is
// test-results/playwright). Failure screenshots are separate: Playwright takes those itself.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

export const SCREENSHOT_DIR = resolve("test-results/screenshots");

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path.
 * Names are file names, not paths: letters, digits, dot, dash and underscore.
 *
 * Only with E2E_SCREENSHOTS=1, except the ones marked `always` (each role's home page at phone
 * and desktop width, tests/e2e/qualities.spec.ts): a screenshot asserts nothing, and the full-page
 * captures of every journey step cost a sixth of the browser tests' time on 2 cores (issue 8).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { always?: boolean } = {},
): Promise<string | null> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new Error(`Invalid screenshot name: ${JSON.stringify(name)}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (!options.always && process.env.E2E_SCREENSHOTS !== "1") return null;
  // Animations and the caret would make two screenshots of the same page differ.
  await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
  return path;
}

/** Phone (390 px) and desktop (1280 px) widths of the screenshots people review. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 } as const;

/**
 * `<name>-phone` and `<name>-desktop` screenshots, with axe at both widths (a layout that only
 * breaks on a phone is still broken). Leaves the page at desktop width.
 */
export async function saveScreenshotsWithAxe(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE_VIEWPORT);
  await saveScreenshot(page, `${name}-phone`);
  await expectNoSeriousAxeViolations(page, `${name} at 390 px`);
  await page.setViewportSize(DESKTOP_VIEWPORT);
  await saveScreenshot(page, `${name}-desktop`);
  await expectNoSeriousAxeViolations(page, `${name} at 1280 px`);
}
