// A legal representative's start (ADR 0019): the patients they act for, what the representation
// lets them do today (it depends on each patient's age, and for a minor of 12 to 15 on the
// minor's agreement), and the way to each file. The access core decides again on every file read.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Card, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { listRepresentedPatients } from "@/lib/representatives";
import { ChildrenNav } from "./children-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("representative");
  return { title: t("metaTitle") };
}

export default async function RepresentativeHomePage() {
  const actor = await requirePageActor(["LEGAL_REPRESENTATIVE"]);
  const patients = await listRepresentedPatients({ actor });
  const [t, tRoles] = await Promise.all([getTranslations("representative"), getTranslations("roles")]);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }}>
      <PageHeading
        eyebrow={tRoles(actor.activeRole)}
        title={t("title", { name: actor.displayName })}
        description={<p>{t("intro")}</p>}
      />
      <ChildrenNav patients={patients} />
      <div className="flex flex-col gap-6">
        {patients.length === 0 ? (
          <Card>
            <p>{t("none")}</p>
          </Card>
        ) : (
          patients.map((patient) => (
            <Card key={patient.patientId} title={patient.name}>
              <p className="mb-4 max-w-prose">{t(`access.${patient.access}`, { name: patient.name })}</p>
              <ul className="flex flex-wrap gap-4">
                {patient.access === "acts_for_patient" || patient.access === "reads_with_agreement" ? (
                  <li>
                    <Link
                      href={`/representative/patients/${encodeURIComponent(patient.patientId)}`}
                      className="font-semibold text-brand-800 underline underline-offset-4"
                    >
                      {t("openFile", { name: patient.name })}
                    </Link>
                  </li>
                ) : null}
                {patient.access === "acts_for_patient" ? (
                  <li>
                    <Link
                      href={`/representative/patients/${encodeURIComponent(patient.patientId)}/consent`}
                      className="font-semibold text-brand-800 underline underline-offset-4"
                    >
                      {t("manageConsent", { name: patient.name })}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </Card>
          ))
        )}
      </div>
    </PageShell>
  );
}
