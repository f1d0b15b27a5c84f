// One entry of the file on the work screen (a note, a reading, a care-plan item, a routed
// request): a heading to jump to, its text, its history and the form that changes it. The id
// `entry-<row id>` is the anchor a routed correction request links to.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm, type ActionFormProps } from "@/components/forms/action-form";
import type { FilePaging } from "@/components/nursing-file";
import { filePageQuery } from "@/lib/dossier";

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
 * Which entry's correction form is open (`?correct=<entry id>`), and the page it is on: the forms
 * are rendered on demand, one at a time, not one hidden form per entry (issue 12: a work screen
 * with ten notes and ten readings carried 29 hidden forms, 81 KB of its 214 KB of HTML).
 */
export type Correcting = { paging: FilePaging; entryId: string | null };

/** This page (the same page of each list) with one entry's form open, or none, at that entry. */
export function correctHref({ paging }: Correcting, entryId: string | null, anchorId: string): string {
  return `${paging.basePath}${filePageQuery(paging.current, entryId ? { correct: entryId } : {})}#${entryAnchor(anchorId)}`;
}

/**
 * The link that opens an entry's form (a link: without script the browser loads the page; with it,
 * the router renders the form in the hydrated page, where nothing typed can be lost), or, on the page
 * where it is open, the form itself with a way back. Rebuilt when the entry's version changes: a
 * stale form (another tab saved first) keeps what was typed and is refused by the version check;
 * a saved change redirects to the page without the form.
 */
export async function EditDisclosure({
  entryId,
  summary,
  version,
  form,
  correcting,
}: {
  entryId: string;
  summary: string;
  version: number;
  form: ActionFormProps;
  correcting: Correcting;
}) {
  const link = "font-semibold text-brand-800 underline underline-offset-4";
  if (correcting.entryId !== entryId) {
    return (
      <p className="mt-3">
        <Link href={correctHref(correcting, entryId, entryId)} className={link} scroll={false}>
          {summary}
        </Link>
      </p>
    );
  }
  const t = await getTranslations("common");
  return (
    <div className="mt-3 flex flex-col gap-3">
      <ActionForm key={`${form.idPrefix}-${version}`} {...form} />
      <p>
        <Link href={correctHref(correcting, null, entryId)} className={link} scroll={false}>
          {t("cancel")}
        </Link>
      </p>
    </div>
  );
}
