// The doctor's or caregiver's start: "my patients" (active therapeutic relations only, never a
// list of all patients) and the lookup by national number for a concrete care question.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { listMyPatients } from "@/lib/dossier";
import { lookupPatientAction } from "./actions";
import { LookupForm } from "./lookup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caregiver");
  return { title: t("metaTitle") };
}

export default async function CaregiverHomePage() {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const patients = await listMyPatients({ actor });
  const [t, tRoles, format] = await Promise.all([getTranslations("caregiver"), getTranslations("roles"), getFormatter()]);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }}>
      <PageHeading eyebrow={tRoles(actor.activeRole)} title={t("title", { name: actor.displayName })} description={<p>{t("intro")}</p>} />
      <div className="flex flex-col gap-6">
        <Card title={t("patients.title")}>
          <p className="mb-4 max-w-prose text-ink-muted">{t("patients.intro")}</p>
          {patients.length === 0 ? (
            <Alert tone="info" announce="none" title={t("patients.emptyTitle")}>
              <p>{t("patients.emptyBody")}</p>
            </Alert>
          ) : (
            <ul className="flex flex-col gap-3">
              {patients.map((patient) => (
                <li key={patient.patientId} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line p-4">
                  <div>
                    <p className="text-lg font-bold">{patient.name}</p>
                    <p className="text-ink-muted">{t("patients.since", { date: format.dateTime(patient.since, "date") })}</p>
                  </div>
                  <LinkButton href={`/caregiver/patients/${encodeURIComponent(patient.patientId)}`} aria-label={t("patients.openFor", { name: patient.name })}>
                    {t("patients.open")}
                  </LinkButton>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("lookup.title")}>
          <p className="mb-4 max-w-prose">{t("lookup.intro")}</p>
          <LookupForm action={lookupPatientAction} />
        </Card>
      </div>
    </PageShell>
  );
}
