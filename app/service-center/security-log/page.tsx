// The security log for the service center (ADR 0013): every login attempt, newest first, page by
// page, filtered by account. A plain GET form: the filter and the page are in the address, so
// the back button and a reload work. Read through lib/auth/security-log (service center only).
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageShell } from "@/components/page-shell";
import { Card, LinkButton, PageHeading, TextField } from "@/components/ui";
import { buttonClasses } from "@/components/ui/button-styles";
import { requirePageActor } from "@/lib/auth/guards";
import { listLoginAttempts, SECURITY_LOG_MAX_PAGE } from "@/lib/auth/security-log";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.log");
  return { title: t("title") };
}

const ZQuery = z.object({
  account: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(SECURITY_LOG_MAX_PAGE).optional().catch(undefined),
});

const OUTCOMES = ["SUCCESS", "FAILURE", "LOCKED_OUT", "SECOND_FACTOR_REQUIRED", "SECOND_FACTOR_FAILED"] as const;

export default async function SecurityLogPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string | string[]; page?: string | string[] }>;
}) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = ZQuery.parse({ account: first(raw.account), page: first(raw.page) });
  const account = query.account || undefined;
  const [t, tRoles, tCommon, format, log] = await Promise.all([
    getTranslations("security.log"),
    getTranslations("roles"),
    getTranslations("common"),
    getFormatter(),
    listLoginAttempts({ actor, account, page: query.page }),
  ]);
  const roleLabel = tRoles(actor.activeRole);
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (account) params.set("account", account);
    if (page > 1) params.set("page", String(page));
    const text = params.toString();
    return `/service-center/security-log${text ? `?${text}` : ""}`;
  };
  const outcomeLabel = (outcome: string) =>
    (OUTCOMES as readonly string[]).includes(outcome) ? t(`outcomes.${outcome as (typeof OUTCOMES)[number]}`) : outcome;
  const cell = "px-3 py-2 align-top";
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }} width="wide">
      <PageHeading
        eyebrow={roleLabel}
        title={t("title")}
        description={t("intro")}
        actions={
          <LinkButton href="/service-center" variant="secondary">
            {tCommon("backHome")}
          </LinkButton>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <form
            method="get"
            role="search"
            aria-label={t("title")}
            className="flex flex-col gap-4 sm:flex-row sm:items-end"
          >
            <TextField
              name="account"
              label={t("filterLabel")}
              hint={t("filterHint")}
              defaultValue={account ?? ""}
              maxLength={100}
              autoCapitalize="none"
              spellCheck={false}
              className="flex-1"
            />
            <div className="flex gap-3">
              <button type="submit" className={buttonClasses({})}>
                {t("filterSubmit")}
              </button>
              {account ? (
                <Link href="/service-center/security-log" className={buttonClasses({ variant: "secondary" })}>
                  {t("showAll")}
                </Link>
              ) : null}
            </div>
          </form>
        </Card>
        <Card title={t("count", { page: log.page })}>
          {log.attempts.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr className="border-b-2 border-line">
                    <th scope="col" className={cell}>
                      {t("columns.when")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("columns.account")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("columns.method")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("columns.outcome")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("columns.reason")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("columns.address")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {log.attempts.map((attempt) => (
                    <tr key={attempt.id} className="border-b border-line">
                      <td className={cell}>{format.dateTime(attempt.occurredAt, "dateTime")}</td>
                      <td className={`${cell} break-all`}>
                        {attempt.username ?? attempt.personId ?? "—"}
                        {attempt.username && attempt.personId ? (
                          <span className="block text-ink-muted">{attempt.personId}</span>
                        ) : null}
                      </td>
                      <td className={cell}>{attempt.method === "password" ? t("methods.password") : attempt.method}</td>
                      <td className={`${cell} font-semibold`}>{outcomeLabel(attempt.outcome)}</td>
                      <td className={`${cell} font-mono`}>{attempt.reason}</td>
                      <td className={`${cell} font-mono`}>{attempt.clientAddress ?? t("unknownAddress")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t("caption")} className="mt-4 flex flex-wrap justify-between gap-3">
            {log.page > 1 ? (
              <LinkButton href={pageHref(log.page - 1)} variant="secondary">
                {t("previous")}
              </LinkButton>
            ) : (
              <span />
            )}
            {log.hasNextPage ? (
              <LinkButton href={pageHref(log.page + 1)} variant="secondary">
                {t("next")}
              </LinkButton>
            ) : null}
          </nav>
        </Card>
      </div>
    </PageShell>
  );
}
