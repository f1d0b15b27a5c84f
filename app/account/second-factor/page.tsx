// The person's own second factor (ADR 0014): set it up (QR code, then the first code turns it on
// and shows the recovery codes once), see that it is on, or turn it off with a current code.
// Open to everyone signed in, before the role choice and the declaration: a person whose role
// requires a second factor is sent here by the gate until they set it up.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageShell } from "@/components/page-shell";
import { ActionForm } from "@/components/forms/action-form";
import { StateForm } from "@/components/forms/state-form";
import { Alert, Card, PageHeading, SubmitButton } from "@/components/ui";
import { requireSignedInActor } from "@/lib/auth/guards";
import { readSecondFactor } from "@/lib/auth/second-factor";
import { organisation } from "@/lib/env";
import { beginEnrolmentAction, disableSecondFactorAction } from "./actions";
import { ConfirmEnrolmentForm } from "./confirm-form";
import { PageMessages } from "@/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.secondFactor");
  return { title: t("title") };
}

const ZDone = z.enum(["disabled"]);

export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requireSignedInActor();
  const [t, tRoles, format, status, params] = await Promise.all([
    getTranslations("security.secondFactor"),
    getTranslations("roles"),
    getFormatter(),
    readSecondFactor({ personId: actor.personId, issuer: organisation.name }),
    searchParams,
  ]);
  const done = ZDone.safeParse(params.done).data;
  const mustEnrol = actor.secondFactor.required && !actor.secondFactor.enrolled;
  return (
    <PageShell
      width="narrow"
      actor={{ displayName: actor.displayName, roleLabel: actor.activeRole ? tRoles(actor.activeRole) : "—" }}
    >
      <PageHeading title={t("title")} description={t("intro")} />
      <div className="flex flex-col gap-6">
        {done ? <Alert tone="success">{t(`done.${done}`)}</Alert> : null}
        {mustEnrol ? <Alert tone="warning">{t("required")}</Alert> : null}
        {status.status === "no_password" ? <Alert tone="info">{t("noPassword")}</Alert> : null}
        {status.status === "none" ? (
          <Card>
            <p className="mb-4">{t("none.status")}</p>
            <StateForm action={beginEnrolmentAction}>
              <SubmitButton>{t("none.start")}</SubmitButton>
            </StateForm>
          </Card>
        ) : null}
        {status.status === "pending" ? (
          <Card title={t("pending.title")}>
            <ol className="mb-4 flex list-decimal flex-col gap-3 pl-6">
              <li>
                <p>{t("pending.step1")}</p>
                {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, not an asset */}
                <img
                  src={status.qrCodeDataUrl}
                  alt={t("pending.qrAlt")}
                  width={220}
                  height={220}
                  className="my-3 border border-line bg-white"
                />
                <p>{t("pending.manualKey")}</p>
                <p className="font-mono text-lg break-all" data-testid="second-factor-secret">
                  {status.secret}
                </p>
              </li>
              <li>{t("pending.step2")}</li>
            </ol>
            <PageMessages namespaces={["security.secondFactor"]}>
              <ConfirmEnrolmentForm />
            </PageMessages>
            <StateForm action={beginEnrolmentAction} className="mt-4">
              <SubmitButton variant="secondary">{t("pending.restart")}</SubmitButton>
            </StateForm>
          </Card>
        ) : null}
        {status.status === "enabled" ? (
          <>
            <Card>
              <p>{t("enabled.status", { date: format.dateTime(status.enabledAt, "date") })}</p>
              <p className="text-ink-muted">{t("enabled.recoveryLeft", { count: status.recoveryCodesLeft })}</p>
            </Card>
            <Card title={t("enabled.disableTitle")}>
              <p className="mb-4">{t("enabled.disableIntro")}</p>
              <ActionForm
                action={disableSecondFactorAction}
                formLabel={t("enabled.disableTitle")}
                fields={[
                  {
                    kind: "text",
                    name: "code",
                    label: t("enabled.disableLabel"),
                    required: true,
                    maxLength: 20,
                    autoComplete: "one-time-code",
                  },
                ]}
                submitLabel={t("enabled.disableSubmit")}
                submitVariant="danger"
              />
            </Card>
          </>
        ) : null}
      </div>
    </PageShell>
  );
}
