// The doctor's or caregiver's start: "my patients" (active therapeutic relations only, never a
// list of all patients) and the lookup by national number for a concrete care question.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PatientList } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { Card, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { listMyPatients } from "@/lib/dossier";
import { lookupPatientAction } from "./actions";
import { LookupForm } from "./lookup-form";
import { PageMessages } from "@/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caregiver");
  return { title: t("metaTitle") };
}

export default async function CaregiverHomePage() {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  const patients = await listMyPatients({ actor });
  const [t, tRoles] = await Promise.all([getTranslations("caregiver"), getTranslations("roles")]);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }}>
      <PageHeading
        eyebrow={tRoles(actor.activeRole)}
        title={t("title", { name: actor.displayName })}
        description={<p>{t("intro")}</p>}
      />
      <div className="flex flex-col gap-6">
        <PatientList
          patients={patients}
          reader={{ namespace: "caregiver", fileHref: "/caregiver/patients" }}
          withIntro
        />
        <Card title={t("lookup.title")}>
          <p className="mb-4 max-w-prose">{t("lookup.intro")}</p>
          <PageMessages namespaces={["caregiver.lookup"]}>
            <LookupForm action={lookupPatientAction} />
          </PageMessages>
        </Card>
      </div>
    </PageShell>
  );
}
