// The nurse's work screen for one patient: what she records on a visit first (vital parameters,
// a note, the next visit), then the file to read and correct (notes with their history, the
// care plan, readings, planned visits, contact data). Reading goes through readPatientFile
// (READ_HEALTH, logged); each form posts to an action that writes through lib/nursing.
// A file she may not open shows the same refusal whatever the reason, with the emergency form.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientFile } from "@/lib/dossier";
import { emergencyAccessExpiry, readFileRevisions, type RevisionDto } from "@/lib/nursing";
import { carePlanStatuses, MAX_NOTE_LENGTH, MAX_REASON_LENGTH, nursingNoteKinds, vitalTypes } from "@/lib/nursing/schemas";
import { ActionForm } from "../../_forms/action-form";
import { emergencyAccessAction } from "../../actions";
import { addNoteAction, correctNoteAction, planVisitAction, recordVitalAction, updateCarePlanAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nurse");
  return { title: t("file.title") };
}

const ZDone = z.enum(["note", "vital", "visit", "corrected", "carePlan"]);
const SHOWN = 15;

const unitLabels: Record<string, string> = { "mm[Hg]": "mmHg", "/min": "/min", Cel: "°C", "mmol/L": "mmol/L", kg: "kg", "{score}": "/10", "%": "%" };

type Translate = Awaited<ReturnType<typeof getTranslations<"nurse">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

