// The patient's own nursing file, every section, read-only. Past the availability window she is
// told how to ask a copy (her own file: the reason reveals nothing).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FileRefusal, NursingFileView } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { filePageFromSearch, type FileSearchParams, readPatientFile, refusalKind } from "@/lib/dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("file");
  return { title: t("ownTitle") };
}

export default async function PatientFilePage({ searchParams }: { searchParams: Promise<FileSearchParams> }) {
  const actor = await requirePageActor(["PATIENT"]);
  // The newest entries first; "older" links page through the rest (ADR 0025).
  const page = filePageFromSearch(await searchParams);
  const outcome = await readPatientFile({ actor, patientId: actor.personId, requestId: randomUUID(), page });
  const [t, tRoles, tCommon] = await Promise.all([
    getTranslations("file"),
    getTranslations("roles"),
    getTranslations("common"),
  ]);
  const backHome = (
    <LinkButton href="/patient" variant="secondary">
      {tCommon("backHome")}
    </LinkButton>
  );
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }} width="wide">
      <PageHeading title={t("ownTitle")} description={<p>{t("ownIntro")}</p>} actions={backHome} />
      {outcome.allowed ? (
        <NursingFileView file={outcome.file} audience="patient" paging={{ basePath: "/patient/file", current: page }} />
      ) : (
        <FileRefusal kind={refusalKind(outcome.decision) ?? "no_access"} audience="patient" />
      )}
    </PageShell>
  );
}
