// What each accepted resource becomes in the portal's model (ADR 0018), before references to
// other resources are resolved. The mappers produce these from FHIR; the writer resolves the
// references and writes them. Values are already checked and normalised: dates are calendar
// dates at UTC midnight, readings rounded to the column's two decimals.
import type {
  CaregiverProfession,
  CarePlanStatus,
  NursingNoteKind,
  PlannedVisitStatus,
  RepresentationBasis,
  VitalSignType,
} from "@/lib/generated/prisma/enums";
import type { ResourceReference } from "./read";
import type { TransactionEntry } from "./bundle";

export type PersonFields = {
  insz: string;
  honorific: string | null;
  firstName: string;
  lastName: string;
  birthDate: Date | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
};

export type PractitionerRoleDraft = {
  role: "NURSE" | "DOCTOR" | "CAREGIVER";
  profession: CaregiverProfession | null;
  rizivNumber: string | null;
};

export type Draft =
  | { kind: "Patient"; person: PersonFields }
  | { kind: "Practitioner"; person: PersonFields; roles: PractitionerRoleDraft[] }
  | { kind: "EpisodeOfCare"; patient: ResourceReference; startDate: Date; endDate: Date | null }
  | {
      kind: "CareTeam";
      patient: ResourceReference;
      members: { nurse: ResourceReference; startDate: Date; endDate: Date | null }[];
    }
  | {
      kind: "CarePlan";
      patient: ResourceReference;
      author: ResourceReference | null;
      title: string;
      description: string;
      frequency: string | null;
      status: CarePlanStatus;
      startDate: Date;
      endDate: Date | null;
    }
  | {
      kind: "Observation";
      patient: ResourceReference;
      recordedBy: ResourceReference | null;
      type: VitalSignType;
      value: number;
      secondaryValue: number | null;
      unit: string;
      measuredAt: Date;
      note: string | null;
    }
  | {
      kind: "DocumentReference";
      patient: ResourceReference;
      author: ResourceReference | null;
      noteKind: NursingNoteKind;
      text: string;
      writtenAt: Date;
    }
  | {
      kind: "MedicationStatement";
      patient: ResourceReference;
      medication: string;
      dose: string;
      route: string | null;
      times: string[];
      instructions: string | null;
      prescriber: string | null;
      startDate: Date;
      endDate: Date | null;
    }
  | {
      kind: "Appointment";
      patient: ResourceReference;
      nurse: ResourceReference | null;
      startsAt: Date;
      durationMinutes: number;
      purpose: string;
      status: PlannedVisitStatus;
    }
  | {
      /** Informed consent to share (ADR 0018): given at `givenAt`, withdrawn at `withdrawnAt` when inactive. */
      kind: "Consent";
      patient: ResourceReference;
      givenAt: Date;
      withdrawnAt: Date | null;
    }
  | {
      /** A legal representative, named by national number (ADR 0018, 0019). */
      kind: "RelatedPerson";
      patient: ResourceReference;
      representative: { insz: string; firstName: string; lastName: string };
      basis: RepresentationBasis;
      startDate: Date;
      endDate: Date | null;
      /** `active: false`: the representation was revoked. */
      revoked: boolean;
    };

export type MappedEntry = { entry: TransactionEntry; draft: Draft };
