// The nursing file's entries (ADR 0018): vital parameters (Observation with a LOINC code and its
// UCUM unit), nursing notes (DocumentReference of type LOINC 34746-8 "Nurse Note", the text as a
// text/plain attachment), the care plan (CarePlan), the medication schedule (MedicationStatement)
// and planned visits (Appointment). A reading is held to the same plausible ranges as a nurse's
// form (lib/nursing/schemas.ts): a wrong value in a health file is worse than a refused message.
import type {
  Appointment,
  CarePlan,
  DocumentReference,
  MedicationStatement,
  Observation,
  Quantity,
  Reference,
} from "@medplum/fhirtypes";
import type { CarePlanStatus, PlannedVisitStatus } from "@/lib/generated/prisma/enums";
import { MAX_NOTE_LENGTH, vitalRanges, type VitalType } from "@/lib/nursing/schemas";
import {
  BLOOD_PRESSURE_PANEL,
  BLOOD_PRESSURE_UNIT,
  DIASTOLIC,
  LOINC_SYSTEM,
  NOTE_KIND_SYSTEM,
  NURSE_NOTE_LOINC,
  SYSTOLIC,
  UCUM_SYSTEM,
  noteKindByCode,
  singleValueVitals,
  supportedObservationCodes,
} from "../terminology";
import type { Draft } from "./drafts";
import {
  calendarDate,
  child,
  codesOf,
  instant,
  readerAt,
  reference,
  text,
  type Reader,
  type ResourceReference,
} from "./read";

/** The column keeps two decimals: rounding first keeps a second identical message a no-op. */
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/**
 * A reading's quantity in the one unit its type is stored in. The UCUM code decides (`code`, or
 * `unit` when no code is sent); a `unit` beside a right code is display text and may differ.
 */
function quantity(
  reader: Reader,
  value: Quantity | undefined,
  type: VitalType,
  expectedUnit: string,
  which: "value" | "secondaryValue" = "value",
): number | null {
  if (!value) {
    reader.issues.add(reader.at, "The reading's quantity is required.", "required");
    return null;
  }
  if (value.system !== undefined && value.system !== UCUM_SYSTEM) {
    reader.issues.add(`${reader.at}.system`, `Units are UCUM: system ${UCUM_SYSTEM}.`, "code-invalid");
  }
  const unitElement = value.code !== undefined ? "code" : "unit";
  const unit = value.code ?? value.unit;
  if (unit !== expectedUnit) {
    reader.issues.add(
      `${reader.at}.${unitElement}`,
      unit === undefined
        ? `The unit is required: ${expectedUnit}.`
        : `Unknown unit "${unit.slice(0, 20)}" for this reading: send ${expectedUnit}.`,
      unit === undefined ? "required" : "code-invalid",
    );
  }
  if (typeof value.value !== "number") {
    reader.issues.add(`${reader.at}.value`, "The value is required.", "required");
    return null;
  }
  // In another unit the plausible range means nothing: the unit is the problem to report.
  if (unit !== expectedUnit) return null;
  const range = vitalRanges[type];
  const min = which === "secondaryValue" && "secondaryMin" in range ? range.secondaryMin : range.min;
  const max = which === "secondaryValue" && "secondaryMax" in range ? range.secondaryMax : range.max;
  if (value.value < min || value.value > max) {
    reader.issues.add(
      `${reader.at}.value`,
      `Not a plausible reading: between ${min} and ${max} ${expectedUnit}.`,
      "business-rule",
    );
    return null;
  }
  if (range.step === 1 && !Number.isInteger(value.value)) {
    reader.issues.add(`${reader.at}.value`, "This reading is a whole number.", "business-rule");
    return null;
  }
  return twoDecimals(value.value);
}

