// A patient's file, read-only, for a doctor or caregiver. The id comes from the URL: the access
// decision (relation, consent, exclusion, availability window) is what lets the file through, and
// refusalKind decides how much a refusal may say. From here the reader may ask a correction.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReadOnlyFilePage } from "@/components/nursing-file";
import { LinkButton } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { filePageFromSearch, type FileSearchParams, readPatientFile } from "@/lib/dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("file");
  return { title: t("readerTitle") };
}

export default async function CaregiverPatientFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<FileSearchParams>;
}) {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const [{ patientId }, query] = await Promise.all([params, searchParams]);
  // The newest entries first; "older" links page through the rest (ADR 0025).
  const page = filePageFromSearch(query);
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID(), page });
  const t = await getTranslations("caregiver.correction");
  const name = outcome.allowed
    ? `${outcome.file.administrative.identification.firstName} ${outcome.file.administrative.identification.lastName}`
    : "";
  return (
    <ReadOnlyFilePage
      actor={actor}
      outcome={outcome}
      back={{ href: "/caregiver", namespace: "caregiver" }}
      paging={{ basePath: `/caregiver/patients/${encodeURIComponent(patientId)}`, current: page }}
      // Doctors and caregivers may ask a correction (REQUEST_CORRECTION); trusted persons may not.
      fileActions={
        outcome.allowed ? (
          <LinkButton
            href={`/caregiver/patients/${encodeURIComponent(patientId)}/correction`}
            aria-label={t("askLinkFor", { name })}
          >
            {t("askLink")}
          </LinkButton>
        ) : null
      }
    />
  );
}
