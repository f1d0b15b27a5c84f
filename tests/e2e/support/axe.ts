// axe-core in a real page: the WCAG 2.x A/AA rules plus axe's best practices. A serious or
// critical violation fails the test with one readable line per rule: which rule, how bad, and
// which elements, so a failure says what to fix without opening the trace.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] as const;

/**
 * The serious and critical violations on the page as it is now, one line per rule.
 *
 * Legacy mode runs axe once inside the page. The default mode runs it per frame and then opens a
 * second, blank page to merge the frames' results: the portal has no frames, and that extra page
 * plus a second injection of axe cost about as much as the scan itself on a 2-core machine.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags([...AXE_TAGS])
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

/** `when` names the page and state (and language), e.g. "consent fr-BE at 390 px". */
export async function expectNoSeriousAxeViolations(page: Page, when: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe ${when}`).toEqual([]);
}
