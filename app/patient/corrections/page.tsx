// "Een correctie vragen": facts in the file are corrected by the organisation on the patient's
// request (answered within 4 weeks); a nurse's professional assessment is not rewritten, the
// patient adds her own comment beside it, which everyone who reads the entry sees. The page
// shows her requests with their status and deadline, and her contact data as now on file.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientCorrections } from "@/lib/corrections";
import {
  fileSections,
  MAX_COMMENT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MIN_DESCRIPTION_LENGTH,
} from "@/lib/corrections/schemas";
import { addCommentAction, requestCorrectionAction } from "./actions";
import { PatientSettingsPage } from "@/components/patient-settings/settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("corrections");
  return { title: t("title") };
}

const ZDone = z.enum(["requested", "commented"]);
const shorten = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export default async function PatientCorrectionsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["PATIENT"]);
  const outcome = await readPatientCorrections({ actor, patientId: actor.personId, requestId: randomUUID() });
  const [t, format, params] = await Promise.all([getTranslations("corrections"), getFormatter(), searchParams]);
  const done = ZDone.safeParse(params.done).data;
  if (!outcome.allowed) return <PatientSettingsPage actor={actor} title={t("title")} denied={outcome.decision} />;
  const { requests, notes, contact } = outcome.result;
  const facts = notes.filter((note) => note.kind !== "ASSESSMENT");
  const assessments = notes.filter((note) => note.kind === "ASSESSMENT");
  const noteLabel = (note: (typeof notes)[number]) =>
    `${format.dateTime(note.writtenAt, "dateShort")}: ${shorten(note.text)}`;
  const dash = "—";

  return (
    <PatientSettingsPage
      actor={actor}
      title={t("title")}
      intro={t("intro")}
      confirmation={done ? t(`done.${done}`) : undefined}
    >
      <div className="flex flex-col gap-8">
        <Card title={t("request.title")}>
          <p className="mb-4 max-w-prose">{t("request.intro")}</p>
          <ActionForm
            action={requestCorrectionAction}
            formLabel={t("request.title")}
            hidden={{ idempotencyKey: randomUUID() }}
            fields={[
              {
                kind: "select",
                name: "section",
                label: t("request.section"),
                required: true,
                options: fileSections.map((section) => ({ value: section, label: t(`sections.${section}`) })),
              },
              {
                kind: "select",
                name: "entry",
                label: t("request.entry"),
                hint: t("request.entryHint"),
                options: [
                  { value: "", label: t("request.noEntry") },
                  ...facts.map((note) => ({ value: `NursingNote:${note.id}`, label: noteLabel(note) })),
                ],
              },
              {
                kind: "textarea",
                name: "description",
                label: t("request.description"),
                hint: t("request.descriptionHint", { min: MIN_DESCRIPTION_LENGTH }),
                required: true,
                maxLength: MAX_DESCRIPTION_LENGTH,
              },
            ]}
            submitLabel={t("request.submit")}
          />
        </Card>

        <Card title={t("mine.title", { count: requests.length })}>
          {requests.length === 0 ? (
            <p>{t("mine.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {requests.map((request) => (
                <li key={request.id}>
                  <article
                    aria-label={t("mine.itemLabel", { date: format.dateTime(request.createdAt, "date") })}
                    className="rounded-lg border-2 border-line p-4"
                  >
                    <p className="font-bold">
                      {t(`sections.${request.section}`)} · {t(`status.${request.status}`)}
                    </p>
                    <p className="whitespace-pre-line break-words">{request.description}</p>
                    <p className="text-ink-muted">
                      {t("mine.askedOn", { date: format.dateTime(request.createdAt, "date") })}
                      {request.status === "OPEN" || request.status === "ROUTED_TO_NURSE"
                        ? ` · ${t("mine.answerBy", { date: format.dateTime(request.dueAt, "date") })}`
                        : null}
                    </p>
                    {request.resolution ? (
                      <p className="mt-2">{t("mine.answer", { answer: request.resolution })}</p>
                    ) : null}
                  </article>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("comments.title")}>
          <p className="mb-4 max-w-prose">{t("comments.intro")}</p>
          {assessments.length === 0 ? (
            <p>{t("comments.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-6">
              {assessments.map((note) => (
                <li key={note.id}>
                  <article
                    aria-label={t("comments.itemLabel", { date: format.dateTime(note.writtenAt, "date") })}
                    className="rounded-lg border-2 border-line p-4"
                  >
                    <p className="text-ink-muted">
                      {format.dateTime(note.writtenAt, "dateTime")}
                      {note.author ? ` · ${note.author}` : null}
                    </p>
                    <p className="mb-3 whitespace-pre-line break-words">{note.text}</p>
                    {note.comments.map((comment) => (
                      <div key={comment.id} className="mb-3 border-l-4 border-brand-700 pl-3">
                        <p className="font-semibold">
                          {t("comments.yourComment", { date: format.dateTime(comment.createdAt, "date") })}
                        </p>
                        <p className="whitespace-pre-line break-words">{comment.text}</p>
                      </div>
                    ))}
                    <ActionForm
                      action={addCommentAction}
                      formLabel={t("comments.formLabel", { date: format.dateTime(note.writtenAt, "date") })}
                      hidden={{ noteId: note.id, idempotencyKey: randomUUID() }}
                      fields={[
                        {
                          kind: "textarea",
                          name: "text",
                          label: t("comments.text"),
                          required: true,
                          maxLength: MAX_COMMENT_LENGTH,
                        },
                      ]}
                      submitLabel={t("comments.submit")}
                      submitVariant="secondary"
                    />
                  </article>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("contact.title")}>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("contact.phone")}</dt>
            <dd data-testid="contact-phone">{contact.phone ?? dash}</dd>
            <dt className="font-semibold">{t("contact.email")}</dt>
            <dd className="break-words">{contact.email ?? dash}</dd>
            <dt className="font-semibold">{t("contact.address")}</dt>
            <dd>
              {[contact.street, [contact.postalCode, contact.city].filter(Boolean).join(" ")]
                .filter(Boolean)
                .join(", ") || dash}
            </dd>
          </dl>
        </Card>
      </div>
    </PatientSettingsPage>
  );
}
