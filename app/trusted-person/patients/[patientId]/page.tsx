// One appointing patient's file, read-only, for their trusted person. The id comes from the URL,
// so the access decision (active appointment, no exclusion, availability window) is what lets
// the file through; any id that is not theirs gets the same neutral refusal.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FileRefusal, NursingFileView } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientFile, refusalKind } from "@/lib/dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("file");
  return { title: t("readerTitle") };
}

export default async function TrustedPersonPatientFilePage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requirePageActor(["TRUSTED_PERSON"]);
  const { patientId } = await params;
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID() });
  const [t, tTrusted, tRoles] = await Promise.all([getTranslations("file"), getTranslations("trustedPerson"), getTranslations("roles")]);
  const back = (
    <LinkButton href="/trusted-person" variant="secondary">
      {tTrusted("backToList")}
    </LinkButton>
  );
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };
  if (!outcome.allowed) {
    return (
      <PageShell actor={shellActor}>
        <PageHeading title={t("readerTitle")} actions={back} />
        <FileRefusal kind={refusalKind(outcome.decision) ?? "no_access"} audience="other" />
      </PageShell>
    );
  }
  const { identification } = outcome.file.administrative;
  return (
    <PageShell actor={shellActor} width="wide">
      <PageHeading
        eyebrow={t("readerEyebrow")}
        title={t("readerTitleFor", { name: `${identification.firstName} ${identification.lastName}` })}
        description={<p>{tTrusted("fileIntro")}</p>}
        actions={back}
      />
      <NursingFileView file={outcome.file} />
    </PageShell>
  );
}
