// "Who looked at my file" (issue 3): the patient's view of the access log of her own file. The
// read goes through readAccessLog, which decides READ_ACCESS_LOG like every other access and
// logs it, so this page's own visit shows up in the log too. A denial (the file past its
// availability window) is shown in words, never as an empty list.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessLogFilters } from "@/components/access-log/access-log-filters";
import { AccessLogTable } from "@/components/access-log/access-log-table";
import {
  accessLogHref,
  hasActiveFilter,
  parseAccessLogSearchParams,
  toAccessLogFilter,
  type RawSearchParams,
} from "@/components/access-log/search-params";
import { PageShell } from "@/components/page-shell";
import { DeniedNotice } from "@/components/patient-settings/denied-notice";
import { Alert, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readAccessLog, type AccessLogView } from "@/lib/audit/view";
import { organisation } from "@/lib/env";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessLog");
  return { title: t("title") };
}

export default async function PatientAccessLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor(["PATIENT"]);
  const params = parseAccessLogSearchParams(await searchParams);
  const outcome = await readAccessLog({
    actor,
    // Always the signed-in patient's own file: no patient id is taken from the URL.
    patientId: actor.personId,
    requestId: randomUUID(),
    limit: PAGE_SIZE,
    before: params.before,
    ...toAccessLogFilter(params, new Date()),
  });

  const [t, tRoles, tCommon] = await Promise.all([
    getTranslations("accessLog"),
    getTranslations("roles"),
    getTranslations("common"),
  ]);
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };
  const backHome = (
    <LinkButton href="/patient" variant="secondary">
      {tCommon("backHome")}
    </LinkButton>
  );

  if (!outcome.allowed) {
    return (
      <PageShell actor={shellActor}>
        <PageHeading title={t("title")} />
        <DeniedNotice decision={outcome.decision} />
        <div className="mt-6">{backHome}</div>
      </PageShell>
    );
  }

  const { entries, nextBefore } = outcome.page;
  const filtered = hasActiveFilter(params);

  return (
    <PageShell actor={shellActor} width="wide">
      <PageHeading title={t("title")} description={<p>{t("intro")}</p>} actions={backHome} />
      <AccessLogFilters params={params} />
      <EmergencySummary entries={entries} />
      {entries.length === 0 ? (
        <Alert tone="info" announce="none" title={filtered ? t("empty.filteredTitle") : t("empty.title")}>
          {filtered ? <p>{t("empty.filteredHint")}</p> : null}
        </Alert>
      ) : (
        <AccessLogTable entries={entries} />
      )}
      {nextBefore || params.before ? (
        <nav aria-label={t("paging.label")} className="no-print mt-6 flex flex-wrap gap-3">
          {nextBefore ? <LinkButton href={accessLogHref(params, nextBefore)}>{t("paging.older")}</LinkButton> : null}
          {params.before ? (
            <LinkButton href={accessLogHref(params)} variant="secondary">
              {t("paging.newest")}
            </LinkButton>
          ) : null}
        </nav>
      ) : null}
    </PageShell>
  );
}

/**
 * Emergency accesses on this page, once each, above the list: the patient should not have to
 * find them between her own visits. Each is also marked in its rows.
 */
async function EmergencySummary({ entries }: { entries: AccessLogView[] }) {
  const accesses = new Map<string, { name: string; reason: string; expiresAt: Date; firstUsed: Date }>();
  for (const entry of entries) {
    if (entry.decision !== "ALLOW" || !entry.emergencyAccess || !entry.actor) continue;
    const key = `${entry.actor.name}\u0000${entry.emergencyAccess.reason}\u0000${entry.emergencyAccess.expiresAt.toISOString()}`;
    // Entries come newest first, so the last one written per access is its earliest use.
    accesses.set(key, {
      name: entry.actor.name,
      reason: entry.emergencyAccess.reason,
      expiresAt: entry.emergencyAccess.expiresAt,
      firstUsed: entry.occurredAt,
    });
  }
  if (accesses.size === 0) return null;
  const [t, format] = await Promise.all([getTranslations("accessLog.emergency"), getFormatter()]);
  return (
    <section
      aria-labelledby="emergency-access-heading"
      className="mb-6 rounded-xl border-l-8 border-warning-700 bg-warning-50 p-5"
    >
      <h2 id="emergency-access-heading" className="text-xl font-bold">
        {t("summaryTitle")}
      </h2>
      <p className="mt-2 max-w-prose">{t("summaryIntro", { phone: organisation.serviceCenterPhone })}</p>
      <ul className="mt-3 flex flex-col gap-3">
        {[...accesses].map(([key, access]) => (
          <li key={key} className="rounded-lg border border-warning-700 bg-white p-3">
            <p className="font-bold">
              {access.name} ·{" "}
              <time dateTime={access.firstUsed.toISOString()}>{format.dateTime(access.firstUsed, "dateTime")}</time>
            </p>
            <p>{t("reason", { reason: access.reason })}</p>
            <p className="text-ink-muted">{t("validUntil", { date: format.dateTime(access.expiresAt, "dateTime") })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
