// "Toestemming": the patient's informed consent for her treating doctor and other caregivers to
// read her file, what giving and withdrawing each mean in plain words, the button for the one
// that applies now, and the full history (consent is a list of events, never overwritten).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientSettings } from "@/lib/patient-settings";
import { setConsentAction } from "./actions";
import { PatientSettingsPage } from "@/components/patient-settings/settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("consent");
  return { title: t("title") };
}

const ZDone = z.enum(["given", "withdrawn"]);

export default async function ConsentPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const actor = await requirePageActor(["PATIENT"]);
  const outcome = await readPatientSettings({ actor, patientId: actor.personId, requestId: randomUUID() });
  const [t, format, params] = await Promise.all([getTranslations("consent"), getFormatter(), searchParams]);
  const done = ZDone.safeParse(params.done).data;
  if (!outcome.allowed) return <PatientSettingsPage actor={actor} title={t("title")} denied={outcome.decision} />;
  const { consent } = outcome.result;
  return (
    <PatientSettingsPage
      actor={actor}
      title={t("title")}
      intro={t("intro")}
      confirmation={done ? t(`done.${done}`) : undefined}
    >
      <div className="flex flex-col gap-8">
        <Card title={t("status.title")}>
          <p className="mb-4 text-lg font-semibold" data-testid="consent-status">
            {consent.active ? t("status.active") : t("status.inactive")}
          </p>
          <p className="mb-4 max-w-prose">{consent.active ? t("status.activeMeans") : t("status.inactiveMeans")}</p>
          <ActionForm
            action={setConsentAction}
            formLabel={consent.active ? t("withdraw.submit") : t("give.submit")}
            hidden={{ give: consent.active ? "false" : "true" }}
            submitLabel={consent.active ? t("withdraw.submit") : t("give.submit")}
            submitVariant={consent.active ? "danger" : "primary"}
          />
        </Card>
        <Card title={t("explain.title")}>
          <dl className="flex max-w-prose flex-col gap-2">
            <dt className="font-semibold">{t("explain.giveTerm")}</dt>
            <dd className="mb-2">{t("explain.give")}</dd>
            <dt className="font-semibold">{t("explain.withdrawTerm")}</dt>
            <dd className="mb-2">{t("explain.withdraw")}</dd>
            <dt className="font-semibold">{t("explain.notAffectedTerm")}</dt>
            <dd>{t("explain.notAffected")}</dd>
          </dl>
        </Card>
        <Card title={t("history.title")}>
          {consent.history.length === 0 ? (
            <p>{t("history.empty")}</p>
          ) : (
            <ol className="flex flex-col gap-2">
              {consent.history.map((event) => (
                <li key={event.id} className="rounded-lg border-2 border-line p-3">
                  <p className="font-semibold">{t(`history.kind.${event.kind}`)}</p>
                  <p className="text-ink-muted">
                    {format.dateTime(event.occurredAt, "dateTime")}
                    {" · "}
                    {event.bySelf
                      ? t("history.bySelf")
                      : event.recordedBy
                        ? t("history.by", { name: event.recordedBy })
                        : t("history.byOrganisation")}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </PatientSettingsPage>
  );
}
