// A patient's file, read-only, for a doctor or caregiver. The id comes from the URL: the access
// decision (relation, consent, exclusion, availability window) is what lets the file through, and
// refusalKind decides how much a refusal may say.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReadOnlyFilePage } from "@/components/nursing-file";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientFile } from "@/lib/dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("file");
  return { title: t("readerTitle") };
}

export default async function CaregiverPatientFilePage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const { patientId } = await params;
  const outcome = await readPatientFile({ actor, patientId, requestId: randomUUID() });
  return <ReadOnlyFilePage actor={actor} outcome={outcome} back={{ href: "/caregiver", namespace: "caregiver" }} />;
}
