// One correction request for the service center: the request, its deadline, the patient's
// administrative data as now on file (never health data), and the answer that fits: correct an
// administrative field with a reason, pass a health-data request to the responsible nurse, or
// reject with a reason. Read through lib/corrections (READ_ADMINISTRATIVE, logged).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { DeniedNotice } from "@/components/patient-settings/denied-notice";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readCorrectionForServiceCenter } from "@/lib/corrections";
import {
  administrativeFieldNames,
  administrativeFields,
  MAX_REASON_LENGTH,
  MAX_VALUE_LENGTH,
  MIN_REASON_LENGTH,
} from "@/lib/corrections/schemas";
import { isPortalError } from "@/lib/errors";
import { rejectCorrectionAction, resolveAdministrativeAction, routeToNurseAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("corrections");
  return { title: t("queue.title") };
}

export default async function CorrectionDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const { id } = await params;
  let outcome: Awaited<ReturnType<typeof readCorrectionForServiceCenter>>;
  try {
    outcome = await readCorrectionForServiceCenter({ actor, correctionId: id.slice(0, 100), requestId: randomUUID() });
  } catch (error) {
    if (isPortalError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const [t, tRoles, tSecurity, format] = await Promise.all([
    getTranslations("corrections"),
    getTranslations("roles"),
    getTranslations("security"),
    getFormatter(),
  ]);
  const roleLabel = tRoles(actor.activeRole);
  const back = (
    <LinkButton href="/service-center/corrections" variant="secondary">
      {t("detail.back")}
    </LinkButton>
  );
  if (!outcome.allowed) {
    return (
      <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
        <PageHeading title={t("queue.title")} actions={back} />
        <DeniedNotice decision={outcome.decision} />
      </PageShell>
    );
  }
  const { request, administrative, responsibleNurse, assignedNurse, reroutable } = outcome.result;
  const overdue = request.dueAt.getTime() <= Date.now();
  const open = request.status === "OPEN";
  const hidden = { correctionId: request.id, correctionVersion: String(request.version) };
  const fieldsOfSection = administrativeFieldNames.filter(
    (field) => administrativeFields[field].section === request.section,
  );
  // The request's own section first: that is what the requester meant, usually.
  const fieldOrder = [
    ...fieldsOfSection,
    ...administrativeFieldNames.filter((field) => !fieldsOfSection.includes(field)),
  ];
  const versions = Object.fromEntries(
    administrativeFieldNames.map((field) => [`versions.${field}`, String(administrative.versions[field])]),
  );

  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading eyebrow={roleLabel} title={t("detail.title", { name: request.patient.name })} actions={back} />
      <div className="flex flex-col gap-8">
        <Card title={t("detail.request")}>
          <p className="font-bold">
            {t(`sections.${request.section}`)} · {t(`status.${request.status}`)}
          </p>
          {request.description === null ? (
            <p className="my-2 text-ink-muted italic">{tSecurity("healthWithheld")}</p>
          ) : (
            <p className="my-2 whitespace-pre-line break-words">{request.description}</p>
          )}
          {request.entityType ? <p className="text-ink-muted">{t("detail.entry")}</p> : null}
          <p className="text-ink-muted">
            {t("detail.requestedBy", {
              name: request.requestedBy,
              role: tRoles(request.requesterRole),
              date: format.dateTime(request.createdAt, "date"),
            })}
          </p>
          <p
            className={overdue && open ? "font-bold text-danger-700" : "font-semibold"}
            data-testid="correction-deadline"
          >
            {overdue && open
              ? t("detail.dueOverdue", { date: format.dateTime(request.dueAt, "date") })
              : t("detail.dueAt", { date: format.dateTime(request.dueAt, "date") })}
          </p>
        </Card>

        {assignedNurse ? (
          <Card title={t("detail.route.title")}>
            <p className="max-w-prose">{t("detail.route.waitingWith", { nurse: assignedNurse })}</p>
            {reroutable && responsibleNurse ? (
              <div className="mt-4">
                <Alert tone="warning">
                  {t("detail.route.nurseChanged", { nurse: assignedNurse, responsible: responsibleNurse })}
                </Alert>
                <div className="mt-4">
                  <ActionForm
                    action={routeToNurseAction}
                    formLabel={t("detail.route.again")}
                    hidden={hidden}
                    submitLabel={t("detail.route.again")}
                  />
                </div>
              </div>
            ) : null}
          </Card>
        ) : !open ? (
          <Alert tone="info">{t("detail.closed", { status: t(`status.${request.status}`) })}</Alert>
        ) : request.section === "HEALTH" ? (
          <Card title={t("detail.route.title")}>
            {responsibleNurse ? (
              <>
                <p className="mb-4 max-w-prose">{t("detail.route.intro", { nurse: responsibleNurse })}</p>
                <ActionForm
                  action={routeToNurseAction}
                  formLabel={t("detail.route.title")}
                  hidden={hidden}
                  submitLabel={t("detail.route.submit")}
                />
              </>
            ) : (
              <Alert tone="warning">{t("detail.route.noNurse")}</Alert>
            )}
          </Card>
        ) : (
          <Card title={t("detail.correct.title")}>
            <h3 className="mb-2 text-lg font-bold">{t("detail.current")}</h3>
            <dl className="mb-6 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
              {fieldOrder.map((field) => (
                <div key={field} className="contents">
                  <dt className="font-semibold">{t(`detail.fields.${field}`)}</dt>
                  <dd className="break-words">
                    {administrative.values[field] ?? <span className="text-ink-muted">{t("detail.empty")}</span>}
                  </dd>
                </div>
              ))}
            </dl>
            <ActionForm
              action={resolveAdministrativeAction}
              formLabel={t("detail.correct.title")}
              hidden={{ ...hidden, ...versions }}
              fields={[
                {
                  kind: "select",
                  name: "field",
                  label: t("detail.correct.field"),
                  required: true,
                  options: fieldOrder.map((field) => ({ value: field, label: t(`detail.fields.${field}`) })),
                },
                {
                  kind: "text",
                  name: "value",
                  label: t("detail.correct.value"),
                  hint: t("detail.correct.valueHint"),
                  maxLength: MAX_VALUE_LENGTH,
                  autoComplete: "off",
                },
                {
                  kind: "textarea",
                  name: "reason",
                  label: t("detail.correct.reason"),
                  hint: t("detail.correct.reasonHint", { min: MIN_REASON_LENGTH }),
                  required: true,
                  maxLength: MAX_REASON_LENGTH,
                },
              ]}
              submitLabel={t("detail.correct.submit")}
            />
          </Card>
        )}

        {open ? (
          <Card title={t("detail.reject.title")}>
            <ActionForm
              action={rejectCorrectionAction}
              formLabel={t("detail.reject.title")}
              hidden={hidden}
              fields={[
                {
                  kind: "textarea",
                  name: "reason",
                  label: t("detail.reject.reason"),
                  hint: t("detail.reject.reasonHint", { min: MIN_REASON_LENGTH }),
                  required: true,
                  maxLength: MAX_REASON_LENGTH,
                },
              ]}
              submitLabel={t("detail.reject.submit")}
              submitVariant="danger"
            />
          </Card>
        ) : null}
      </div>
    </PageShell>
  );
}
