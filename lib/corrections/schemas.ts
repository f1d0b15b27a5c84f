// The correction forms' input, shared by the server actions and the client forms (no
// server-only imports here). A server action is a public endpoint: everything is re-checked.
import { z } from "zod";

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MIN_DESCRIPTION_LENGTH = 10;
export const MAX_COMMENT_LENGTH = 2000;
export const MIN_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 2000;
export const MAX_VALUE_LENGTH = 300;

/** domain.md "Rights of the data subject": a correction request is answered within 4 weeks. */
export const CORRECTION_ANSWER_DAYS = 28;

export const fileSections = ["IDENTIFICATION", "CONTACT", "HEALTH", "SOCIAL", "FINANCIAL_ADMINISTRATIVE"] as const;
export type FileSectionName = (typeof fileSections)[number];

/** Health entries a request may point at; a professional assessment gets a comment instead. */
export const correctableEntityTypes = [
  "NursingNote",
  "VitalSign",
  "CarePlanItem",
  "WoundCareEntry",
  "MedicationScheduleItem",
  "PlannedVisit",
] as const;

/**
 * The administrative fields the service center corrects, by the section they belong to. The
 * national number and birth date are not here: they identify the person and are corrected
 * through the national register, not typed over.
 */
export const administrativeFields = {
  "identification.firstName": { section: "IDENTIFICATION", required: true },
  "identification.lastName": { section: "IDENTIFICATION", required: true },
  "contact.phone": { section: "CONTACT", required: false },
  "contact.email": { section: "CONTACT", required: false },
  "contact.street": { section: "CONTACT", required: false },
  "contact.postalCode": { section: "CONTACT", required: false },
  "contact.city": { section: "CONTACT", required: false },
  "social.livingSituation": { section: "SOCIAL", required: false },
  "social.informalCarers": { section: "SOCIAL", required: false },
  "social.homeAccess": { section: "SOCIAL", required: false },
  "financial.insuranceFund": { section: "FINANCIAL_ADMINISTRATIVE", required: false },
  "financial.insuranceNumber": { section: "FINANCIAL_ADMINISTRATIVE", required: false },
  "financial.billingAddress": { section: "FINANCIAL_ADMINISTRATIVE", required: false },
} as const satisfies Record<string, { section: Exclude<FileSectionName, "HEALTH">; required: boolean }>;
export type AdministrativeField = keyof typeof administrativeFields;
export const administrativeFieldNames = Object.keys(administrativeFields) as [
  AdministrativeField,
  ...AdministrativeField[],
];

const ZRowId = z.string().min(1).max(100);
/** A client-generated key per form render: a double submit creates one row, not two. */
const ZIdempotencyKey = z.uuid();
const ZVersion = z.coerce.number().int().min(0).max(1_000_000);

export const ZRequestCorrectionForm = z.object({
  idempotencyKey: ZIdempotencyKey,
  section: z.enum(fileSections),
  /** "NursingNote:<id>" when the request is about one health entry; empty otherwise. */
  entry: z
    .string()
    .max(200)
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z]+:[A-Za-z0-9_-]+$/)
        .optional(),
    ),
  description: z.string().trim().min(MIN_DESCRIPTION_LENGTH).max(MAX_DESCRIPTION_LENGTH),
});

export const ZPatientCommentForm = z.object({
  idempotencyKey: ZIdempotencyKey,
  noteId: ZRowId,
  text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
});

export const ZResolveAdministrativeForm = z.object({
  correctionId: ZRowId,
  correctionVersion: ZVersion,
  field: z.enum(administrativeFieldNames),
  value: z.string().trim().max(MAX_VALUE_LENGTH),
  /** The version of the row holding the field when the agent opened it (0: no row yet). */
  entityVersion: ZVersion,
  reason: z.string().trim().min(MIN_REASON_LENGTH).max(MAX_REASON_LENGTH),
});

export const ZRouteToNurseForm = z.object({ correctionId: ZRowId, correctionVersion: ZVersion });

export const ZRejectCorrectionForm = z.object({
  correctionId: ZRowId,
  correctionVersion: ZVersion,
  reason: z.string().trim().min(MIN_REASON_LENGTH).max(MAX_REASON_LENGTH),
});

/**
 * The resolve form as posted: besides the chosen field, the page sends the version of every
 * field's row as it showed them (`versions.contact.phone`), since the agent picks the field in
 * the form; the action takes the chosen one's as `entityVersion`.
 */
export const ZResolveAdministrativePost = ZResolveAdministrativeForm.omit({ entityVersion: true }).extend({
  versions: z.object(
    Object.fromEntries(
      [...new Set(administrativeFieldNames.map((field) => field.split(".")[0]!))].map((group) => [
        group,
        z.object(
          Object.fromEntries(
            administrativeFieldNames
              .filter((field) => field.startsWith(`${group}.`))
              .map((field) => [field.slice(group.length + 1), ZVersion]),
          ),
        ),
      ]),
    ),
  ) as unknown as z.ZodType<Record<string, Record<string, number>>>,
});

/** The version the page showed for one administrative field, from the posted `versions`. */
export function postedFieldVersion(
  versions: Record<string, Record<string, number>>,
  field: AdministrativeField,
): number | undefined {
  const [group, name] = field.split(".") as [string, string];
  return Object.hasOwn(versions, group) && Object.hasOwn(versions[group]!, name) ? versions[group]![name] : undefined;
}
