// Screenshots for review (docs, pull requests), written to test-results/screenshots/, which is
// not committed and which Playwright does not empty between runs (its outputDir is
// test-results/playwright). Failure screenshots are separate: Playwright takes those itself.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";

export const SCREENSHOT_DIR = resolve("test-results/screenshots");

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path.
 * Names are file names, not paths: letters, digits, dot, dash and underscore.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new Error(`Invalid screenshot name: ${JSON.stringify(name)}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Animations and the caret would make two screenshots of the same page differ.
  await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
  return path;
}
