// The latest notes, each with its history and a correction form (text and reason; the previous
// text is kept). The patient's own comments stand beside the note they belong to.
import { getFormatter, getTranslations } from "next-intl/server";
import { PageLinks, PatientComments } from "@/components/nursing-file";
import type { NursingFile } from "@/lib/dossier";
import type { RevisionDto } from "@/lib/nursing";
import { MAX_NOTE_LENGTH, MAX_REASON_LENGTH } from "@/lib/nursing/schemas";
import { correctNoteAction } from "./actions";
import { type Correcting, EditDisclosure, EntryArticle } from "./entry-article";
import { ListCard } from "../../_components/list-card";
import { fieldErrorMessages } from "./form-messages";
import { History, PreviousText } from "./history";

type Note = NonNullable<NursingFile["health"]>["nursingNotes"][number];

export async function NotesSection({
  patientId,
  notes,
  revisions,
  pages,
  correcting,
}: {
  patientId: string;
  notes: Note[];
  revisions: Record<string, RevisionDto[]>;
  pages: NonNullable<NursingFile["health"]>["pages"];
  correcting: Correcting;
}) {
  const [t, format] = await Promise.all([getTranslations("nurse"), getFormatter()]);
  return (
    <ListCard
      title={t("notes.title")}
      empty={t("notes.empty")}
      entries={notes}
      keyOf={(entry) => entry.id}
      footer={<PageLinks list="nursingNotes" anchor="notes" health={{ pages }} paging={correcting.paging} />}
      render={(note) => (
        <EntryArticle
          entryId={note.id}
          heading={t("notes.heading", {
            kind: t(`noteKinds.${note.kind}` as "noteKinds.OBSERVATION"),
            date: format.dateTime(note.writtenAt, "dateTime"),
          })}
          meta={note.author ? t("notes.by", { name: note.author }) : null}
        >
          <p className="mt-2 whitespace-pre-line">{note.text}</p>
          <PatientComments comments={note.patientComments} />
          <History
            revisions={revisions[note.id]}
            describePrevious={(revision) => <PreviousText revision={revision} />}
          />
          <EditDisclosure
            entryId={note.id}
            correcting={correcting}
            summary={t("correct.open")}
            version={note.version}
            form={{
              action: correctNoteAction,
              schema: "correctNote",
              formLabel: t("correct.formLabel"),
              idPrefix: `correct-${note.id}`,
              hidden: { patientId, noteId: note.id, version: String(note.version) },
              fields: [
                {
                  name: "text",
                  label: t("correct.textLabel"),
                  kind: "textarea",
                  required: true,
                  defaultValue: note.text,
                  maxLength: MAX_NOTE_LENGTH,
                  rows: 4,
                },
                {
                  name: "reason",
                  label: t("correct.reasonLabel"),
                  hint: t("correct.reasonHint"),
                  kind: "text",
                  required: true,
                  maxLength: MAX_REASON_LENGTH,
                },
              ],
              errorMessages: fieldErrorMessages("correctNote", t),
              submitLabel: t("correct.submit"),
            }}
          />
        </EntryArticle>
      )}
    />
  );
}
