// Where the end-to-end tests find Chromium. Playwright cannot download its own browsers on
// machines without general internet access, so Debian's package comes first; a browser that
// `npx playwright install chromium` put in Playwright's cache works too. Shared by
// playwright.config.ts and scripts/test.ts so both always agree.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export type ChromiumLocation = { executablePath: string; source: "debian" | "playwright" };

export function findChromium(): ChromiumLocation | null {
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: "debian" };
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return { executablePath: bundled, source: "playwright" };
  return null;
}

/**
 * Flags for running as root in a container without a GPU or general network access. The
 * network ones stop Chromium from calling home (component updates, sync, QUIC probes), which
 * would only slow the tests down and add noise on machines that cannot reach those servers.
 */
export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-gpu-rasterization",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];
