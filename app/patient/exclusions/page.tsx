// "Uitsluitingen": caregivers and nurses the patient refuses access to her file. She picks one
// who has or had a relation with her, or names anyone by national number and last name, and can
// lift an exclusion again. Read and written through lib/patient-settings (logged).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientSettings } from "@/lib/patient-settings";
import { excludeByInszAction, excludeRelatedAction, liftExclusionAction } from "./actions";
import { PatientSettingsPage } from "@/components/patient-settings/settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exclusions");
  return { title: t("title") };
}

const ZDone = z.enum(["excluded", "alreadyExcluded", "lifted", "alreadyLifted"]);
const itemClasses = "flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-line p-4";

export default async function ExclusionsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["PATIENT"]);
  const outcome = await readPatientSettings({ actor, patientId: actor.personId, requestId: randomUUID() });
  const [t, format, params] = await Promise.all([getTranslations("exclusions"), getFormatter(), searchParams]);
  const done = ZDone.safeParse(params.done).data;
  if (!outcome.allowed) return <PatientSettingsPage actor={actor} title={t("title")} denied={outcome.decision} />;
  const { exclusions, excludable } = outcome.result;
  return (
    <PatientSettingsPage
      actor={actor}
      title={t("title")}
      intro={t("intro")}
      confirmation={done ? t(`done.${done}`) : undefined}
    >
      <div className="flex flex-col gap-8">
        <Card title={t("current.title", { count: exclusions.length })}>
          {exclusions.length === 0 ? (
            <p>{t("current.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {exclusions.map((exclusion) => (
                <li key={exclusion.exclusionId} className={itemClasses}>
                  <div>
                    <p className="text-lg font-bold">{exclusion.name}</p>
                    <p className="text-ink-muted">
                      {t("current.since", { date: format.dateTime(exclusion.since, "date") })}
                    </p>
                  </div>
                  <ActionForm
                    action={liftExclusionAction}
                    formLabel={t("current.liftLabel", { name: exclusion.name })}
                    hidden={{ exclusionId: exclusion.exclusionId }}
                    submitLabel={t("current.lift")}
                    submitVariant="secondary"
                    compact
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("related.title")}>
          <p className="mb-4 max-w-prose">{t("related.intro")}</p>
          {excludable.length === 0 ? (
            <p>{t("related.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {excludable.map((person) => (
                <li key={person.personId} className={itemClasses}>
                  <div>
                    <p className="text-lg font-bold">{person.name}</p>
                    <p className="text-ink-muted">
                      {t(`related.kind.${person.kind}`)} · {person.current ? t("related.current") : t("related.past")}
                    </p>
                  </div>
                  <ActionForm
                    action={excludeRelatedAction}
                    formLabel={t("related.excludeLabel", { name: person.name })}
                    hidden={{ personId: person.personId }}
                    submitLabel={t("related.exclude")}
                    submitVariant="danger"
                    compact
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("byInsz.title")}>
          <p className="mb-4 max-w-prose">{t("byInsz.intro")}</p>
          <ActionForm
            action={excludeByInszAction}
            formLabel={t("byInsz.title")}
            fields={[
              {
                kind: "text",
                name: "insz",
                label: t("byInsz.insz"),
                hint: t("byInsz.inszHint"),
                required: true,
                maxLength: 20,
                inputMode: "numeric",
                autoComplete: "off",
              },
              {
                kind: "text",
                name: "lastName",
                label: t("byInsz.lastName"),
                required: true,
                maxLength: 200,
                autoComplete: "off",
              },
            ]}
            submitLabel={t("byInsz.submit")}
          />
        </Card>
        <Card title={t("rules.title")}>
          <ul className="flex max-w-prose list-disc flex-col gap-2 pl-6">
            <li>{t("rules.effect")}</li>
            <li>{t("rules.emergency")}</li>
            <li>{t("rules.lift")}</li>
          </ul>
        </Card>
      </div>
    </PatientSettingsPage>
  );
}