/** At most one Practitioner among `references` (a performer or author); others are refused. */
function onePractitioner(reader: Reader, references: Reference[] | undefined): ResourceReference | null {
  if (!references?.length) return null;
  if (references.length > 1) {
    reader.issues.add(reader.at, "At most one practitioner.", "not-supported");
    return null;
  }
  return reference(readerAt(reader, `${reader.at}[0]`), references[0], "Practitioner");
}

export function mapObservation(reader: Reader, observation: Observation): Draft | null {
  if (!["final", "amended", "corrected"].includes(observation.status)) {
    reader.issues.add(
      `${reader.at}.status`,
      "Only final, amended or corrected readings are accepted.",
      "not-supported",
    );
  }
  const codes = codesOf(observation.code, LOINC_SYSTEM);
  const code = codes.find((candidate) => candidate === BLOOD_PRESSURE_PANEL || singleValueVitals.has(candidate));
  if (!code) {
    reader.issues.add(
      `${reader.at}.code`,
      `Unknown vital parameter: send a LOINC code (${LOINC_SYSTEM}) of ${supportedObservationCodes.join(", ")}.`,
      "code-invalid",
    );
  }
  const patient = reference(child(reader, "subject"), observation.subject, "Patient", { required: true });
  const effectiveElement = observation.effectiveInstant !== undefined ? "effectiveInstant" : "effectiveDateTime";
  const measuredAt = instant(
    child(reader, effectiveElement),
    observation.effectiveInstant ?? observation.effectiveDateTime,
    {
      required: true,
    },
  );
  const recordedBy = onePractitioner(child(reader, "performer"), observation.performer);
  const note = text(child(reader, "note"), observation.note?.map((annotation) => annotation.text).join("\n"), {
    max: 500,
  });
  if (!code) return null;

  let type: VitalType;
  let value: number | null;
  let secondaryValue: number | null = null;
  let unit: string;
  if (code === BLOOD_PRESSURE_PANEL) {
    type = "BLOOD_PRESSURE";
    unit = BLOOD_PRESSURE_UNIT;
    if (observation.valueQuantity !== undefined) {
      reader.issues.add(
        `${reader.at}.valueQuantity`,
        "A blood pressure gives systolic and diastolic as components.",
        "structure",
      );
    }
    const components = observation.component ?? [];
    const find = (loinc: string) =>
      components.findIndex((component) => codesOf(component.code, LOINC_SYSTEM).includes(loinc));
    const systolicIndex = find(SYSTOLIC);
    const diastolicIndex = find(DIASTOLIC);
    components.forEach((component, index) => {
      if (index !== systolicIndex && index !== diastolicIndex) {
        reader.issues.add(
          `${reader.at}.component[${index}].code`,
          `Only the systolic (${SYSTOLIC}) and diastolic (${DIASTOLIC}) components are accepted.`,
          "code-invalid",
        );
      }
    });
    if (systolicIndex < 0 || diastolicIndex < 0) {
      reader.issues.add(
        `${reader.at}.component`,
        `Both the systolic (${SYSTOLIC}) and the diastolic (${DIASTOLIC}) component are required.`,
        "required",
      );
      return null;
    }
    value = quantity(
      child(reader, `component[${systolicIndex}].valueQuantity`),
      components[systolicIndex]!.valueQuantity,
      type,
      unit,
    );
    secondaryValue = quantity(
      child(reader, `component[${diastolicIndex}].valueQuantity`),
      components[diastolicIndex]!.valueQuantity,
      type,
      unit,
      "secondaryValue",
    );
    if (value !== null && secondaryValue !== null && value <= secondaryValue) {
      reader.issues.add(
        `${reader.at}.component[${diastolicIndex}].valueQuantity.value`,
        "The diastolic must be below the systolic.",
        "business-rule",
      );
      return null;
    }
  } else {
    const vital = singleValueVitals.get(code)!;
    type = vital.type;
    unit = vital.unit;
    if (observation.component !== undefined) {
      reader.issues.add(
        `${reader.at}.component`,
        "This reading has a single value (valueQuantity), no components.",
        "structure",
      );
    }
    value = quantity(child(reader, "valueQuantity"), observation.valueQuantity, type, unit);
  }
  if (!patient || !measuredAt || value === null) return null;
  return { kind: "Observation", patient, recordedBy, type, value, secondaryValue, unit, measuredAt, note };
}

