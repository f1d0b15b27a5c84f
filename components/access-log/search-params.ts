// The filters and the paging cursor of "who looked at my file" travel in the URL (a GET form that
// works without JavaScript, a link a son can bookmark). Everything in a URL is user input: each
// value is checked here, and a value that is not one of ours falls back to its default instead
// of failing the page, so an old or hand-edited link still shows the log.
import { z } from "zod";
import type { AccessLogFilter } from "@/lib/audit/view";
import { ZEntryId } from "@/lib/http/params";
import { AccessDecision, Role } from "@/lib/enums";

export const outcomeFilters = ["all", "allowed", "refused"] as const;
export const periodFilters = ["all", "7d", "30d"] as const;
export const roleFilters = ["all", ...Object.values(Role)] as const;

export type OutcomeFilter = (typeof outcomeFilters)[number];
export type PeriodFilter = (typeof periodFilters)[number];
export type RoleFilter = (typeof roleFilters)[number];

const ZAccessLogSearchParams = z.object({
  outcome: z.enum(outcomeFilters).catch("all"),
  role: z.enum(roleFilters).catch("all"),
  period: z.enum(periodFilters).catch("all"),
  // An entry id (bigint in the database); anything else starts again at the newest entry.
  before: ZEntryId.optional().catch(undefined),
});

export type AccessLogSearchParams = z.infer<typeof ZAccessLogSearchParams>;

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Never throws: every unknown, repeated or malformed value becomes its default. */
export function parseAccessLogSearchParams(raw: RawSearchParams): AccessLogSearchParams {
  return ZAccessLogSearchParams.parse({ outcome: raw.outcome, role: raw.role, period: raw.period, before: raw.before });
}

const periodDays = { "7d": 7, "30d": 30 } as const satisfies Record<Exclude<PeriodFilter, "all">, number>;

// "Refused" holds the errors too: the access core fails closed, so an error is a refusal
// (ADR 0006), and the patient asks "who was kept out", not which kind of denial it was.
const outcomeDecisions = {
  all: undefined,
  allowed: [AccessDecision.ALLOW],
  refused: [AccessDecision.DENY, AccessDecision.ERROR],
} as const satisfies Record<OutcomeFilter, readonly AccessDecision[] | undefined>;

/** The query filter for readAccessLog; `now` is the request's clock. */
export function toAccessLogFilter(params: AccessLogSearchParams, now: Date): AccessLogFilter {
  return {
    ...(outcomeDecisions[params.outcome] ? { decisions: outcomeDecisions[params.outcome] } : {}),
    ...(params.role !== "all" ? { actorRole: params.role } : {}),
    ...(params.period !== "all"
      ? { since: new Date(now.getTime() - periodDays[params.period] * 24 * 60 * 60 * 1000) }
      : {}),
  };
}

export function hasActiveFilter(params: AccessLogSearchParams): boolean {
  return params.outcome !== "all" || params.role !== "all" || params.period !== "all";
}

/** The page's URL for these filters (defaults left out) and an optional cursor. */
export function accessLogHref(params: Omit<AccessLogSearchParams, "before">, before?: string): string {
  const query = new URLSearchParams();
  if (params.outcome !== "all") query.set("outcome", params.outcome);
  if (params.role !== "all") query.set("role", params.role);
  if (params.period !== "all") query.set("period", params.period);
  if (before) query.set("before", before);
  const search = query.toString();
  return search ? `/patient/access-log?${search}` : "/patient/access-log";
}
