// The history of one entry: each earlier version with who changed it, when and why, and what it
// said before (a note's text, a plan item's interventions, a reading's value).
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RevisionDto } from "@/lib/nursing";

export async function History({
  revisions,
  describePrevious,
}: {
  revisions: RevisionDto[] | undefined;
  describePrevious: (revision: RevisionDto) => ReactNode;
}) {
  if (!revisions || revisions.length === 0) return null;
  const [t, tFhir, format] = await Promise.all([
    getTranslations("nurse"),
    getTranslations("fhir.history"),
    getFormatter(),
  ]);
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-4">
        {t("history.open", { count: revisions.length })}
      </summary>
      <ol className="mt-2 flex flex-col gap-3 border-l-4 border-line pl-4">
        {revisions.map((revision) => (
          <li key={revision.version}>
            <p className="font-semibold">
              {t("history.entry", {
                version: revision.version,
                date: format.dateTime(revision.changedAt, "dateTime"),
                name: revision.author ?? (revision.byRecordSystem ? tFhir("author") : "—"),
              })}
            </p>
            <p>{t("history.reason", { reason: revision.byRecordSystem ? tFhir("reason") : revision.reason })}</p>
            {describePrevious(revision)}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A note's or a plan item's earlier text. */
export async function PreviousText({ revision }: { revision: RevisionDto }) {
  if (!revision.previousText) return null;
  const t = await getTranslations("nurse");
  return <p className="whitespace-pre-line text-ink-muted">{t("history.previous", { text: revision.previousText })}</p>;
}
