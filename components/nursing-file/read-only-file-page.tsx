// A patient's file as a reader outside the organisation sees it (trusted person, doctor,
// caregiver): the file read-only, or a refusal worded by refusalKind so it says no more than
// the rule allows. The page reads the file itself (through the access decision) and passes the
// outcome in; this component only shows it.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { LinkButton, PageHeading } from "@/components/ui";
import type { GatedActor } from "@/lib/auth/actor";
import { refusalKind, type FileReadOutcome } from "@/lib/dossier";
import { FileRefusal } from "./file-refusal";
import { type FilePaging, NursingFileView } from "./nursing-file-view";

type Props = {
  actor: GatedActor;
  outcome: FileReadOutcome;
  /** The reader's list of patients, and the namespace holding its `backToList` and `fileIntro`. */
  back: { href: "/caregiver" | "/trusted-person"; namespace: "caregiver" | "trustedPerson" };
  /** What this reader may do with a file they can read (a doctor's correction request), beside the way back. */
  fileActions?: ReactNode;
  /** The page of the long lists shown, for their "older" links. */
  paging?: FilePaging;
};

export async function ReadOnlyFilePage({ actor, outcome, back, fileActions, paging }: Props) {
  const [t, tReader, tRoles] = await Promise.all([
    getTranslations("file"),
    getTranslations(back.namespace),
    getTranslations("roles"),
  ]);
  const backLink = (
    <LinkButton href={back.href} variant="secondary">
      {tReader("backToList")}
    </LinkButton>
  );
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };
  if (!outcome.allowed) {
    return (
      <PageShell actor={shellActor}>
        <PageHeading title={t("readerTitle")} actions={backLink} />
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
        description={<p>{tReader("fileIntro")}</p>}
        actions={
          fileActions ? (
            <>
              {fileActions}
              {backLink}
            </>
          ) : (
            backLink
          )
        }
      />
      <NursingFileView file={outcome.file} paging={paging} />
    </PageShell>
  );
}