export function mapDocumentReference(reader: Reader, document: DocumentReference): Draft | null {
  if (document.status !== "current") {
    reader.issues.add(`${reader.at}.status`, "Only current notes are accepted.", "not-supported");
  }
  if (document.docStatus !== undefined && document.docStatus !== "final" && document.docStatus !== "amended") {
    reader.issues.add(`${reader.at}.docStatus`, "Only final or amended notes are accepted.", "not-supported");
  }
  if (!codesOf(document.type, LOINC_SYSTEM).includes(NURSE_NOTE_LOINC)) {
    reader.issues.add(
      `${reader.at}.type`,
      `A nursing note has type LOINC ${NURSE_NOTE_LOINC} (Nurse Note).`,
      "code-invalid",
    );
  }
  let noteKind: Extract<Draft, { kind: "DocumentReference" }>["noteKind"] = "OBSERVATION";
  (document.category ?? []).forEach((category, index) => {
    for (const code of codesOf(category, NOTE_KIND_SYSTEM)) {
      const kind = noteKindByCode.get(code);
      if (kind) noteKind = kind;
      else
        reader.issues.add(
          `${reader.at}.category[${index}]`,
          `Unknown note kind: ${[...noteKindByCode.keys()].join(", ")}.`,
          "code-invalid",
        );
    }
  });
  const patient = reference(child(reader, "subject"), document.subject, "Patient", { required: true });
  const writtenAt = instant(child(reader, "date"), document.date, { required: true });
  const author = onePractitioner(child(reader, "author"), document.author);

  let noteText: string | null = null;
  const contents = document.content ?? [];
  if (contents.length !== 1) {
    reader.issues.add(`${reader.at}.content`, "A nursing note has exactly one content: its text.", "structure");
  } else {
    const attachment = contents[0]!.attachment;
    const at = child(reader, "content[0].attachment");
    const contentType = attachment.contentType?.toLowerCase().replace(/\s/g, "");
    if (contentType !== "text/plain" && contentType !== "text/plain;charset=utf-8") {
      reader.issues.add(`${at.at}.contentType`, "The note's text is text/plain (UTF-8).", "not-supported");
    } else if (attachment.url !== undefined || attachment.data === undefined) {
      reader.issues.add(`${at.at}.data`, "The note's text comes inline, base64-encoded in data.", "required");
    } else {
      const decoded = Buffer.from(attachment.data, "base64").toString("utf8");
      if (decoded.includes("\uFFFD")) reader.issues.add(`${at.at}.data`, "The text is not valid UTF-8.", "value");
      else
        noteText = text(child(at, "data"), decoded, { required: true, max: MAX_NOTE_LENGTH, label: "The note's text" });
    }
  }
  if (!patient || !writtenAt || !noteText) return null;
  return { kind: "DocumentReference", patient, author, noteKind, text: noteText, writtenAt };
}

const carePlanStatus: ReadonlyMap<string, CarePlanStatus> = new Map([
  ["active", "ACTIVE"],
  ["completed", "COMPLETED"],
  ["revoked", "STOPPED"],
]);
const ACTIVITY_DETAIL_ELEMENTS = new Set(["status", "scheduledString"]);

