// The service center's forms, checked with the same schemas in the browser and the server
// actions. No server-only imports here.
import { z } from "zod";
import { TEXT_LOCALES } from "@/lib/declarations/content/types";

export const MIN_ADMIN_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 2000;

const ZReason = z.string().trim().min(MIN_ADMIN_REASON_LENGTH).max(MAX_REASON_LENGTH);
/** An empty field clears the value: the stored null says "not known", not "empty text". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

export const ZPatientSearch = z.object({
  q: z.string().trim().min(2).max(100),
});

export const administrativeSections = ["identification", "contact", "social", "financial"] as const;
export type AdministrativeSection = (typeof administrativeSections)[number];

const ZBase = {
  patientId: z.string().trim().min(1).max(100),
  version: z.coerce.number().int().min(1),
  reason: ZReason,
};

export const ZCorrectIdentification = z.object({
  section: z.literal("identification"),
  ...ZBase,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  birthDate: z
    .union([z.literal(""), z.iso.date()])
    .optional()
    .transform((value) => (value ? value : null)),
});

export const ZCorrectContact = z.object({
  section: z.literal("contact"),
  ...ZBase,
  email: z
    .union([z.literal(""), z.email().max(200)])
    .optional()
    .transform((value) => (value ? value : null)),
  phone: optionalText(40),
  street: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(100),
});

export const ZCorrectSocial = z.object({
  section: z.literal("social"),
  ...ZBase,
  livingSituation: optionalText(500),
  informalCarers: optionalText(500),
  homeAccess: optionalText(500),
  notes: optionalText(2000),
});

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

export const ZCorrectFinancial = z.object({
  section: z.literal("financial"),
  ...ZBase,
  insuranceFund: optionalText(200),
  insuranceNumber: optionalText(50),
  thirdPartyPayment: checkbox,
  increasedAllowance: checkbox,
  billingAddress: optionalText(300),
});

export const ZCorrectAdministrative = z.discriminatedUnion("section", [
  ZCorrectIdentification,
  ZCorrectContact,
  ZCorrectSocial,
  ZCorrectFinancial,
]);
export type CorrectAdministrativeInput = z.infer<typeof ZCorrectAdministrative>;

export const publishableRoles = [
  "PATIENT",
  "TRUSTED_PERSON",
  "DOCTOR",
  "CAREGIVER",
  "NURSE",
  "SERVICE_CENTER",
  "COORDINATOR",
  "PRIVACY_OFFICER",
  "LEGAL_REPRESENTATIVE",
] as const;

const ZLocalizedText = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(20).max(50_000),
});

export const ZPublishDeclaration = z.object({
  role: z.enum(publishableRoles),
  /** The version the agent's texts were based on: publishing on top of a newer one is a conflict. */
  basedOnVersion: z.coerce.number().int().min(0),
  content: z.object(
    Object.fromEntries(TEXT_LOCALES.map((locale) => [locale, ZLocalizedText])) as Record<
      (typeof TEXT_LOCALES)[number],
      typeof ZLocalizedText
    >,
  ),
});
export type PublishDeclarationInput = z.infer<typeof ZPublishDeclaration>;
