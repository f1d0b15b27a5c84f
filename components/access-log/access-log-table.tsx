// The entries of "who looked at my file", for a patient of 85 on a tablet and her son on a
// laptop. One real <table> (caption, column headers) on wide screens; on narrow screens the same
// rows are drawn as cards, each value with its label, because four columns do not fit on a
// phone at 200% zoom. Changing `display` on table elements makes some browsers (Safari, the
// tablet's) drop the table semantics, so the roles are spelled out and stay whatever CSS does.
// Nothing is told by colour alone: every outcome has a word and an icon shape, an emergency
// access a written badge.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { accessActions, AccessReason } from "@/lib/access";
import { CARE_QUESTION_LOG_ACTION } from "@/lib/dossier";
import type { AccessLogView } from "@/lib/audit/view";
import type { AccessDecision } from "@/lib/enums";
import { cx } from "@/components/ui/cx";
import { organisation } from "@/lib/env";

type KnownAction = (typeof accessActions)[number];
// "action_failed" is written by the access core when an allowed change fails (authorize.ts);
// it is not a policy reason, but the patient reads it all the same.
const knownReasons = [...Object.values(AccessReason), "action_failed"] as const;
type KnownReason = (typeof knownReasons)[number];

function isKnownAction(action: string): action is KnownAction {
  return (accessActions as readonly string[]).includes(action);
}

/** What the organisation's record system does to a file (lib/access/system.ts), in its own words. */
function isSystemAction(action: string): action is "WRITE_NURSING_FILE" | "CORRECT_ADMINISTRATIVE" {
  return action === "WRITE_NURSING_FILE" || action === "CORRECT_ADMINISTRATIVE";
}

function isKnownReason(reason: string): reason is KnownReason {
  return (knownReasons as readonly string[]).includes(reason);
}