export function mapCarePlan(reader: Reader, plan: CarePlan): Draft | null {
  const status = carePlanStatus.get(plan.status);
  if (!status)
    reader.issues.add(`${reader.at}.status`, "Only active, completed and revoked plans are accepted.", "not-supported");
  if (plan.intent !== "plan" && plan.intent !== "order") {
    reader.issues.add(`${reader.at}.intent`, "Only a plan (or order) is accepted, not a proposal.", "not-supported");
  }
  const patient = reference(child(reader, "subject"), plan.subject, "Patient", { required: true });
  const title = text(child(reader, "title"), plan.title, {
    required: true,
    max: 200,
    label: "The nursing problem or goal (title)",
  });
  const description = text(child(reader, "description"), plan.description, {
    required: true,
    max: MAX_NOTE_LENGTH,
    label: "The interventions (description)",
  });
  const startDate = calendarDate(child(reader, "period.start"), plan.period?.start, { required: true });
  const endDate = calendarDate(child(reader, "period.end"), plan.period?.end);
  if (startDate && endDate && endDate < startDate)
    reader.issues.add(`${reader.at}.period.end`, "The period ends before it starts.", "business-rule");
  const author = plan.author ? reference(child(reader, "author"), plan.author, "Practitioner") : null;

  let frequency: string | null = null;
  const activities = plan.activity ?? [];
  if (activities.length > 1)
    reader.issues.add(`${reader.at}.activity`, "At most one activity: its schedule.", "not-supported");
  activities.slice(0, 1).forEach((activity) => {
    const at = `${reader.at}.activity[0]`;
    for (const key of Object.keys(activity)) {
      if (key !== "detail")
        reader.issues.add(`${at}.${key}`, `The portal does not store CarePlan.activity.${key}.`, "not-supported");
    }
    for (const key of Object.keys(activity.detail ?? {})) {
      if (!ACTIVITY_DETAIL_ELEMENTS.has(key))
        reader.issues.add(
          `${at}.detail.${key}`,
          `The portal does not store CarePlan.activity.detail.${key}.`,
          "not-supported",
        );
    }
    frequency = text(readerAt(reader, `${at}.detail.scheduledString`), activity.detail?.scheduledString, { max: 200 });
  });
  if (!patient || !title || !description || !status || !startDate) return null;
  return { kind: "CarePlan", patient, author, title, description, frequency, status, startDate, endDate };
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(:00)?$/;

export function mapMedicationStatement(reader: Reader, statement: MedicationStatement): Draft | null {
  const status = statement.status;
  if (!["active", "intended", "on-hold", "completed", "stopped"].includes(status)) {
    reader.issues.add(
      `${reader.at}.status`,
      "Only active, intended, on-hold, completed or stopped medication is accepted.",
      "not-supported",
    );
  }
  const concept = statement.medicationCodeableConcept;
  const medication = text(
    child(reader, "medicationCodeableConcept"),
    concept?.text ?? concept?.coding?.find((coding) => coding.display)?.display,
    {
      required: true,
      max: 200,
      label: "The medication's name (text or a coding's display)",
    },
  );
  const patient = reference(child(reader, "subject"), statement.subject, "Patient", { required: true });
  const startElement = statement.effectivePeriod ? "effectivePeriod.start" : "effectiveDateTime";
  const startDate = calendarDate(
    child(reader, startElement),
    statement.effectivePeriod?.start ?? statement.effectiveDateTime,
    { required: true },
  );
  const endDate = calendarDate(child(reader, "effectivePeriod.end"), statement.effectivePeriod?.end);
  if ((status === "completed" || status === "stopped") && !endDate) {
    reader.issues.add(
      `${reader.at}.effectivePeriod.end`,
      "Medication that is completed or stopped has its end date.",
      "required",
    );
  }
  if (startDate && endDate && endDate < startDate)
    reader.issues.add(`${reader.at}.effectivePeriod.end`, "The period ends before it starts.", "business-rule");
  const prescriber = text(child(reader, "informationSource.display"), statement.informationSource?.display, {
    max: 200,
  });

  const dosages = statement.dosage ?? [];
  if (dosages.length !== 1) {
    reader.issues.add(`${reader.at}.dosage`, "Exactly one dosage: the dose as text, its route and times.", "structure");
    return null;
  }
  const dosage = dosages[0]!;
  const at = child(reader, "dosage[0]");
  const dose = text(child(at, "text"), dosage.text, { required: true, max: 200, label: "The dose (dosage.text)" });
  const route = text(
    child(at, "route"),
    dosage.route?.text ?? dosage.route?.coding?.find((coding) => coding.display)?.display,
    { max: 100 },
  );
  const instructions = text(child(at, "patientInstruction"), dosage.patientInstruction, { max: 1000 });
  const times: string[] = [];
  (dosage.timing?.repeat?.timeOfDay ?? []).forEach((time, index) => {
    const match = TIME_OF_DAY.exec(time);
    if (!match) at.issues.add(`${at.at}.timing.repeat.timeOfDay[${index}]`, "A time of day, hh:mm(:00).", "value");
    else times.push(`${match[1]}:${match[2]}`);
  });
  if (!medication || !patient || !startDate || !dose) return null;
  return {
    kind: "MedicationStatement",
    patient,
    medication,
    dose,
    route,
    times: [...new Set(times)].sort(),
    instructions,
    prescriber,
    startDate,
    endDate,
  };
}

const visitStatus: ReadonlyMap<string, PlannedVisitStatus> = new Map([
  ["proposed", "PLANNED"],
  ["pending", "PLANNED"],
  ["booked", "PLANNED"],
  ["arrived", "DONE"],
  ["checked-in", "DONE"],
  ["fulfilled", "DONE"],
  ["cancelled", "CANCELLED"],
  ["noshow", "CANCELLED"],
]);

export function mapAppointment(reader: Reader, appointment: Appointment): Draft | null {
  const status = visitStatus.get(appointment.status);
  if (!status) reader.issues.add(`${reader.at}.status`, "This appointment status is not accepted.", "not-supported");
  const purpose = text(child(reader, "description"), appointment.description, {
    required: true,
    max: 500,
    label: "The visit's purpose (description)",
  });
  const startsAt = instant(child(reader, "start"), appointment.start, { required: true });
  const endsAt = instant(child(reader, "end"), appointment.end);
  let durationMinutes =
    appointment.minutesDuration ??
    (startsAt && endsAt ? Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000) : 30);
  if (durationMinutes < 5 || durationMinutes > 480) {
    reader.issues.add(
      `${reader.at}.${appointment.minutesDuration !== undefined ? "minutesDuration" : "end"}`,
      "A visit lasts 5 to 480 minutes.",
      "business-rule",
    );
    durationMinutes = 30;
  }

  let patient: ResourceReference | null = null;
  let nurse: ResourceReference | null = null;
  (appointment.participant ?? []).forEach((participant, index) => {
    const at = child(reader, `participant[${index}].actor`);
    const literal = participant.actor?.reference ?? "";
    // Whom the participant is: its declared type, the type of the entry it points at, or the
    // type its literal reference starts with.
    const target =
      participant.actor?.type ??
      reader.entryTypes.get(literal.startsWith("urn:uuid:") ? literal.toLowerCase() : literal) ??
      /^(Patient|Practitioner)[/?]/.exec(literal)?.[1] ??
      null;
    if (target === "Patient") {
      if (patient) at.issues.add(at.at, "One patient per visit.", "not-supported");
      else patient = reference(at, participant.actor, "Patient");
    } else if (target === "Practitioner") {
      if (nurse) at.issues.add(at.at, "At most one nurse per visit.", "not-supported");
      else nurse = reference(at, participant.actor, "Practitioner");
    } else {
      at.issues.add(
        at.at,
        "A participant is the patient or the visiting nurse (Patient or Practitioner).",
        "not-supported",
      );
    }
  });
  if (!patient) reader.issues.add(`${reader.at}.participant`, "The patient is a participant of the visit.", "required");
  if (!patient || !purpose || !startsAt || !status) return null;
  return { kind: "Appointment", patient, nurse, startsAt, durationMinutes, purpose, status };
}
