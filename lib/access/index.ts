// The public entry of the access core: routes, server actions and pages import from here.
// See authorize.ts for how a decision is made and logged, ADR 0006 for the single-query facts.
export {
  assertAllowed,
  authorizePatientAccess,
  withPatientAccess,
  withPatientsAccess,
  type AccessOutcome,
  type PatientsAccessInput,
  type AccessSettings,
  type AuthorizeInput,
} from "./authorize";
export { requestEmergencyAccess, MIN_EMERGENCY_REASON_LENGTH, type EmergencyAccessResult } from "./emergency";
export {
  liftSuspension,
  listReviewItems,
  MIN_LIFT_REASON_LENGTH,
  reviewEmergencyAccess,
  type ReviewItem,
} from "./misuse";
export { AccessAction, AccessReason, accessActions, type AccessDecision } from "./policy";
export {
  decideSystemWrite,
  grantSystemScopes,
  logSystemChange,
  logSystemDenial,
  parseSystemScope,
  SYSTEM_SCOPE_DENIED_REASON,
  SYSTEM_WRITE_REASON,
  type SystemWriteDecision,
  type SystemWriteInteraction,
} from "./system";
