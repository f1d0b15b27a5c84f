// Where the end-to-end tests find Chromium. Playwright cannot download its own browsers on
// machines without general internet access, so Debian's packages come first; a browser that
// `npx playwright install chromium` put in Playwright's cache works too. Shared by
// playwright.config.ts and scripts/test.ts so both always agree.
//
// Debian's `chromium-headless-shell` first when it is installed: it is the headless-only build
// that Playwright itself runs for headless tests, without the full browser's windowing and
// GPU process. Measured on 2 cores (same pages, same server): it starts in 0.6-0.7 s instead of
// 1.6-1.7 s and loads a page about 18% sooner (ADR 0026). `.ci/run` installs it; the full
// `chromium` is the fallback.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** The binary itself: /usr/bin/chromium-headless-shell is a shell script that starts it. */
const DEBIAN_HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export type ChromiumLocation = { executablePath: string; source: "debian" | "playwright" };

export function findChromium(): ChromiumLocation | null {
  if (existsSync(DEBIAN_HEADLESS_SHELL)) return { executablePath: DEBIAN_HEADLESS_SHELL, source: "debian" };
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
