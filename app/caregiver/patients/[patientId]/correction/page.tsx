// A doctor or caregiver asks a correction of a patient's file, between two consultations: which
// part, optionally which note or reading, and what is wrong. The page reads the file through the
// access decision (so a refused reader sees the refusal, not the form) and offers the recent
// notes and readings to point at; a nurse's assessment is not offered, it is not rewritten.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { FileRefusal } from "@/components/nursing-file";
import { decimalsOf, knownUnits, typeOrder, unitKey } from "@/components/nursing-file/vital-groups";
import { PageShell } from "@/components/page-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { fileSections, MAX_DESCRIPTION_LENGTH, MIN_DESCRIPTION_LENGTH } from "@/lib/corrections/schemas";
import { readPatientFile, refusalKind, type NursingFile } from "@/lib/dossier";
import { requestCaregiverCorrectionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caregiver.correction");
  return { title: t("metaTitle") };
}

const ZDone = z.literal("requested");
/** How many of the latest notes and readings the entry list offers: enough to find a recent one, short enough to scan. */
const ENTRIES_OFFERED = 20;
const shorten = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export default async function CaregiverCorrectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const [{ patientId }, query] = await Promise.all([params, searchParams]);
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID() });
  const [t, tCaregiver, tRoles] = await Promise.all([
    getTranslations("caregiver.correction"),
    getTranslations("caregiver"),
    getTranslations("roles"),
  ]);
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };

  if (!outcome.allowed) {
    return (
      <PageShell actor={shellActor}>
        <PageHeading
          title={t("metaTitle")}
          actions={
            <LinkButton href="/caregiver" variant="secondary">
              {tCaregiver("backToList")}
            </LinkButton>
          }
        />
        <FileRefusal kind={refusalKind(outcome.decision) ?? "no_access"} audience="other" />
      </PageShell>
    );
  }

  const { identification } = outcome.file.administrative;
  const name = `${identification.firstName} ${identification.lastName}`;
  const done = ZDone.safeParse(query.done).success;
  const entryOptions = await entryChoices(outcome.file);
  return (
    <PageShell actor={shellActor}>
      <PageHeading
        eyebrow={tRoles(actor.activeRole)}
        title={t("title", { name })}
        description={<p>{t("intro")}</p>}
        actions={
          <LinkButton href={`/caregiver/patients/${encodeURIComponent(patientId)}`} variant="secondary">
            {t("backToFile")}
          </LinkButton>
        }
      />
      {done ? (
        <Alert tone="success" className="mb-6">
          {t("done")}
        </Alert>
      ) : null}
      <Card title={t("formLabel")}>
        <ActionForm
          action={requestCaregiverCorrectionAction}
          formLabel={t("formLabel")}
          // A new key per render: the same form sent twice is one request, a new form a new one.
          hidden={{ patientId, idempotencyKey: randomUUID() }}
          fields={[
            {
              kind: "select",
              name: "section",
              label: t("section"),
              required: true,
              // A doctor's question is most often about the health part.
              defaultValue: "HEALTH",
              options: fileSections.map((section) => ({ value: section, label: t(`sections.${section}`) })),
            },
            {
              kind: "select",
              name: "entry",
              label: t("entry"),
              hint: t("entryHint"),
              options: [{ value: "", label: t("noEntry") }, ...entryOptions],
            },
            {
              kind: "textarea",
              name: "description",
              label: t("description"),
              hint: t("descriptionHint", { min: MIN_DESCRIPTION_LENGTH }),
              required: true,
              maxLength: MAX_DESCRIPTION_LENGTH,
            },
          ]}
          submitLabel={t("submit")}
        />
      </Card>
    </PageShell>
  );
}

/** The latest notes (not the assessments) and readings, newest first, each labelled by date and content. */
async function entryChoices(file: NursingFile): Promise<Array<{ value: string; label: string }>> {
  const [t, tFile, format] = await Promise.all([
    getTranslations("caregiver.correction"),
    getTranslations("file"),
    getFormatter(),
  ]);
  const health = file.health;
  if (!health) return [];
  const notes = health.nursingNotes
    .filter((note) => note.kind !== "ASSESSMENT")
    .slice(0, ENTRIES_OFFERED)
    .map((note) => ({
      value: `NursingNote:${note.id}`,
      label: `${t("notesGroup")} · ${format.dateTime(note.writtenAt, "dateShort")}: ${shorten(note.text)}`,
    }));
  const readings = health.vitalSigns
    .filter((reading) => (typeOrder as readonly string[]).includes(reading.type))
    .slice(0, ENTRIES_OFFERED)
    .map((reading) => {
      const type = reading.type as (typeof typeOrder)[number];
      const number = (value: number) =>
        format.number(value, { minimumFractionDigits: decimalsOf[type], maximumFractionDigits: decimalsOf[type] });
      const value =
        reading.secondaryValue === null
          ? number(reading.value)
          : `${number(reading.value)}/${number(reading.secondaryValue)}`;
      const unit = (knownUnits as readonly string[]).includes(reading.unit)
        ? tFile(`vitals.units.${unitKey[reading.unit as (typeof knownUnits)[number]]}`)
        : reading.unit;
      return {
        value: `VitalSign:${reading.id}`,
        label: `${t("vitalsGroup")} · ${format.dateTime(reading.measuredAt, "dateTimeShort")}: ${tFile(`vitals.types.${type}`)} ${value} ${unit}`,
      };
    });
  return [...notes, ...readings];
}
