// A trusted person's start: the patients who appointed them (active appointments only) and, in
// plain words, what their user declaration allows them to do with those files and what not.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PatientList } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { Card, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { listAppointingPatients } from "@/lib/dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trustedPerson");
  return { title: t("metaTitle") };
}

const MAY = ["read", "informalCare", "signal"] as const;
const MAY_NOT = ["change", "actOnBehalf", "share", "otherPurpose"] as const;

export default async function TrustedPersonHomePage() {
  const actor = await requirePageActor(["TRUSTED_PERSON"]);
  const patients = await listAppointingPatients({ actor });
  const [t, tRoles] = await Promise.all([getTranslations("trustedPerson"), getTranslations("roles")]);
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
          reader={{ namespace: "trustedPerson", fileHref: "/trusted-person/patients" }}
        />
        <Card title={t("declaration.title")}>
          <p className="max-w-prose">{t("declaration.intro")}</p>
          <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-2">
            <section aria-labelledby="tp-may">
              <h3 id="tp-may" className="text-lg font-bold">
                {t("declaration.mayTitle")}
              </h3>
              <ul className="mt-2 list-disc pl-6">
                {MAY.map((key) => (
                  <li key={key}>{t(`declaration.may.${key}`)}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="tp-may-not">
              <h3 id="tp-may-not" className="text-lg font-bold">
                {t("declaration.mayNotTitle")}
              </h3>
              <ul className="mt-2 list-disc pl-6">
                {MAY_NOT.map((key) => (
                  <li key={key}>{t(`declaration.mayNot.${key}`)}</li>
                ))}
              </ul>
            </section>
          </div>
          <p className="mt-4">
            <Link href="/declaration" className="font-semibold text-brand-800 underline underline-offset-4">
              {t("declaration.readFull")}
            </Link>
          </p>
        </Card>
      </div>
    </PageShell>
  );
}
