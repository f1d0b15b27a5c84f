// One entry of the file on the work screen (a note, a reading, a care-plan item, a routed
// request): a heading to jump to, its text, its history and the form that changes it. The id
// `entry-<row id>` is the anchor a routed correction request links to.
import type { ReactNode } from "react";
import { ActionForm, type ActionFormProps } from "@/components/forms/action-form";

export function entryAnchor(entryId: string): string {
  return `entry-${entryId}`;
}

export function EntryArticle({
  entryId,
  heading,
  meta,
  children,
}: {
  entryId: string;
  heading: ReactNode;
  meta?: ReactNode;
  children: ReactNode;
}) {
  const anchor = entryAnchor(entryId);
  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      className="scroll-mt-4 rounded-lg border-2 border-line p-4 target:border-brand-700"
    >
      <h3 id={`${anchor}-title`} className="font-bold">
        {heading}
      </h3>
      {meta ? <p className="text-ink-muted">{meta}</p> : null}
      {children}
    </article>
  );
}

/**
 * A form behind a disclosure, rebuilt when the entry's version changes: after a saved change the
 * disclosure closes and shows the new state; a stale form (another tab saved first) keeps what
 * was typed and is refused by the version check.
 */
export function EditDisclosure({
  summary,
  version,
  form,
}: {
  summary: string;
  version: number;
  form: ActionFormProps;
}) {
  return (
    <details key={version} className="mt-3">
      <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-4">{summary}</summary>
      <div className="mt-3">
        <ActionForm key={`${form.idPrefix}-${version}`} {...form} />
      </div>
    </details>
  );
}
