// The filters of "who looked at my file": a plain GET form, so it works without JavaScript, the
// result is a URL the son can bookmark or forward, and the back button undoes a choice. The
// server checks every value again (search-params.ts); the form only offers the valid ones.
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui";
import { buttonClasses } from "@/components/ui/button-styles";
import { Role } from "@/lib/enums";
import { type AccessLogSearchParams, outcomeFilters, periodFilters } from "./search-params";

const selectClasses = "min-h-11 w-full rounded-md border-2 border-ink-muted bg-white px-3 py-2 text-base text-ink";

const outcomeLabels = { all: "outcomeAll", allowed: "outcomeAllowed", refused: "outcomeRefused" } as const;
const periodLabels = { all: "periodAll", "7d": "period7d", "30d": "period30d" } as const;

export async function AccessLogFilters({ params }: { params: AccessLogSearchParams }) {
  const [t, tRoles] = await Promise.all([getTranslations("accessLog.filters"), getTranslations("roles")]);
  return (
    <form
      method="get"
      action="/patient/access-log"
      className="no-print mb-6 rounded-xl border border-line bg-white p-5 shadow-sm"
    >
      <fieldset>
        <legend className="mb-3 text-xl font-bold">{t("title")}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="access-log-outcome" className="font-semibold">
              {t("outcome")}
            </label>
            <select id="access-log-outcome" name="outcome" defaultValue={params.outcome} className={selectClasses}>
              {outcomeFilters.map((value) => (
                <option key={value} value={value}>
                  {t(outcomeLabels[value])}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="access-log-role" className="font-semibold">
              {t("role")}
            </label>
            <select id="access-log-role" name="role" defaultValue={params.role} className={selectClasses}>
              <option value="all">{t("roleAll")}</option>
              {Object.values(Role).map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="access-log-period" className="font-semibold">
              {t("period")}
            </label>
            <select id="access-log-period" name="period" defaultValue={params.period} className={selectClasses}>
              {periodFilters.map((value) => (
                <option key={value} value={value}>
                  {t(periodLabels[value])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          {/* A new choice starts again at the newest entry: the form carries no cursor. */}
          <button type="submit" className={buttonClasses()}>
            {t("apply")}
          </button>
          <LinkButton href="/patient/access-log" variant="secondary">
            {t("reset")}
          </LinkButton>
        </div>
      </fieldset>
    </form>
  );
}
