// A child's informed consent, managed by the representative (ADR 0019: under 12 the parents or
// representatives manage the file's settings). The same texts as the patient's own consent page;
// the decision (MANAGE_PATIENT_SETTINGS) is the access core's, so a representative of an older
// child, or anyone else, gets the refusal instead.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { DeniedNotice } from "@/components/patient-settings/denied-notice";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientSettings } from "@/lib/patient-settings";
import { listRepresentedPatients } from "@/lib/representatives";
import { ChildrenNav } from "../../../children-nav";
import { setChildConsentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("consent");
  return { title: t("title") };
}

const ZDone = z.enum(["given", "withdrawn"]);

export default async function ChildConsentPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["LEGAL_REPRESENTATIVE"]);
  const [{ patientId }, query] = await Promise.all([params, searchParams]);
  const outcome = await readPatientSettings({ actor, patientId, requestId: randomUUID() });
  const patients = await listRepresentedPatients({ actor });
  const [t, tConsent, tRoles, format] = await Promise.all([
    getTranslations("representative"),
    getTranslations("consent"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const name = patients.find((patient) => patient.patientId === patientId)?.name ?? "";
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };
  const back = (
    <LinkButton href="/representative" variant="secondary">
      {t("backToList")}
    </LinkButton>
  );
  if (!outcome.allowed) {
    return (
      <PageShell actor={shellActor}>
        <PageHeading title={tConsent("title")} actions={back} />
        <DeniedNotice decision={outcome.decision} />
      </PageShell>
    );
  }
  const { consent } = outcome.result;
  const done = ZDone.safeParse(query.done).data;
  return (
    <PageShell actor={shellActor}>
      <PageHeading
        title={t("consent.title", { name })}
        description={<p>{t("consent.intro", { name })}</p>}
        actions={back}
      />
      <ChildrenNav patients={patients} current={patientId} />
      {done ? (
        <Alert tone="success" className="mb-6">
          {t(`consent.done.${done}`, { name })}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-8">
        <Card title={tConsent("status.title")}>
          <p className="mb-4 text-lg font-semibold" data-testid="consent-status">
            {consent.active ? t("consent.active", { name }) : t("consent.inactive", { name })}
          </p>
          <p className="mb-4 max-w-prose">
            {consent.active ? t("consent.activeMeans", { name }) : t("consent.inactiveMeans", { name })}
          </p>
          <ActionForm
            action={setChildConsentAction}
            formLabel={consent.active ? tConsent("withdraw.submit") : tConsent("give.submit")}
            hidden={{ patientId, give: consent.active ? "false" : "true" }}
            submitLabel={consent.active ? tConsent("withdraw.submit") : tConsent("give.submit")}
            submitVariant={consent.active ? "danger" : "primary"}
          />
        </Card>
        <Card title={tConsent("history.title")}>
          {consent.history.length === 0 ? (
            <p>{tConsent("history.empty")}</p>
          ) : (
            <ol className="flex flex-col gap-2">
              {consent.history.map((event) => (
                <li key={event.id} className="rounded-lg border-2 border-line p-3">
                  <p className="font-semibold">{tConsent(`history.kind.${event.kind}`)}</p>
                  <p className="text-ink-muted">
                    {format.dateTime(event.occurredAt, "dateTime")}
                    {" · "}
                    {event.recordedBy
                      ? tConsent("history.by", { name: event.recordedBy })
                      : tConsent("history.byOrganisation")}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </PageShell>
  );
}
