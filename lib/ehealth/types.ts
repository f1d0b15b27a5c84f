// What the eHealth services tell the portal, as the adapter hands it on (ADR 0020). Calendar
// dates are YYYY-MM-DD, moments ISO 8601 with an offset. The shapes are validated with zod where
// they enter (http.ts): an answer of another shape is an error, never a fact.
import { z } from "zod";
import { isValidInsz } from "@/lib/insz";

const ZInszDigits = z.string().refine(isValidInsz, "not a valid national number (INSZ)");
const ZCalendarDay = z.iso.date();

/** A therapeutic link registered at the eHealth therapeutic-link service for one (patient, caregiver). */
export const ZTherapeuticLink = z.strictObject({
  /** The service's own id of the link: the proof the portal keeps (sourceReference). */
  id: z.string().min(1).max(100),
  patientInsz: ZInszDigits,
  caregiverInsz: ZInszDigits,
  term: z.enum(["GP_LONG_TERM", "OCCASIONAL_CONTACT", "EMERGENCY_DEPARTMENT"]),
  startDate: ZCalendarDay,
  /** The last day of the link, included. */
  endDate: ZCalendarDay,
  /** Set when the link was ended early (the patient or the caregiver revoked it). */
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TherapeuticLink = z.infer<typeof ZTherapeuticLink>;

/** One event of a patient's informed consent at the eHealth consent service. */
export const ZConsentRecord = z.strictObject({
  id: z.string().min(1).max(100),
  patientInsz: ZInszDigits,
  kind: z.enum(["GIVEN", "WITHDRAWN"]),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type ConsentRecord = z.infer<typeof ZConsentRecord>;

/**
 * The portal's way to the eHealth services. The real services (SOAP/REST behind eHealth's
 * certificates) are not reachable from here; http.ts talks to the local simulator
 * (scripts/ehealth-simulator) with the same contract, and another implementation can talk to the
 * real ones without anything else changing.
 */
export interface EHealthAdapter {
  /** The links between this patient and this caregiver, current or not. */
  findTherapeuticLinks(query: { patientInsz: string; caregiverInsz: string }): Promise<TherapeuticLink[]>;
  /** The patient's consent events, in any order. */
  findConsents(query: { patientInsz: string }): Promise<ConsentRecord[]>;
}
