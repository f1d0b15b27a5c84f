// axe-core in a real page: the WCAG 2.x A/AA rules plus axe's best practices. A serious or
// critical violation fails the test with one readable line per rule: which rule, how bad, and
// which elements, so a failure says what to fix without opening the trace.
//
// axe runs inside the page, loaded once per browser context as an init script, and only the
// violations come back. @axe-core/playwright's AxeBuilder, used before (no longer a dependency),
// sent axe's 550 KB source into the page on every scan and returned every rule's passes and
// inapplicable nodes too (up to 640 KB of JSON for a file page): on 2 cores that was 0.7-2.6 s
// per scan, of which the rules took 0.1-0.7 s (ADR 0026). Same rules, same tags, same result.
import axe from "axe-core";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] as const;

type Violation = { id: string; impact: string | null; targets: string[] };
type AxeWindow = {
  axe?: {
    run: (
      context: Document,
      options: object,
    ) => Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }>;
  };
};

/** Contexts that load axe in every page they open (the init script added once per context). */
const prepared = new WeakSet<BrowserContext>();

/**
 * Makes axe present in the page as it is now and in every page the context opens from here on.
 * Evaluating the source works under the portal's Content-Security-Policy (it is not a <script>
 * the page loads); the init script does the same for later navigations.
 */
async function ensureAxe(page: Page): Promise<void> {
  const context = page.context();
  if (!prepared.has(context)) {
    prepared.add(context);
    await context.addInitScript({ content: axe.source });
  }
  const present = await page.evaluate(() => typeof (window as AxeWindow).axe?.run === "function");
  if (!present) await page.evaluate(axe.source);
}

/**
 * Waits (up to 5 s) for the document's title after a navigation inside the app: Next streams a
 * page's metadata after its content, so right after a server action's redirect the content can
 * be on screen while <title> is not yet. A page that never gets a title still fails axe's
 * document-title rule afterwards.
 */
async function titleSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => undefined);
}

/**
 * The serious and critical violations on the page as it is now, one line per rule. `except`
 * names rules not to run this time (qualities.spec.ts: colour contrast, in the languages after
 * the first, where the same colours are measured again).
 */
export async function seriousAxeViolations(
  page: Page,
  options: { except?: readonly string[] } = {},
): Promise<string[]> {
  await ensureAxe(page);
  const except = options.except ?? [];
  const violations: Violation[] = await page.evaluate(
    async ({ tags, except }) => {
      const runner = (window as AxeWindow).axe;
      if (!runner) throw new Error("axe is not loaded in the page");
      // resultTypes: the nodes of passing and inapplicable rules are not collected.
      const results = await runner.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: Object.fromEntries(except.map((rule) => [rule, { enabled: false }])),
        resultTypes: ["violations"],
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
      }));
    },
    { tags: AXE_TAGS, except },
  );
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(", ")}`);
}

/** `when` names the page and state (and language), e.g. "consent fr-BE at 390 px". */
export async function expectNoSeriousAxeViolations(page: Page, when: string): Promise<void> {
  await titleSettled(page);
  expect(await seriousAxeViolations(page), `axe ${when}`).toEqual([]);
}
