// The nurse's work screen for one patient: what she records on a visit first (vital parameters,
// a note, the next visit), the correction requests routed to her for this patient, then the file
// to read and correct (notes, readings and the care plan, each with its history; planned visits,
// contact data). Everything shown is read by readNurseWorkScreen under one READ_HEALTH decision
// (one entry in the patient's access log per page view); each form posts to
// an action that writes through lib/nursing or lib/corrections/nurse. A file she may not open
// shows the same refusal whatever the reason, with the emergency form.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Alert, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { entryIdFromSearch, filePageFromSearch, pageHref, type FileSearchParams } from "@/lib/dossier";
import { readNurseWorkScreen, WORK_SCREEN_PAGE_SIZES } from "@/lib/nursing";
import { EmergencyAccessCard } from "../../_components/emergency-access-card";
import { CarePlanSection } from "./care-plan-section";
import { ZDone } from "./done";
import type { Correcting } from "./entry-article";
import { NewEntryForms } from "./new-entry-forms";
import { NotesSection } from "./notes-section";
import { RoutedCorrectionsSection } from "./routed-corrections-section";
import { VisitsAndContact } from "./visits-and-contact";
import { VitalsSection } from "./vitals-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nurse");
  return { title: t("file.title") };
}

export default async function NursePatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<FileSearchParams & { done?: string; correct?: string }>;
}) {
  const actor = await requirePageActor(["NURSE"]);
  const [{ patientId }, query, t, tRoles, format] = await Promise.all([
    params,
    searchParams,
    getTranslations("nurse"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const roleLabel = tRoles(actor.activeRole);
  const shell = { displayName: actor.displayName, roleLabel };
  const back = (
    <LinkButton href="/nurse" variant="secondary">
      {t("file.back")}
    </LinkButton>
  );
  // The newest notes and readings first; "older" links page through the rest (ADR 0025).
  const page = filePageFromSearch(query, WORK_SCREEN_PAGE_SIZES);
  const basePath = `/nurse/patients/${encodeURIComponent(patientId)}`;
  const outcome = await readNurseWorkScreen({ actor, patientId, requestId: randomUUID(), page });

  if (!outcome.allowed) {
    return (
      <PageShell actor={shell}>
        <PageHeading eyebrow={roleLabel} title={t("file.refusedTitle")} />
        <div className="flex flex-col gap-6">
          <Alert tone="warning">{t("file.refused")}</Alert>
          <EmergencyAccessCard patientId={patientId} />
          <div>{back}</div>
        </div>
      </PageShell>
    );
  }

  const { file, revisions, routed, emergencyUntil, entryPages } = outcome.screen;
  const { health } = file;
  const name = `${file.administrative.identification.firstName} ${file.administrative.identification.lastName}`;
  const done = ZDone.safeParse(query.done).data;
  const now = new Date();
  const notes = health.nursingNotes;
  const readings = health.vitalSigns;
  // Where a routed request's link goes: the entry on this page, or the page of its list that
  // starts with it.
  const entryLinks = new Map<string, string>();
  for (const entry of [...notes, ...readings, ...health.carePlan]) entryLinks.set(entry.id, `#entry-${entry.id}`);
  for (const [entryId, located] of Object.entries(entryPages))
    entryLinks.set(entryId, pageHref(basePath, located.list, located.before, `entry-${entryId}`));
  const paging = { basePath, current: page };
  // The one correction form open on this view, if any (`?correct=<entry id>`).
  const correcting: Correcting = { paging, entryId: entryIdFromSearch(query.correct) };
  const upcoming = health.plannedVisits.filter((visit) => visit.status === "PLANNED" && visit.startsAt >= now);

  return (
    <PageShell actor={shell} width="wide">
      <PageHeading eyebrow={t("file.eyebrow")} title={name} actions={back} />
      <div className="flex flex-col gap-6">
        {emergencyUntil ? (
          <Alert tone="warning" title={t("file.emergencyTitle")}>
            {t("file.emergencyUntil", { date: format.dateTime(emergencyUntil, "dateTime") })}
          </Alert>
        ) : null}
        {done ? <Alert tone="success">{t(`done.${done}`)}</Alert> : null}
        <NewEntryForms patientId={patientId} />
        <RoutedCorrectionsSection requests={routed} entryLinks={entryLinks} />
        <div id="notes" className="scroll-mt-4">
          <NotesSection
            patientId={patientId}
            notes={notes}
            revisions={revisions}
            pages={health.pages}
            correcting={correcting}
          />
        </div>
        <div id="vitals" className="scroll-mt-4">
          <VitalsSection
            patientId={patientId}
            readings={readings}
            revisions={revisions}
            pages={health.pages}
            correcting={correcting}
          />
        </div>
        <CarePlanSection patientId={patientId} items={health.carePlan} revisions={revisions} correcting={correcting} />
        <VisitsAndContact upcoming={upcoming} contact={file.administrative.contact} />
      </div>
    </PageShell>
  );
}
