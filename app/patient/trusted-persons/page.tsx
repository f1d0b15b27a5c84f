// "Mijn vertrouwenspersonen": who may read the patient's file as her trusted person, appointing
// someone by national number and last name, and revoking. Read and written through
// lib/patient-settings (MANAGE_PATIENT_SETTINGS, logged).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientSettings } from "@/lib/patient-settings";
import { appointTrustedPersonAction, revokeTrustedPersonAction } from "./actions";
import { PatientSettingsPage } from "@/components/patient-settings/settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trustedPersons");
  return { title: t("title") };
}

const ZDone = z.enum(["appointed", "alreadyAppointed", "revoked", "alreadyRevoked"]);

export default async function TrustedPersonsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["PATIENT"]);
  const outcome = await readPatientSettings({ actor, patientId: actor.personId, requestId: randomUUID() });
  const [t, format, params] = await Promise.all([getTranslations("trustedPersons"), getFormatter(), searchParams]);
  const done = ZDone.safeParse(params.done).data;
  if (!outcome.allowed) return <PatientSettingsPage actor={actor} title={t("title")} denied={outcome.decision} />;
  const { trustedPersons } = outcome.result;
  return (
    <PatientSettingsPage
      actor={actor}
      title={t("title")}
      intro={t("intro")}
      confirmation={done ? t(`done.${done}`) : undefined}
    >
      <div className="flex flex-col gap-8">
        <Card title={t("list.title", { count: trustedPersons.length })}>
          {trustedPersons.length === 0 ? (
            <p>{t("list.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {trustedPersons.map((person) => (
                <li
                  key={person.appointmentId}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-line p-4"
                >
                  <div>
                    <p className="text-lg font-bold">{person.name}</p>
                    <p className="text-ink-muted">
                      {t("list.since", { date: format.dateTime(person.appointedAt, "date") })}
                    </p>
                  </div>
                  <ActionForm
                    action={revokeTrustedPersonAction}
                    formLabel={t("list.revokeLabel", { name: person.name })}
                    hidden={{ appointmentId: person.appointmentId }}
                    submitLabel={t("list.revoke")}
                    submitVariant="secondary"
                    compact
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("appoint.title")}>
          <p className="mb-4 max-w-prose">{t("appoint.intro")}</p>
          <ActionForm
            action={appointTrustedPersonAction}
            formLabel={t("appoint.title")}
            fields={[
              {
                kind: "text",
                name: "insz",
                label: t("appoint.insz"),
                hint: t("appoint.inszHint"),
                required: true,
                maxLength: 20,
                inputMode: "numeric",
                autoComplete: "off",
              },
              {
                kind: "text",
                name: "lastName",
                label: t("appoint.lastName"),
                required: true,
                maxLength: 200,
                autoComplete: "off",
              },
            ]}
            submitLabel={t("appoint.submit")}
          />
        </Card>
        <Card title={t("rules.title")}>
          <ul className="flex max-w-prose list-disc flex-col gap-2 pl-6">
            <li>{t("rules.may")}</li>
            <li>{t("rules.mayNot")}</li>
            <li>{t("rules.revoke")}</li>
          </ul>
        </Card>
      </div>
    </PatientSettingsPage>
  );
}
