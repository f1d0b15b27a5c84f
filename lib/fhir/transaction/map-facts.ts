// Consent and RelatedPerson: facts the access decision reads, with the record system as their
// source (ADR 0018, 0020). Both become rows with `source` RECORD_SYSTEM and the record system's
// identifier as `sourceReference`, the proof the portal can point back to.
//
// Consent is the patient's informed consent to share the file with treating caregivers (FHIR
// scope `patient-privacy`, policy rule `OPTIN`). It is a history in the portal (ConsentEvent):
// `dateTime` is when it was given; a Consent that becomes `inactive` was withdrawn at
// `provision.period.end`. The latest event of any source decides, so a moment in the future would
// decide before it happened: refused.
//
// RelatedPerson is a legal representative: the representative by national number, the basis from
// `relationship` (v3 RoleCode, terminology.ts), the period, and `active: false` for a revoked one.
import type { Consent, RelatedPerson } from "@medplum/fhirtypes";
import { ageBand } from "@/lib/access/minors";
import { inszBirthDate, isValidInsz } from "@/lib/insz";
import {
  CONSENT_OPT_IN,
  CONSENT_SCOPE_PRIVACY,
  CONSENT_SCOPE_SYSTEM,
  SSIN_SYSTEM,
  V3_ACT_CODE_SYSTEM,
  V3_ROLE_CODE_SYSTEM,
  representationBasisByRelationship,
} from "../terminology";
import type { Draft } from "./drafts";
import type { MapContext } from "./map-care";
import { calendarDate, child, codesOf, instant, preferredName, reference, text, type Reader } from "./read";

