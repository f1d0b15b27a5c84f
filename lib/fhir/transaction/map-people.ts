// Patient and Practitioner to Person (ADR 0018). Both are identified by the national number
// (INSZ, mod-97 checked with lib/insz.ts); the portal keeps identification and contact data of
// both. A Practitioner's qualification (Belgian cd-hcparty code) says which portal role it holds:
// `persnurse` makes a NURSE of the organisation, a physician a DOCTOR, the other care
// professions a CAREGIVER with their profession. The RIZIV/INAMI number is kept on that role.
import type { Address, ContactPoint, HumanName, Identifier, Patient, Practitioner } from "@medplum/fhirtypes";
import { inszBirthDate, isValidInsz } from "@/lib/insz";
import { HCPARTY_SYSTEM, NIHDI_SYSTEM, SSIN_SYSTEM, practitionerRoleByQualification } from "../terminology";
import type { Draft, PersonFields, PractitionerRoleDraft } from "./drafts";
import { calendarDate, child, codesOf, preferredName, text, type Reader } from "./read";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** RIZIV/INAMI number of a professional: 11 digits, written 1-23456-78-901 or without separators. */
const NIHDI = /^(\d)[-. ]?(\d{5})[-. ]?(\d{2})[-. ]?(\d{3})$/;

function nationalNumber(reader: Reader, identifiers: Identifier[] | undefined): string | null {
  const index = (identifiers ?? []).findIndex((identifier) => identifier.system === SSIN_SYSTEM);
  const value = index >= 0 ? identifiers![index]!.value : undefined;
  const at = child(reader, `identifier[${Math.max(index, 0)}].value`);
  if (!value) {
    reader.issues.add(
      `${reader.at}.identifier`,
      `The national number (system ${SSIN_SYSTEM}) is required.`,
      "required",
    );
    return null;
  }
  if (!isValidInsz(value)) {
    at.issues.add(at.at, "Not a valid national number (INSZ): 11 digits whose last two are the mod-97 check.", "value");
    return null;
  }
  return value;
}

function personName(reader: Reader, names: HumanName[] | undefined) {
  const name = preferredName(names);
  if (!name) {
    reader.issues.add(`${reader.at}.name`, "A name is required.", "required");
    return null;
  }
  const index = names!.indexOf(name);
  const at = child(reader, `name[${index}]`);
  const firstName = text(child(at, "given"), name.given?.join(" "), {
    required: true,
    max: 100,
    label: "A given name",
  });
  const lastName = text(child(at, "family"), name.family, { required: true, max: 100, label: "A family name" });
  const honorific = text(child(at, "prefix"), name.prefix?.join(" "), { max: 30 });
  return firstName && lastName ? { firstName, lastName, honorific } : null;
}

function contact(reader: Reader, telecom: ContactPoint[] | undefined, addresses: Address[] | undefined) {
  const list = telecom ?? [];
  const emailIndex = list.findIndex((point) => point.system === "email");
  const phoneIndex = list.findIndex((point) => point.system === "phone");
  let email =
    emailIndex >= 0 ? text(child(reader, `telecom[${emailIndex}].value`), list[emailIndex]!.value, { max: 254 }) : null;
  if (email && !EMAIL.test(email)) {
    reader.issues.add(`${reader.at}.telecom[${emailIndex}].value`, "Not an e-mail address.", "value");
    email = null;
  }
  const phone =
    phoneIndex >= 0 ? text(child(reader, `telecom[${phoneIndex}].value`), list[phoneIndex]!.value, { max: 40 }) : null;
  const address = addresses?.find((candidate) => candidate.use === "home") ?? addresses?.[0];
  const at = child(reader, `address[${address ? addresses!.indexOf(address) : 0}]`);
  return {
    email,
    phone,
    street: address ? text(child(at, "line"), address.line?.join(", "), { max: 200 }) : null,
    postalCode: address ? text(child(at, "postalCode"), address.postalCode, { max: 20 }) : null,
    city: address ? text(child(at, "city"), address.city, { max: 100 }) : null,
    country: address ? text(child(at, "country"), address.country, { max: 60 }) : null,
  };
}

function personFields(
  reader: Reader,
  resource: Patient | Practitioner,
  birthDate: string | undefined,
): PersonFields | null {
  if (resource.active === false) {
    reader.issues.add(`${reader.at}.active`, "An inactive record cannot be fed to the portal.", "not-supported");
  }
  const insz = nationalNumber(reader, resource.identifier);
  const name = personName(reader, resource.name);
  const contactFields = contact(reader, resource.telecom, resource.address);
  const fromInsz = insz ? inszBirthDate(insz) : null;
  let born = fromInsz;
  if (birthDate !== undefined) {
    const given = calendarDate(child(reader, "birthDate"), birthDate);
    // The national number encodes the birth date: a difference means one of them is wrong.
    if (given && fromInsz && given.getTime() !== fromInsz.getTime()) {
      reader.issues.add(
        `${reader.at}.birthDate`,
        "The birth date differs from the one in the national number.",
        "business-rule",
      );
    }
    born = given ?? fromInsz;
  }
  if (!insz || !name) return null;
  return { insz, ...name, birthDate: born, ...contactFields };
}

export function mapPatient(reader: Reader, patient: Patient): Draft | null {
  const person = personFields(reader, patient, patient.birthDate);
  return person ? { kind: "Patient", person } : null;
}

export function mapPractitioner(reader: Reader, practitioner: Practitioner): Draft | null {
  const person = personFields(reader, practitioner, undefined);

  let rizivNumber: string | null = null;
  const nihdiIndex = (practitioner.identifier ?? []).findIndex((identifier) => identifier.system === NIHDI_SYSTEM);
  if (nihdiIndex >= 0) {
    const match = NIHDI.exec(practitioner.identifier![nihdiIndex]!.value ?? "");
    if (match) rizivNumber = `${match[1]}-${match[2]}-${match[3]}-${match[4]}`;
    else
      reader.issues.add(
        `${reader.at}.identifier[${nihdiIndex}].value`,
        "Not a RIZIV/INAMI number (11 digits).",
        "value",
      );
  }

  const roles: PractitionerRoleDraft[] = [];
  (practitioner.qualification ?? []).forEach((qualification, index) => {
    const codes = codesOf(qualification.code, HCPARTY_SYSTEM);
    const known = codes.flatMap((code) => practitionerRoleByQualification.get(code) ?? []);
    if (known.length === 0) {
      reader.issues.add(
        `${reader.at}.qualification[${index}].code`,
        `Give the profession as a ${HCPARTY_SYSTEM} code: ${[...practitionerRoleByQualification.keys()].join(", ")}.`,
        "code-invalid",
      );
      return;
    }
    for (const { role, profession } of known) {
      if (!roles.some((existing) => existing.role === role)) roles.push({ role, profession, rizivNumber });
    }
  });
  if (roles.length === 0 && !(practitioner.qualification ?? []).length) {
    reader.issues.add(
      `${reader.at}.qualification`,
      "The profession (qualification) is required: it decides the portal role.",
      "required",
    );
  }
  return person && roles.length > 0 ? { kind: "Practitioner", person, roles } : null;
}
