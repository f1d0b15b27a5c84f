// One represented patient's file, read-only, with the way to the other patients the representative
// acts for. The id comes from the URL: the access decision (a representation in force, the
// patient's age, a minor's agreement, no exclusion, the availability window) lets the file
// through or not. A refusal that rests on the minor's agreement or age is said in words: only
// someone who represents this patient can get it, so it tells them nothing new.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FileRefusal, NursingFileView } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { Alert, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { filePageFromSearch, type FileSearchParams, readPatientFile, refusalKind } from "@/lib/dossier";
import { listRepresentedPatients } from "@/lib/representatives";
import { ChildrenNav } from "../../children-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("file");
  return { title: t("readerTitle") };
}

export default async function RepresentedPatientFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<FileSearchParams>;
}) {
  const actor = await requirePageActor(["LEGAL_REPRESENTATIVE"]);
  const [{ patientId }, query] = await Promise.all([params, searchParams]);
  // The newest entries first; "older" links page through the rest (ADR 0025).
  const page = filePageFromSearch(query);
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID(), page });
  const patients = await listRepresentedPatients({ actor });
  const [t, tFile, tRoles] = await Promise.all([
    getTranslations("representative"),
    getTranslations("file"),
    getTranslations("roles"),
  ]);
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };
  const back = (
    <LinkButton href="/representative" variant="secondary">
      {t("backToList")}
    </LinkButton>
  );
  if (!outcome.allowed) {
    const reason = outcome.decision.reason;
    const told = reason === "minor_agreement_missing" || reason === "patient_decides_alone";
    const name = patients.find((patient) => patient.patientId === patientId)?.name;
    return (
      <PageShell actor={shellActor}>
        <PageHeading title={tFile("readerTitle")} actions={back} />
        <ChildrenNav patients={patients} current={patientId} />
        {told && name ? (
          <Alert tone="warning" title={t(`refusal.${reason}.title`, { name })}>
            <p>{t(`refusal.${reason}.body`, { name })}</p>
          </Alert>
        ) : (
          <FileRefusal kind={refusalKind(outcome.decision) ?? "no_access"} audience="other" />
        )}
      </PageShell>
    );
  }
  const { identification } = outcome.file.administrative;
  return (
    <PageShell actor={shellActor} width="wide">
      <PageHeading
        eyebrow={tFile("readerEyebrow")}
        title={tFile("readerTitleFor", { name: `${identification.firstName} ${identification.lastName}` })}
        description={<p>{t("fileIntro")}</p>}
        actions={back}
      />
      <ChildrenNav patients={patients} current={patientId} />
      <NursingFileView
        file={outcome.file}
        paging={{ basePath: `/representative/patients/${encodeURIComponent(patientId)}`, current: page }}
      />
    </PageShell>
  );
}
