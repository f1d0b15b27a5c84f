// The patient's own comment beside a professional assessment (domain.md: an assessment is not
// rewritten; her words are shown beside it to everyone who reads the entry). Marked plainly as
// hers, with its date, so no reader takes it for the nurse's text. Not async and not a client
// component: it renders the same in a server page and inside a client component (the nurse's
// work screen can use it as is).
import { useFormatter, useTranslations } from "next-intl";
import type { PatientComment } from "@/lib/dossier";

type Audience = {
  /** "patient" when she reads her own file: the label then says "your comment". */
  audience?: "patient" | "other";
};

export function PatientCommentNote({ comment, audience = "other" }: { comment: PatientComment } & Audience) {
  const t = useTranslations("file.patientComment");
  const format = useFormatter();
  return (
    <figure className="mt-3 rounded-lg border-l-4 border-warning-700 bg-warning-50 p-3" data-testid="patient-comment">
      <figcaption className="font-semibold">
        {t(audience === "patient" ? "ownLabel" : "label")} ·{" "}
        <time dateTime={comment.createdAt.toISOString()}>{format.dateTime(comment.createdAt, "date")}</time>
      </figcaption>
      <blockquote className="mt-1 whitespace-pre-line break-words">{comment.text}</blockquote>
    </figure>
  );
}

/** Every comment the patient added to one entry, oldest first, as the DTO lists them. */
export function PatientComments({ comments, audience }: { comments: readonly PatientComment[] } & Audience) {
  if (comments.length === 0) return null;
  return (
    <>
      {comments.map((comment) => (
        <PatientCommentNote key={comment.id} comment={comment} audience={audience} />
      ))}
    </>
  );
}