const outcomeStyles = {
  ALLOW: {
    text: "text-success-700",
    icon: <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z" />,
  },
  DENY: {
    text: "text-danger-700",
    icon: (
      <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM4 12a8 8 0 0 1 12.9-6.3L5.7 16.9A7.9 7.9 0 0 1 4 12Zm8 8a7.9 7.9 0 0 1-4.9-1.7L18.3 7.1A8 8 0 0 1 12 20Z" />
    ),
  },
  ERROR: { text: "text-warning-700", icon: <path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z" /> },
} satisfies Record<AccessDecision, { text: string; icon: ReactNode }>;

// Names and dates get room of their own; the description and the reason wrap in what is left.
const columnWidths = { when: "md:w-44", who: "md:w-56", what: undefined, outcome: "md:w-80" } as const;

export async function AccessLogTable({ entries }: { entries: AccessLogView[] }) {
  const [t, tRoles, tFhir, format] = await Promise.all([
    getTranslations("accessLog"),
    getTranslations("roles"),
    getTranslations("fhir.accessLog"),
    getFormatter(),
  ]);

  const cellClasses = "block px-4 py-1 align-top md:table-cell md:py-3 md:first:pl-0";
  // On cards the label sits above each value; in the table the column header says it, so the
  // label is hidden from assistive technology (it would be read twice) and from wide screens.
  const cardLabel = (label: string) => (
    <span aria-hidden="true" className="block text-base font-semibold text-ink-muted md:hidden">
      {label}
    </span>
  );

  return (
    <table role="table" className="block w-full border-collapse text-left md:table">
      <caption className="mb-3 block text-left text-lg font-semibold md:table-caption">{t("table.caption")}</caption>
      <thead role="rowgroup" className="sr-only md:not-sr-only md:table-header-group">
        <tr role="row" className="border-b-2 border-ink-muted">
          {(["when", "who", "what", "outcome"] as const).map((column) => (
            <th
              key={column}
              role="columnheader"
              scope="col"
              className={cx("px-4 py-2 font-semibold md:first:pl-0", columnWidths[column])}
            >
              {t(`table.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className="block md:table-row-group">
        {entries.map((entry) => {
          const outcome = entry.decision === "ALLOW" ? "allowed" : "refused";
          const isEmergency = entry.reason === AccessReason.EMERGENCY_ACCESS && entry.decision === "ALLOW";
          const style = outcomeStyles[entry.decision];
          return (
            <tr
              key={entry.id}
              role="row"
              className={cx(
                "mb-4 block rounded-xl border border-line py-3 shadow-sm md:mb-0 md:table-row md:rounded-none md:border-0 md:border-b md:shadow-none",
                isEmergency ? "border-l-8 border-l-warning-700 bg-warning-50 md:border-l-8" : "bg-white",
              )}
            >
              <td role="cell" className={cx(cellClasses, isEmergency && "md:pl-3 md:first:pl-3")}>
                {cardLabel(t("table.when"))}
                <time dateTime={entry.occurredAt.toISOString()}>{format.dateTime(entry.occurredAt, "dateTime")}</time>
              </td>
              <td role="cell" className={cellClasses}>
                {cardLabel(t("table.who"))}
                {entry.actorSystem !== null ? (
                  // A system client (ADR 0017): every configured client is the organisation's record system.
                  <span className="font-semibold">{tFhir("recordSystem", { organisation: organisation.name })}</span>
                ) : entry.actor === null ? (
                  <span className="font-semibold">{t("who.system")}</span>
                ) : (
                  <>
                    <span className="block font-semibold">
                      {entry.reason === AccessReason.SELF ? t("who.you") : entry.actor.name}
                    </span>
                    {entry.actor.role ? <span className="block text-ink-muted">{tRoles(entry.actor.role)}</span> : null}
                  </>
                )}
              </td>
              <td role="cell" className={cellClasses}>
                {cardLabel(t("table.what"))}
                <span className="block">
                  {entry.action === CARE_QUESTION_LOG_ACTION
                    ? t("actions.CARE_QUESTION", { outcome })
                    : entry.actorSystem !== null && isSystemAction(entry.action)
                      ? tFhir(`actions.${entry.action}`, { outcome })
                      : isKnownAction(entry.action)
                        ? t(`actions.${entry.action}`, { outcome })
                        : t("actions.unknown", { outcome })}
                </span>
                {isEmergency ? (
                  <div className="mt-2 flex flex-col gap-1">
                    <span className="inline-flex w-fit items-center gap-1 rounded-md border-2 border-warning-700 bg-white px-2 py-0.5 font-bold text-warning-700">
                      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 fill-current">
                        <path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z" />
                      </svg>
                      {t("emergency.badge")}
                    </span>
                    {entry.emergencyAccess ? (
                      <>
                        <span className="block">{t("emergency.reason", { reason: entry.emergencyAccess.reason })}</span>
                        <span className="block text-ink-muted">
                          {t("emergency.validUntil", {
                            date: format.dateTime(entry.emergencyAccess.expiresAt, "dateTime"),
                          })}
                        </span>
                      </>
                    ) : null}
                  </div>
                ) : null}
              </td>
              <td role="cell" className={cellClasses}>
                {cardLabel(t("table.outcome"))}
                <span className={cx("flex items-center gap-1 font-bold", style.text)}>
                  <svg
                    aria-hidden="true"
                    focusable="false"
                    viewBox="0 0 24 24"
                    className="size-5 shrink-0 fill-current"
                  >
                    {style.icon}
                  </svg>
                  {t(`outcomes.${entry.decision}`)}
                </span>
                <span className="block">
                  {/* A care-question entry carries the doctor's question as its reason: the patient reads it as written. */}
                  {entry.action === CARE_QUESTION_LOG_ACTION
                    ? t("careQuestion", { question: entry.reason })
                    : entry.actorSystem !== null
                      ? tFhir(entry.decision === "ALLOW" ? "recordSystemReason" : "recordSystemRefused")
                      : isKnownReason(entry.reason)
                        ? t(`reasons.${entry.reason}`)
                        : t("reasons.unknown")}
                </span>
                {/* Where the relation that let this person in came from (ADR 0020). */}
                {entry.decision === "ALLOW" && entry.grantSource ? (
                  <span className="block text-ink-muted" data-testid="access-log-via">
                    {t(`via.${entry.grantSource}`)}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
