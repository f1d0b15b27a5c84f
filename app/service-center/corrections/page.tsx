// The service center's queue of correction requests (domain.md: answered within 4 weeks): open
// and routed requests, earliest deadline first so overdue ones lead, each deadline visible and
// an overdue one marked in words, not only in colour.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { listCorrectionQueue } from "@/lib/corrections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("corrections");
  return { title: t("queue.title") };
}

const ZDone = z.enum(["resolved", "routed", "rejected"]);

export default async function CorrectionQueuePage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const [t, tRoles, tCommon, tSecurity, format, queue, params] = await Promise.all([
    getTranslations("corrections"),
    getTranslations("roles"),
    getTranslations("common"),
    getTranslations("security"),
    getFormatter(),
    listCorrectionQueue({ actor }),
    searchParams,
  ]);
  const done = ZDone.safeParse(params.done).data;
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }} width="wide">
      <PageHeading
        eyebrow={roleLabel}
        title={t("queue.title")}
        description={<p>{t("queue.intro")}</p>}
        actions={
          <LinkButton href="/service-center" variant="secondary">
            {tCommon("backHome")}
          </LinkButton>
        }
      />
      {done ? (
        <Alert tone="success" className="mb-6">
          {t(`queue.done.${done}`)}
        </Alert>
      ) : null}
      <Card title={t("queue.count", { count: queue.length })}>
        {queue.length === 0 ? (
          <p>{t("queue.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {queue.map((item) => (
              <li key={item.id}>
                <article
                  aria-label={`${item.patient.name}: ${t(`sections.${item.section}`)}`}
                  className={`rounded-lg border-2 p-4 ${item.overdue ? "border-danger-700" : "border-line"}`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h3 className="text-lg font-bold">
                        {item.patient.name}
                        {item.overdue ? (
                          <span className="ml-2 rounded bg-danger-700 px-2 py-0.5 text-sm text-white">
                            {t("queue.overdue")}
                          </span>
                        ) : null}
                      </h3>
                      <p className="text-ink-muted">
                        {t(`sections.${item.section}`)} · {t(`status.${item.status}`)}
                        {item.assignedNurse ? ` (${item.assignedNurse})` : null}
                      </p>
                    </div>
                    {item.status === "OPEN" ? (
                      <LinkButton
                        href={`/service-center/corrections/${encodeURIComponent(item.id)}`}
                        aria-label={t("queue.openLabel", { name: item.patient.name })}
                      >
                        {t("queue.open")}
                      </LinkButton>
                    ) : null}
                  </div>
                  {item.description === null ? (
                    <p className="my-2 text-ink-muted italic">{tSecurity("healthWithheld")}</p>
                  ) : (
                    <p className="my-2 line-clamp-3 whitespace-pre-line break-words">{item.description}</p>
                  )}
                  <dl className="grid gap-x-6 sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">{t("queue.requestedBy")}</dt>
                    <dd>
                      {item.requestedBy} ({tRoles(item.requesterRole)})
                    </dd>
                    <dt className="font-semibold">{t("queue.createdAt")}</dt>
                    <dd>{format.dateTime(item.createdAt, "date")}</dd>
                    <dt className="font-semibold">{t("queue.dueAt")}</dt>
                    <dd className={item.overdue ? "font-bold text-danger-700" : undefined}>
                      {format.dateTime(item.dueAt, "date")}
                    </dd>
                  </dl>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </PageShell>
  );
}
