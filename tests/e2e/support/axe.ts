// axe-core in a real page: the WCAG 2.x A/AA rules plus axe's best practices. A serious or
// critical violation fails the test with one readable line per rule: which rule, how bad, and
// which elements, so a failure says what to fix without opening the trace.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] as const;

/**
 * The rules whose outcome can change with the language of a page whose structure, styles and
 * markup do not: accessible names, labels, titles, alternative texts, headings' text, the
 * document language, landmarks told apart by their (translated) names. A page scanned with every
 * rule in one language is scanned with these in the others (tests/e2e/qualities.spec.ts).
 */
export const TEXT_RULES = [
  "area-alt",
  "aria-command-name",
  "aria-dialog-name",
  "aria-input-field-name",
  "aria-meter-name",
  "aria-progressbar-name",
  "aria-text",
  "aria-toggle-field-name",
  "aria-tooltip-name",
  "button-name",
  "document-title",
  "empty-heading",
  "empty-table-header",
  "frame-title",
  "html-has-lang",
  "html-lang-valid",
  "image-alt",
  "input-button-name",
  "input-image-alt",
  "label",
  "label-content-name-mismatch",
  "landmark-unique",
  "link-name",
  "object-alt",
  "role-img-alt",
  "select-name",
  "summary-name",
  "svg-img-alt",
  "valid-lang",
] as const;

/**
 * The serious and critical violations on the page as it is now, one line per rule.
 *
 * Legacy mode runs axe once inside the page. The default mode runs it per frame and then opens a
 * second, blank page to merge the frames' results: the portal has no frames, and that extra page
 * plus a second injection of axe cost about as much as the scan itself on a 2-core machine.
 */
export async function seriousAxeViolations(page: Page, options: { textRulesOnly?: boolean } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (options.textRulesOnly) builder.withRules([...TEXT_RULES]);
  else builder.withTags([...AXE_TAGS]);
  const results = await builder.analyze();
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