/** Clock difference between the record system and the portal that is not yet "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

function notInTheFuture(reader: Reader, moment: Date | null, context: MapContext): void {
  if (moment && moment.getTime() > context.now.getTime() + CLOCK_SKEW_MS) {
    reader.issues.add(
      reader.at,
      "A consent event is recorded when it happened, not ahead: the latest event decides from the moment it is recorded.",
      "business-rule",
    );
  }
}

const PROVISION_ELEMENTS = new Set(["type", "period"]);

export function mapConsent(reader: Reader, consent: Consent, context: MapContext): Draft | null {
  const status = consent.status;
  if (status !== "active" && status !== "inactive") {
    reader.issues.add(
      `${reader.at}.status`,
      "Only active (consent given) and inactive (consent withdrawn) are accepted.",
      "not-supported",
    );
  }
  if (!codesOf(consent.scope, CONSENT_SCOPE_SYSTEM).includes(CONSENT_SCOPE_PRIVACY)) {
    reader.issues.add(
      `${reader.at}.scope`,
      `Only the consent to share the file is accepted: scope ${CONSENT_SCOPE_SYSTEM} ${CONSENT_SCOPE_PRIVACY}.`,
      "code-invalid",
    );
  }
  // An opt-out, or a policy the portal cannot read, must never become "consent given".
  if (!codesOf(consent.policyRule, V3_ACT_CODE_SYSTEM).includes(CONSENT_OPT_IN)) {
    reader.issues.add(
      `${reader.at}.policyRule`,
      `The policy rule is the patient's opt-in: ${V3_ACT_CODE_SYSTEM} ${CONSENT_OPT_IN}. A withdrawal is this Consent with status inactive.`,
      "code-invalid",
    );
  }
  const patient = reference(child(reader, "patient"), consent.patient, "Patient", { required: true });
  const givenAt = instant(child(reader, "dateTime"), consent.dateTime, { required: true });
  notInTheFuture(child(reader, "dateTime"), givenAt, context);

  const provision = consent.provision;
  let withdrawnAt: Date | null = null;
  if (provision) {
    const at = child(reader, "provision");
    for (const key of Object.keys(provision)) {
      if (!PROVISION_ELEMENTS.has(key))
        at.issues.add(`${at.at}.${key}`, `The portal does not store Consent.provision.${key}.`, "not-supported");
    }
    if (provision.type !== undefined && provision.type !== "permit") {
      at.issues.add(`${at.at}.type`, "A consent to share permits: a refusal is a withdrawn consent.", "code-invalid");
    }
    if (provision.period?.start !== undefined) {
      at.issues.add(`${at.at}.period.start`, "The moment consent was given is Consent.dateTime.", "not-supported");
    }
    withdrawnAt = instant(child(at, "period.end"), provision.period?.end);
  }
  const end = child(reader, "provision.period.end");
  if (status === "inactive" && !withdrawnAt && provision?.period?.end === undefined) {
    end.issues.add(end.at, "A withdrawn (inactive) consent gives the moment it was withdrawn.", "required");
  }
  if (status === "active" && withdrawnAt) {
    end.issues.add(end.at, "An active consent has not ended: a withdrawal is status inactive.", "business-rule");
  }
  notInTheFuture(end, withdrawnAt, context);
  if (givenAt && withdrawnAt && withdrawnAt.getTime() < givenAt.getTime()) {
    end.issues.add(end.at, "The consent is withdrawn before it was given.", "business-rule");
  }
  if (!patient || !givenAt) return null;
  return { kind: "Consent", patient, givenAt, withdrawnAt: status === "inactive" ? withdrawnAt : null };
}

export function mapRelatedPerson(reader: Reader, related: RelatedPerson, context: MapContext): Draft | null {
  const patient = reference(child(reader, "patient"), related.patient, "Patient", { required: true });

  // The representative by national number: a second identifier beside the record system's own.
  const identifiers = related.identifier ?? [];
  const inszIndex = identifiers.findIndex((identifier) => identifier.system === SSIN_SYSTEM);
  const insz = inszIndex >= 0 ? identifiers[inszIndex]!.value : undefined;
  const inszAt = child(reader, `identifier[${Math.max(inszIndex, 0)}].value`);
  let representativeInsz: string | null = null;
  if (!insz) {
    reader.issues.add(
      `${reader.at}.identifier`,
      `The representative's national number (system ${SSIN_SYSTEM}) is required.`,
      "required",
    );
  } else if (!isValidInsz(insz)) {
    inszAt.issues.add(
      inszAt.at,
      "Not a valid national number (INSZ): 11 digits whose last two are the mod-97 check.",
      "value",
    );
  } else if (ageBand(inszBirthDate(insz), context.now) !== "adult") {
    inszAt.issues.add(inszAt.at, "A legal representative is an adult.", "business-rule");
  } else {
    representativeInsz = insz;
  }

  const name = preferredName(related.name);
  let firstName: string | null = null;
  let lastName: string | null = null;
  if (!name) {
    reader.issues.add(`${reader.at}.name`, "The representative's name is required.", "required");
  } else {
    const at = child(reader, `name[${related.name!.indexOf(name)}]`);
    firstName = text(child(at, "given"), name.given?.join(" "), { required: true, max: 100, label: "A given name" });
    lastName = text(child(at, "family"), name.family, { required: true, max: 100, label: "A family name" });
  }

  // Every coding of every relationship, so two codes of different bases are seen as ambiguous.
  const codes = (related.relationship ?? []).flatMap((concept) => codesOf(concept, V3_ROLE_CODE_SYSTEM));
  const bases = new Set(codes.flatMap((code) => representationBasisByRelationship.get(code) ?? []));
  if (bases.size !== 1) {
    reader.issues.add(
      `${reader.at}.relationship`,
      bases.size === 0
        ? `Give the basis of the representation as a ${V3_ROLE_CODE_SYSTEM} code: ${[...representationBasisByRelationship.keys()].join(", ")}.`
        : "The relationship names both a parent and an appointed guardian: send one basis per RelatedPerson.",
      "code-invalid",
    );
  }

  const period = child(reader, "period");
  const startDate = calendarDate(child(period, "start"), related.period?.start, { required: true });
  const endDate = calendarDate(child(period, "end"), related.period?.end);
  if (startDate && endDate && endDate.getTime() < startDate.getTime()) {
    period.issues.add(`${period.at}.end`, "The period ends before it starts.", "business-rule");
  }

  if (!patient || !representativeInsz || !firstName || !lastName || bases.size !== 1 || !startDate) return null;
  return {
    kind: "RelatedPerson",
    patient,
    representative: { insz: representativeInsz, firstName, lastName },
    basis: [...bases][0]!,
    startDate,
    endDate,
    revoked: related.active === false,
  };
}
