// "Mijn vertegenwoordigers": a minor of 12 to 15 decides whether each legal representative (a
// parent) reads their file, and can withdraw or give that agreement at any time (ADR 0019). The
// list and the change are the patient's own action DECIDE_REPRESENTATIVE_AGREEMENT, decided and
// logged; the representative's very next request is decided on the new state.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { PatientSettingsPage } from "@/components/patient-settings/settings-page";
import { Card } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readMyRepresentatives } from "@/lib/representatives";
import { setAgreementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("representative.agreement");
  return { title: t("title") };
}

const ZDone = z.enum(["given", "withdrawn"]);

export default async function MyRepresentativesPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["PATIENT"]);
  const outcome = await readMyRepresentatives({ actor, patientId: actor.personId, requestId: randomUUID() });
  const [t, tCoordinator, params] = await Promise.all([
    getTranslations("representative.agreement"),
    getTranslations("coordinator"),
    searchParams,
  ]);
  if (!outcome.allowed) return <PatientSettingsPage actor={actor} title={t("title")} denied={outcome.decision} />;
  const { ageBand, representatives } = outcome.result;
  const done = ZDone.safeParse(params.done).data;
  const decides = ageBand === "12_to_15";
  return (
    <PatientSettingsPage
      actor={actor}
      title={t("title")}
      intro={decides ? t("introMinor") : t("introAlone")}
      confirmation={done ? t(`done.${done}`) : undefined}
    >
      {representatives.length === 0 ? (
        <Card>
          <p>{t("none")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-4">
          {representatives.map((representative) => (
            <li key={representative.representativeId}>
              <Card title={representative.name}>
                <p className="mb-1 text-ink-muted">{tCoordinator(`bases.${representative.basis}`)}</p>
                <p className="mb-4 text-lg font-semibold" data-testid="agreement-status">
                  {!decides
                    ? t("status.alone", { name: representative.name })
                    : representative.agreed
                      ? t("status.agreed", { name: representative.name })
                      : t("status.notAgreed", { name: representative.name })}
                </p>
                {decides ? (
                  <ActionForm
                    action={setAgreementAction}
                    formLabel={
                      representative.agreed
                        ? t("withdraw", { name: representative.name })
                        : t("give", { name: representative.name })
                    }
                    hidden={{
                      representativeId: representative.representativeId,
                      agree: representative.agreed ? "false" : "true",
                    }}
                    submitLabel={
                      representative.agreed
                        ? t("withdraw", { name: representative.name })
                        : t("give", { name: representative.name })
                    }
                    submitVariant={representative.agreed ? "danger" : "primary"}
                  />
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </PatientSettingsPage>
  );
}