export default async function NursePatientPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requirePageActor(["NURSE"]);
  const [{ patientId }, query, t, tRoles, format] = await Promise.all([params, searchParams, getTranslations("nurse"), getTranslations("roles"), getFormatter()]);
  const roleLabel = tRoles(actor.activeRole);
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID() });

  if (!outcome.allowed || !outcome.file.health) {
    return (
      <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
        <PageHeading eyebrow={roleLabel} title={t("file.refusedTitle")} />
        <div className="flex flex-col gap-6">
          <Alert tone="warning">{t("file.refused")}</Alert>
          <Card title={t("emergency.title")}>
            <p className="mb-4 max-w-prose">{t("emergency.intro")}</p>
            <ActionForm
              action={emergencyAccessAction}
              schema="emergencyAccess"
              formLabel={t("emergency.title")}
              idPrefix="emergency"
              hidden={{ patientId }}
              fields={[{ name: "reason", label: t("emergency.reasonLabel"), hint: t("emergency.reasonHint"), kind: "textarea", required: true, maxLength: MAX_REASON_LENGTH, rows: 3 }]}
              errorMessages={{ reason: t("emergency.reasonError") }}
              submitLabel={t("emergency.submit")}
            />
          </Card>
          <div>
            <LinkButton href="/nurse" variant="secondary">
              {t("file.back")}
            </LinkButton>
          </div>
        </div>
      </PageShell>
    );
  }

  const { file, decision } = outcome;
  const health = file.health!;
  const name = `${file.administrative.identification.firstName} ${file.administrative.identification.lastName}`;
  const emergencyUntil = decision.allowed && decision.via ? await emergencyAccessExpiry({ actor, emergencyAccessId: decision.via.emergencyAccessId }) : null;
  const revisions = await readFileRevisions({ actor, patientId });
  const done = ZDone.safeParse(query.done).data;
  const hidden = { patientId };
  const now = new Date();
  // New per render: a double submit of one form sends the same id (one row); after a success the
  // page renders again with fresh ids, and the keys below rebuild the forms empty.
  const newIds = { vital: randomUUID(), note: randomUUID(), visit: randomUUID() };
  const upcoming = health.plannedVisits.filter((visit) => visit.status === "PLANNED" && visit.startsAt >= now);

  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }} width="wide">
      <PageHeading eyebrow={t("file.eyebrow")} title={name} actions={<LinkButton href="/nurse" variant="secondary">{t("file.back")}</LinkButton>} />
      <div className="flex flex-col gap-6">
        {emergencyUntil ? (
          <Alert tone="warning" title={t("file.emergencyTitle")}>
            {t("file.emergencyUntil", { date: format.dateTime(emergencyUntil, "dateTime") })}
          </Alert>
        ) : null}
        {done ? <Alert tone="success">{t(`done.${done}`)}</Alert> : null}

        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={t("vital.title")} titleLevel={2}>
            <ActionForm
              key={newIds.vital}
              action={recordVitalAction}
              schema="recordVital"
              formLabel={t("vital.title")}
              idPrefix="vital"
              hidden={{ ...hidden, id: newIds.vital }}
              fields={[
                { name: "type", label: t("vital.typeLabel"), kind: "select", required: true, defaultValue: "BLOOD_PRESSURE", options: vitalTypes.map((type) => ({ value: type, label: t(`vitalTypes.${type}`) })) },
                { name: "value", label: t("vital.valueLabel"), hint: t("vital.valueHint"), kind: "text", inputMode: "decimal", required: true, maxLength: 10 },
                { name: "secondaryValue", label: t("vital.secondaryLabel"), hint: t("vital.secondaryHint"), kind: "text", inputMode: "numeric", maxLength: 10 },
                { name: "note", label: t("vital.noteLabel"), kind: "text", maxLength: 500 },
              ]}
              errorMessages={{ value: t("vital.valueError"), secondaryValue: t("vital.secondaryError"), note: t("vital.noteError"), type: t("vital.typeError") }}
              submitLabel={t("vital.submit")}
            />
          </Card>
          <Card title={t("note.title")}>
            <ActionForm
              key={newIds.note}
              action={addNoteAction}
              schema="addNote"
              formLabel={t("note.title")}
              idPrefix="note"
              hidden={{ ...hidden, id: newIds.note }}
              fields={[
                { name: "kind", label: t("note.kindLabel"), kind: "select", required: true, defaultValue: "OBSERVATION", options: nursingNoteKinds.map((kind) => ({ value: kind, label: t(`noteKinds.${kind}`) })) },
                { name: "text", label: t("note.textLabel"), kind: "textarea", required: true, maxLength: MAX_NOTE_LENGTH, rows: 5 },
              ]}
              errorMessages={{ text: t("note.textError"), kind: t("note.kindError") }}
              submitLabel={t("note.submit")}
            />
          </Card>
          <Card title={t("visit.title")}>
            <ActionForm
              key={newIds.visit}
              action={planVisitAction}
              schema="planVisit"
              formLabel={t("visit.title")}
              idPrefix="visit"
              hidden={{ ...hidden, id: newIds.visit }}
              fields={[
                { name: "startsAt", label: t("visit.startsAtLabel"), hint: t("visit.startsAtHint"), kind: "datetime", required: true },
                { name: "durationMinutes", label: t("visit.durationLabel"), kind: "number", required: true, defaultValue: "30", min: "5", max: "480", step: "5", inputMode: "numeric" },
                { name: "purpose", label: t("visit.purposeLabel"), kind: "text", required: true, maxLength: 500 },
              ]}
              errorMessages={{ startsAt: t("visit.startsAtError"), durationMinutes: t("visit.durationError"), purpose: t("visit.purposeError") }}
              submitLabel={t("visit.submit")}
            />
          </Card>
        </div>

        <Card title={t("notes.title")}>
          {health.nursingNotes.length === 0 ? <p>{t("notes.empty")}</p> : null}
          <ul className="flex flex-col gap-4">
            {health.nursingNotes.slice(0, SHOWN).map((note) => (
              <li key={note.id}>
                <article aria-labelledby={`note-${note.id}`} className="rounded-lg border-2 border-line p-4">
                  <h3 id={`note-${note.id}`} className="font-bold">
                    {t("notes.heading", { kind: t(`noteKinds.${note.kind}` as "noteKinds.OBSERVATION"), date: format.dateTime(note.writtenAt, "dateTime") })}
                  </h3>
                  <p className="text-ink-muted">{note.author ? t("notes.by", { name: note.author }) : null}</p>
                  <p className="mt-2 whitespace-pre-line">{note.text}</p>
                  <History revisions={revisions[note.id]} t={t} format={format} />
                  {/* Keyed by version: after a saved correction the form closes, showing the new text. */}
                  <details key={note.version} className="mt-3">
                    <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-4">{t("correct.open")}</summary>
                    <div className="mt-3">
                      <ActionForm
                        key={`${note.id}-${note.version}`}
                        action={correctNoteAction}
                        schema="correctNote"
                        formLabel={t("correct.formLabel")}
                        idPrefix={`correct-${note.id}`}
                        hidden={{ ...hidden, noteId: note.id, version: String(note.version) }}
                        fields={[
                          { name: "text", label: t("correct.textLabel"), kind: "textarea", required: true, defaultValue: note.text, maxLength: MAX_NOTE_LENGTH, rows: 4 },
                          { name: "reason", label: t("correct.reasonLabel"), hint: t("correct.reasonHint"), kind: "text", required: true, maxLength: MAX_REASON_LENGTH },
                        ]}
                        errorMessages={{ text: t("correct.textError"), reason: t("correct.reasonError") }}
                        submitLabel={t("correct.submit")}
                      />
                    </div>
                  </details>
                </article>
              </li>
            ))}
          </ul>
        </Card>

        <Card title={t("vitals.title")}>
          {health.vitalSigns.length === 0 ? (
            <p>{t("vitals.empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <caption className="sr-only">{t("vitals.title")}</caption>
                <thead>
                  <tr className="border-b-2 border-line">
                    <th scope="col" className="py-2 pr-4">{t("vitals.when")}</th>
                    <th scope="col" className="py-2 pr-4">{t("vitals.type")}</th>
                    <th scope="col" className="py-2 pr-4">{t("vitals.value")}</th>
                  </tr>
                </thead>
                <tbody>
                  {health.vitalSigns.slice(0, SHOWN).map((vital) => (
                    <tr key={vital.id} className="border-b border-line">
                      <td className="py-2 pr-4">{format.dateTime(vital.measuredAt, "dateTimeShort")}</td>
                      <td className="py-2 pr-4">{t(`vitalTypes.${vital.type}` as "vitalTypes.PULSE")}</td>
                      <td className="py-2 pr-4">
                        {format.number(vital.value)}
                        {vital.secondaryValue !== null ? `/${format.number(vital.secondaryValue)}` : ""} {unitLabels[vital.unit] ?? vital.unit}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        <Card title={t("carePlan.title")}>
          {health.carePlan.length === 0 ? <p>{t("carePlan.empty")}</p> : null}
          <ul className="flex flex-col gap-4">
            {health.carePlan.map((item) => (
              <li key={item.id}>
                <article aria-labelledby={`plan-${item.id}`} className="rounded-lg border-2 border-line p-4">
                  <h3 id={`plan-${item.id}`} className="font-bold">
                    {item.title} <span className="font-normal text-ink-muted">({t(`carePlanStatuses.${item.status}` as "carePlanStatuses.ACTIVE")})</span>
                  </h3>
                  <p className="whitespace-pre-line">{item.description}</p>
                  {item.frequency ? <p className="text-ink-muted">{item.frequency}</p> : null}
                  <History revisions={revisions[item.id]} t={t} format={format} />
                  <details key={item.version} className="mt-3">
                    <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-4">{t("carePlan.open")}</summary>
                    <div className="mt-3">
                      <ActionForm
                        key={`${item.id}-${item.version}`}
                        action={updateCarePlanAction}
                        schema="updateCarePlan"
                        formLabel={t("carePlan.formLabel", { title: item.title })}
                        idPrefix={`plan-${item.id}`}
                        hidden={{ ...hidden, itemId: item.id, version: String(item.version) }}
                        fields={[
                          { name: "title", label: t("carePlan.titleLabel"), kind: "text", required: true, defaultValue: item.title, maxLength: 200 },
                          { name: "description", label: t("carePlan.descriptionLabel"), kind: "textarea", required: true, defaultValue: item.description, maxLength: MAX_NOTE_LENGTH, rows: 3 },
                          { name: "frequency", label: t("carePlan.frequencyLabel"), kind: "text", defaultValue: item.frequency ?? "", maxLength: 200 },
                          { name: "status", label: t("carePlan.statusLabel"), kind: "select", required: true, defaultValue: item.status, options: carePlanStatuses.map((status) => ({ value: status, label: t(`carePlanStatuses.${status}`) })) },
                          { name: "reason", label: t("correct.reasonLabel"), hint: t("correct.reasonHint"), kind: "text", required: true, maxLength: MAX_REASON_LENGTH },
                        ]}
                        errorMessages={{ title: t("carePlan.titleError"), description: t("carePlan.descriptionError"), frequency: t("carePlan.frequencyError"), reason: t("correct.reasonError") }}
                        submitLabel={t("carePlan.submit")}
                      />
                    </div>
                  </details>
                </article>
              </li>
            ))}
          </ul>
        </Card>

        <div className="grid gap-6 md:grid-cols-2">
          <Card title={t("visits.title")}>
            {upcoming.length === 0 ? (
              <p>{t("visits.empty")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {upcoming.map((visit) => (
                  <li key={visit.id}>
                    <span className="font-semibold">{format.dateTime(visit.startsAt, "dateTime")}</span> — {visit.purpose} ({t("visits.minutes", { count: visit.durationMinutes })})
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("contact.title")}>
            <dl className="grid gap-x-4 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">{t("contact.address")}</dt>
              <dd className="mb-2">{[file.administrative.contact.street, [file.administrative.contact.postalCode, file.administrative.contact.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "—"}</dd>
              <dt className="font-semibold">{t("contact.phone")}</dt>
              <dd className="mb-2">{file.administrative.contact.phone ?? "—"}</dd>
            </dl>
          </Card>
        </div>
      </div>
    </PageShell>
  );
}

function History({ revisions, t, format }: { revisions: RevisionDto[] | undefined; t: Translate; format: Format }) {
  if (!revisions || revisions.length === 0) return null;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-4">{t("history.open", { count: revisions.length })}</summary>
      <ol className="mt-2 flex flex-col gap-3 border-l-4 border-line pl-4">
        {revisions.map((revision) => (
          <li key={revision.version}>
            <p className="font-semibold">{t("history.entry", { version: revision.version, date: format.dateTime(revision.changedAt, "dateTime"), name: revision.author ?? "—" })}</p>
            <p>{t("history.reason", { reason: revision.reason })}</p>
            {revision.previousText ? <p className="whitespace-pre-line text-ink-muted">{t("history.previous", { text: revision.previousText })}</p> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
