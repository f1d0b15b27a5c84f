// The service center's review list (domain.md "Misuse", "NURSE"): users suspended for misuse,
// each lifted only with a written reason, and nurses' emergency accesses, each marked reviewed.
// The agent is often on the phone with the person concerned, so each item says in plain words
// who, why and since when, and the action sits right under it.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageShell } from "@/components/page-shell";
import { ReviewItemForm } from "@/components/review/review-item-form";
import {
  isExpired,
  splitReviewItems,
  type EmergencyAccessReviewItem,
  type SuspensionReviewItem,
} from "@/components/review/review-lists";
import { Alert, Card, PageHeading } from "@/components/ui";
import { listReviewItems, MIN_LIFT_REASON_LENGTH } from "@/lib/access";
import { requirePageActor } from "@/lib/auth/guards";
import { liftSuspensionAction, reviewEmergencyAccessAction } from "./actions";
import { MAX_LIFT_REASON_LENGTH, MAX_REVIEW_NOTE_LENGTH } from "./schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/** Set by the actions' redirect; anything else in the query shows nothing. */
const ZDone = z.enum(["lifted", "reviewed"]);

type Translate = Awaited<ReturnType<typeof getTranslations<"review">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

export default async function ServiceCenterReviewPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const [t, tRoles, format, items, params] = await Promise.all([
    getTranslations("review"),
    getTranslations("roles"),
    getFormatter(),
    listReviewItems({ actor }),
    searchParams,
  ]);
  const done = ZDone.safeParse(params.done).data;
  const { suspensions, emergencyAccesses } = splitReviewItems(items);
  const now = new Date();
  const roleLabel = tRoles(actor.activeRole);

  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading eyebrow={roleLabel} title={t("title")} description={t("intro")} />
      {done ? (
        <Alert tone="success" className="mb-6">
          {t(`done.${done}`)}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-8">
        <Card title={t("suspensions.title", { count: suspensions.length })}>
          {suspensions.length === 0 ? (
            <p>{t("suspensions.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-6">
              {suspensions.map((item) => (
                <li key={item.id}>
                  <SuspensionItem item={item} t={t} format={format} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("emergency.title", { count: emergencyAccesses.length })}>
          {emergencyAccesses.length === 0 ? (
            <p>{t("emergency.empty")}</p>
          ) : (
            <ul className="flex flex-col gap-6">
              {emergencyAccesses.map((item) => (
                <li key={item.id}>
                  <EmergencyAccessItem item={item} t={t} format={format} now={now} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </PageShell>
  );
}

const itemClasses = "rounded-lg border-2 border-line p-4 sm:p-5";
const termClasses = "font-semibold text-ink";
const definitionClasses = "mb-2 text-ink break-words";

function causeText(item: SuspensionReviewItem, t: Translate): string {
  if (item.cause === "MANUAL") return t("suspensions.manual");
  const count = item.patientIds.length;
  return item.windowMinutes === null
    ? t("suspensions.systematicNoWindow", { count })
    : t("suspensions.systematic", { count, minutes: item.windowMinutes });
}

function SuspensionItem({ item, t, format }: { item: SuspensionReviewItem; t: Translate; format: Format }) {
  const headingId = `suspension-${item.id}`;
  return (
    <article aria-labelledby={headingId} className={itemClasses}>
      <h3 id={headingId} className="text-lg font-bold">
        {item.person.name}
      </h3>
      <p className="mb-3 text-ink-muted">
        {t("suspensions.since", { date: format.dateTime(item.createdAt, "dateTime") })}
      </p>
      <dl>
        <dt className={termClasses}>{t("suspensions.causeLabel")}</dt>
        <dd className={definitionClasses}>
          {causeText(item, t)}
          {/* A manual suspension's reason was written by staff for staff; the detector's is not meant for people. */}
          {item.cause === "MANUAL" ? (
            <span className="block">{t("suspensions.manualReason", { reason: item.reason })}</span>
          ) : null}
        </dd>
      </dl>
      <ReviewItemForm
        action={liftSuspensionAction}
        formLabel={t("suspensions.formLabel", { name: item.person.name })}
        idField={{ name: "suspensionId", value: item.id }}
        textField={{
          name: "reason",
          label: t("suspensions.reasonLabel"),
          hint: t("suspensions.reasonHint", { min: MIN_LIFT_REASON_LENGTH }),
          required: true,
          maxLength: MAX_LIFT_REASON_LENGTH,
        }}
        submitLabel={t("suspensions.submit")}
      />
    </article>
  );
}

function EmergencyAccessItem({
  item,
  t,
  format,
  now,
}: {
  item: EmergencyAccessReviewItem;
  t: Translate;
  format: Format;
  now: Date;
}) {
  const headingId = `emergency-access-${item.id}`;
  const names = { nurse: item.nurse.name, patient: item.patient.name };
  const expiresAt = format.dateTime(item.expiresAt, "dateTime");
  return (
    <article aria-labelledby={headingId} className={itemClasses}>
      <h3 id={headingId} className="mb-3 text-lg font-bold">
        {t("emergency.heading", names)}
      </h3>
      <dl className="grid gap-x-6 sm:grid-cols-[max-content_1fr]">
        <dt className={termClasses}>{t("emergency.nurse")}</dt>
        <dd className={definitionClasses}>{item.nurse.name}</dd>
        <dt className={termClasses}>{t("emergency.patient")}</dt>
        <dd className={definitionClasses}>{item.patient.name}</dd>
        <dt className={termClasses}>{t("emergency.reason")}</dt>
        <dd className={`${definitionClasses} whitespace-pre-line`}>{item.reason}</dd>
        <dt className={termClasses}>{t("emergency.started")}</dt>
        <dd className={definitionClasses}>{format.dateTime(item.startedAt, "dateTime")}</dd>
        <dt className={termClasses}>{t("emergency.validity")}</dt>
        <dd className={definitionClasses}>
          {isExpired(item, now)
            ? t("emergency.expiredOn", { date: expiresAt })
            : t("emergency.activeUntil", { date: expiresAt })}
        </dd>
      </dl>
      <ReviewItemForm
        action={reviewEmergencyAccessAction}
        formLabel={t("emergency.formLabel", names)}
        idField={{ name: "emergencyAccessId", value: item.id }}
        textField={{
          name: "note",
          label: t("emergency.noteLabel"),
          hint: t("emergency.noteHint"),
          required: false,
          maxLength: MAX_REVIEW_NOTE_LENGTH,
        }}
        submitLabel={t("emergency.submit")}
      />
    </article>
  );
}
