// The database enums that pages and components use (the role filter and the decision labels of
// the access log, the role choice). Prisma's generated client is imported only in lib/ (ADR
// 0021); these are plain constants with no database behind them, safe in a client component.
export { AccessDecision, Role } from "@/lib/generated/prisma/enums";
