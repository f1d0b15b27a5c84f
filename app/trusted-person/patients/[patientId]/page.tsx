// One appointing patient's file, read-only, for their trusted person. The id comes from the URL,
// so the access decision (active appointment, no exclusion, availability window) is what lets
// the file through; any id that is not theirs gets the same neutral refusal.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReadOnlyFilePage } from "@/components/nursing-file";
import { requirePageActor } from "@/lib/auth/guards";
import { filePageFromSearch, type FileSearchParams, readPatientFile } from "@/lib/dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("file");
  return { title: t("readerTitle") };
}

export default async function TrustedPersonPatientFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<FileSearchParams>;
}) {
  const actor = await requirePageActor(["TRUSTED_PERSON"]);
  const [{ patientId }, query] = await Promise.all([params, searchParams]);
  // The newest entries first; "older" links page through the rest (ADR 0025).
  const page = filePageFromSearch(query);
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID(), page });
  return (
    <ReadOnlyFilePage
      actor={actor}
      outcome={outcome}
      back={{ href: "/trusted-person", namespace: "trustedPerson" }}
      paging={{ basePath: `/trusted-person/patients/${encodeURIComponent(patientId)}`, current: page }}
    />
  );
}
