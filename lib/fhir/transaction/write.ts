// Writes a checked transaction into the portal's model, inside ONE database transaction (the
// caller's): every entry commits or none does (ADR 0018).
//
// Idempotency: each row keeps the business identifier it came with (sourceSystem, sourceId; a
// person is found by national number). A conditional create (POST + ifNoneExist) of something
// that exists changes nothing; a conditional update (PUT) compares the stored state with the
// resource's and writes only a difference. So a second, identical Bundle writes no row, no
// revision and no access-log entry. A difference keeps the previous state in RecordRevision,
// authored by the system client, and every patient whose data changed gets one access-log entry
// per kind of change, with the client as actor (lib/access/system.ts).
//
// A resource's identifier is bound to one patient: an identifier that already belongs to
// another patient's entry is refused, never moved across files.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentEventKind, Role } from "@/lib/generated/prisma/enums";
import { ageBand } from "@/lib/access/minors";
import { logSystemChange, type SystemChangeAction } from "@/lib/access/system";
import { inszBirthDate } from "@/lib/insz";
import { sameLastName } from "@/lib/patient-settings/match";
import { FhirError } from "../outcome";
import { NIHDI_SYSTEM, SSIN_SYSTEM } from "../terminology";
import { SUPPORTED_RESOURCE_TYPES, type TransactionEntry } from "./bundle";
import type { Draft, MappedEntry, PersonFields } from "./drafts";
import type { ResourceReference } from "./read";

type Tx = Prisma.TransactionClient;

export type WriteContext = {
  tx: Tx;
  clientId: string;
  requestId: string;
  now: Date;
  /** Today in Belgium at UTC midnight. */
  today: Date;
};

export type EntryOutcome = { status: "201 Created" | "200 OK"; location: string };

/**
 * What the patient's access log says the record system did: the file's entries, identification
 * and care organisation, consent (the action a patient's own consent change is logged under), and
 * legal representatives (the coordinator's action for the same fact).
 */
type LogAction = SystemChangeAction;

/** Namespace of the advisory lock that serialises feed transactions (two identical Bundles at once). */
const FEED_LOCK_NAMESPACE = 4017;
/** The reason every revision made by the feed carries (the page shows its own words for it). */
export const FEED_REVISION_REASON = "Updated by the organisation's record system (FHIR)";

const PRACTITIONER_ROLES: readonly Role[] = ["NURSE", "DOCTOR", "CAREGIVER"];
const DAY = 86_400_000;

/** A comparable, JSON-serialisable state of a row: what a revision keeps as "previous". */
type State = Record<string, string | number | boolean | null | string[]>;

const day = (date: Date) => date.toISOString().slice(0, 10);
const optionalDay = (date: Date | null) => (date ? day(date) : null);

function sameState(a: State, b: State): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}

function unprocessable(
  expression: string,
  diagnostics: string,
  code: "not-found" | "business-rule" | "value" = "business-rule",
): FhirError {
  return new FhirError(422, { code, diagnostics, expression });
}

class FeedWriter {
  private readonly persons = new Map<string, string>();
  private readonly changes = new Map<string | null, Set<LogAction>>();

  constructor(private readonly context: WriteContext) {}

  private get tx(): Tx {
    return this.context.tx;
  }

  private changed(patientId: string | null, action: LogAction): void {
    const actions = this.changes.get(patientId) ?? new Set<LogAction>();
    actions.add(action);
    this.changes.set(patientId, actions);
  }

  private async revise(
    entityType: string,
    entityId: string,
    patientId: string,
    version: number,
    previous: State,
  ): Promise<void> {
    await this.tx.recordRevision.create({
      data: {
        patientId,
        entityType,
        entityId,
        version,
        previous,
        reason: FEED_REVISION_REASON,
        authorSystem: this.context.clientId,
        changedAt: this.context.now,
      },
    });
  }

  // --- references ----------------------------------------------------------------------------

  async patientId(reference: ResourceReference): Promise<string> {
    if (reference.kind === "entry") return this.fromEntry(reference);
    if (reference.kind === "identifier") {
      if (reference.system !== SSIN_SYSTEM)
        throw unprocessable(reference.at, `A patient is referred to by national number (${SSIN_SYSTEM}).`, "value");
      const person = await this.tx.person.findUnique({
        where: { insz: reference.value },
        select: { patient: { select: { id: true } } },
      });
      if (!person?.patient)
        throw unprocessable(
          reference.at,
          "No patient has this national number; send the Patient in this Bundle.",
          "not-found",
        );
      return person.patient.id;
    }
    const patient = await this.tx.patient.findUnique({ where: { id: reference.id }, select: { id: true } });
    if (!patient) throw unprocessable(reference.at, "No patient has this id.", "not-found");
    return patient.id;
  }

  /** A practitioner's person id; with `role`, the person must hold it (a care team's nurse). */
  async practitionerId(reference: ResourceReference, role?: Role): Promise<string> {
    let personId: string | null = null;
    if (reference.kind === "entry") personId = this.fromEntry(reference);
    else if (reference.kind === "id")
      personId = (await this.tx.person.findUnique({ where: { id: reference.id }, select: { id: true } }))?.id ?? null;
    else if (reference.system === SSIN_SYSTEM)
      personId =
        (await this.tx.person.findUnique({ where: { insz: reference.value }, select: { id: true } }))?.id ?? null;
    else if (reference.system === NIHDI_SYSTEM) {
      const digits = reference.value.replace(/[^0-9]/g, "");
      const riziv =
        digits.length === 11
          ? `${digits[0]}-${digits.slice(1, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`
          : reference.value;
      personId =
        (await this.tx.personRole.findFirst({ where: { rizivNumber: riziv }, select: { personId: true } }))?.personId ??
        null;
    } else {
      throw unprocessable(
        reference.at,
        `A practitioner is referred to by national number (${SSIN_SYSTEM}) or RIZIV/INAMI number (${NIHDI_SYSTEM}).`,
        "value",
      );
    }
    if (!personId)
      throw unprocessable(
        reference.at,
        "No practitioner is known by this reference; send the Practitioner in this Bundle.",
        "not-found",
      );
    const roles = (await this.tx.personRole.findMany({ where: { personId }, select: { role: true } })).map(
      (row) => row.role,
    );
    const wanted = role ? [role] : PRACTITIONER_ROLES;
    if (!roles.some((held) => wanted.includes(held))) {
      throw unprocessable(
        reference.at,
        role === "NURSE"
          ? "This practitioner is not a nurse of the organisation (qualification persnurse)."
          : "This person is no practitioner.",
      );
    }
    return personId;
  }

  private fromEntry(reference: Extract<ResourceReference, { kind: "entry" }>): string {
    const id = this.persons.get(reference.fullUrl);
    // Patients and practitioners are written first, and a Bundle with an unmappable entry never
    // reaches the writer; a miss here is a bug, reported as the client's reference all the same.
    if (!id) throw unprocessable(reference.at, "The referenced entry could not be resolved.", "not-found");
    return id;
  }

  // --- people --------------------------------------------------------------------------------

  private personState(person: PersonFields | Prisma.PersonGetPayload<object>): State {
    return {
      honorific: person.honorific,
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: optionalDay(person.birthDate),
      email: person.email,
      phone: person.phone,
      street: person.street,
      postalCode: person.postalCode,
      city: person.city,
      country: person.country,
    };
  }

  async writePerson(
    entry: TransactionEntry,
    draft: Extract<Draft, { kind: "Patient" | "Practitioner" }>,
  ): Promise<EntryOutcome> {
    const isPatient = draft.kind === "Patient";
    const fields = draft.person;
    const { insz, ...data } = fields;
    const desiredRoles = isPatient ? [{ role: "PATIENT" as const, profession: null, rizivNumber: null }] : draft.roles;
    const existing = await this.tx.person.findUnique({
      where: { insz },
      include: { roles: true, patient: { select: { id: true } } },
    });

    if (!existing) {
      const created = await this.tx.person.create({
        data: {
          insz,
          ...data,
          locale: "nl-BE",
          roles: {
            create: desiredRoles.map(({ role, profession, rizivNumber }) => ({ role, profession, rizivNumber })),
          },
        },
        select: { id: true },
      });
      if (isPatient) await this.tx.patient.create({ data: { id: created.id } });
      this.remember(entry, created.id);
      this.changed(isPatient ? created.id : null, "CORRECT_ADMINISTRATIVE");
      return { status: "201 Created", location: `${entry.resourceType}/${created.id}` };
    }

    this.remember(entry, existing.id);
    const resourceExists = isPatient
      ? existing.patient !== null
      : existing.roles.some((held) => PRACTITIONER_ROLES.includes(held.role));
    const location = `${entry.resourceType}/${existing.id}`;
    // A conditional create of something that exists is a no-op, whatever it carries.
    if (resourceExists && entry.interaction === "create") return { status: "200 OK", location };

    const roleState = (roles: { role: Role; profession: string | null; rizivNumber: string | null }[]) =>
      roles
        .filter((held) => desiredRoles.some((wanted) => wanted.role === held.role))
        .map((held) => `${held.role}:${held.profession ?? ""}:${held.rizivNumber ?? ""}`)
        .sort();
    const currentState: State = { ...this.personState(existing), roles: roleState(existing.roles) };
    // A role keeps its profession when the message names none (a physician's specialty is not in cd-hcparty).
    const wantedRoles = desiredRoles.map((wanted) => {
      const held = existing.roles.find((role) => role.role === wanted.role);
      return { ...wanted, profession: wanted.profession ?? held?.profession ?? null };
    });
    const desiredState: State = { ...this.personState({ ...fields }), roles: roleState(wantedRoles) };

    let changed = false;
    if (!sameState(currentState, desiredState)) {
      const updated = await this.tx.person.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw concurrentChange(entry);
      for (const wanted of wantedRoles) {
        await this.tx.personRole.upsert({
          where: { personId_role: { personId: existing.id, role: wanted.role } },
          create: {
            personId: existing.id,
            role: wanted.role,
            profession: wanted.profession,
            rizivNumber: wanted.rizivNumber,
          },
          update: { profession: wanted.profession, rizivNumber: wanted.rizivNumber },
        });
      }
      await this.revise("Person", existing.id, existing.id, existing.version, currentState);
      changed = true;
    }
    if (isPatient && existing.patient === null) {
      await this.tx.patient.create({ data: { id: existing.id } });
      changed = true;
    }
    if (changed) this.changed(isPatient ? existing.id : null, "CORRECT_ADMINISTRATIVE");
    return { status: resourceExists ? "200 OK" : "201 Created", location };
  }

  private remember(entry: TransactionEntry, personId: string): void {
    if (entry.fullUrl) this.persons.set(entry.fullUrl, personId);
  }

  // --- rows identified by the record system's identifier ---------------------------------------

  /**
   * Creates the row when absent; when present: nothing for a conditional create or an unchanged
   * state, else a compare-and-set update and a revision holding the previous state.
   */
  async syncRow(args: {
    entry: TransactionEntry;
    entityType: string;
    patientId: string;
    action: LogAction;
    existing: { id: string; version: number; patientId: string } | null;
    current: State | null;
    desired: State;
    create: () => Promise<{ id: string }>;
    update: (id: string, version: number) => Promise<{ count: number }>;
    /** A difference that is not an update but a different thing (a reading's type). */
    refuse?: (current: State) => string | null;
  }): Promise<EntryOutcome> {
    const { entry, existing } = args;
    if (!existing) {
      const created = await args.create();
      this.changed(args.patientId, args.action);
      return { status: "201 Created", location: `${entry.resourceType}/${created.id}` };
    }
    const location = `${entry.resourceType}/${existing.id}`;
    if (existing.patientId !== args.patientId) {
      throw unprocessable(`${entry.at}.request`, "This identifier already belongs to another patient's entry.");
    }
    if (entry.interaction === "create" || sameState(args.current!, args.desired)) return { status: "200 OK", location };
    const refusal = args.refuse?.(args.current!);
    if (refusal) throw unprocessable(`${entry.at}.resource`, refusal);
    if ((await args.update(existing.id, existing.version)).count !== 1) throw concurrentChange(entry);
    await this.revise(args.entityType, existing.id, args.patientId, existing.version, args.current!);
    this.changed(args.patientId, args.action);
    return { status: "200 OK", location };
  }

  async write(mapped: MappedEntry): Promise<EntryOutcome> {
    const { entry, draft } = mapped;
    const source = { sourceSystem: entry.identifier.system, sourceId: entry.identifier.value };
    const tx = this.tx;
    switch (draft.kind) {
      case "Patient":
      case "Practitioner":
        return this.writePerson(entry, draft);

      case "EpisodeOfCare": {
        const patientId = await this.patientId(draft.patient);
        const row = await tx.careEpisode.findUnique({ where: { sourceSystem_sourceId: source } });
        const desired = { startDate: day(draft.startDate), endDate: optionalDay(draft.endDate) };
        return this.syncRow({
          entry,
          entityType: "CareEpisode",
          patientId,
          action: "CORRECT_ADMINISTRATIVE",
          existing: row,
          current: row && { startDate: day(row.startDate), endDate: optionalDay(row.endDate) },
          desired,
          create: () =>
            tx.careEpisode.create({
              data: { patientId, startDate: draft.startDate, endDate: draft.endDate, ...source },
              select: { id: true },
            }),
          update: (id, version) =>
            tx.careEpisode.updateMany({
              where: { id, version },
              data: { startDate: draft.startDate, endDate: draft.endDate, version: { increment: 1 } },
            }),
        });
      }

      case "CareTeam":
        return this.writeCareTeam(entry, draft, source);

      case "CarePlan": {
        const patientId = await this.patientId(draft.patient);
        const authorId = draft.author ? await this.practitionerId(draft.author) : null;
        const row = await tx.carePlanItem.findUnique({ where: { sourceSystem_sourceId: source } });
        const data = {
          title: draft.title,
          description: draft.description,
          frequency: draft.frequency,
          status: draft.status,
          startDate: draft.startDate,
          endDate: draft.endDate,
          authorId,
        };
        const state = (item: typeof data): State => ({
          title: item.title,
          description: item.description,
          frequency: item.frequency,
          status: item.status,
          startDate: day(item.startDate),
          endDate: optionalDay(item.endDate),
          authorId: item.authorId,
        });
        return this.syncRow({
          entry,
          entityType: "CarePlanItem",
          patientId,
          action: "WRITE_NURSING_FILE",
          existing: row,
          current: row && state(row),
          desired: state(data),
          create: () => tx.carePlanItem.create({ data: { patientId, ...data, ...source }, select: { id: true } }),
          update: (id, version) =>
            tx.carePlanItem.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
        });
      }

      case "Observation": {
        const patientId = await this.patientId(draft.patient);
        const recordedById = draft.recordedBy ? await this.practitionerId(draft.recordedBy) : null;
        const row = await tx.vitalSign.findUnique({ where: { sourceSystem_sourceId: source } });
        const data = {
          type: draft.type,
          value: draft.value,
          secondaryValue: draft.secondaryValue,
          unit: draft.unit,
          measuredAt: draft.measuredAt,
          note: draft.note,
          recordedById,
        };
        const state = (reading: typeof data): State => ({
          type: reading.type,
          value: reading.value,
          secondaryValue: reading.secondaryValue,
          unit: reading.unit,
          measuredAt: reading.measuredAt.toISOString(),
          note: reading.note,
          recordedById: reading.recordedById,
        });
        return this.syncRow({
          entry,
          entityType: "VitalSign",
          patientId,
          action: "WRITE_NURSING_FILE",
          existing: row,
          current:
            row &&
            state({ ...row, value: row.value.toNumber(), secondaryValue: row.secondaryValue?.toNumber() ?? null }),
          desired: state(data),
          refuse: (current) =>
            current.type !== draft.type
              ? "A reading keeps its type: send a reading of another type as a new Observation."
              : null,
          create: () => tx.vitalSign.create({ data: { patientId, ...data, ...source }, select: { id: true } }),
          update: (id, version) =>
            tx.vitalSign.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
        });
      }

      case "DocumentReference": {
        const patientId = await this.patientId(draft.patient);
        const authorId = draft.author ? await this.practitionerId(draft.author) : null;
        const row = await tx.nursingNote.findUnique({ where: { sourceSystem_sourceId: source } });
        const data = { kind: draft.noteKind, text: draft.text, writtenAt: draft.writtenAt, authorId };
        const state = (note: typeof data): State => ({
          kind: note.kind,
          text: note.text,
          writtenAt: note.writtenAt.toISOString(),
          authorId: note.authorId,
        });
        return this.syncRow({
          entry,
          entityType: "NursingNote",
          patientId,
          action: "WRITE_NURSING_FILE",
          existing: row,
          current: row && state(row),
          desired: state(data),
          create: () => tx.nursingNote.create({ data: { patientId, ...data, ...source }, select: { id: true } }),
          update: (id, version) =>
            tx.nursingNote.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
        });
      }

      case "MedicationStatement": {
        const patientId = await this.patientId(draft.patient);
        const row = await tx.medicationScheduleItem.findUnique({ where: { sourceSystem_sourceId: source } });
        const data = {
          medication: draft.medication,
          dose: draft.dose,
          route: draft.route,
          times: draft.times,
          instructions: draft.instructions,
          prescriber: draft.prescriber,
          startDate: draft.startDate,
          endDate: draft.endDate,
        };
        const state = (item: typeof data): State => ({
          medication: item.medication,
          dose: item.dose,
          route: item.route,
          times: item.times,
          instructions: item.instructions,
          prescriber: item.prescriber,
          startDate: day(item.startDate),
          endDate: optionalDay(item.endDate),
        });
        return this.syncRow({
          entry,
          entityType: "MedicationScheduleItem",
          patientId,
          action: "WRITE_NURSING_FILE",
          existing: row,
          current: row && state(row),
          desired: state(data),
          create: () =>
            tx.medicationScheduleItem.create({ data: { patientId, ...data, ...source }, select: { id: true } }),
          update: (id, version) =>
            tx.medicationScheduleItem.updateMany({
              where: { id, version },
              data: { ...data, version: { increment: 1 } },
            }),
        });
      }

      case "Consent":
        return this.writeConsent(entry, draft);

      case "RelatedPerson":
        return this.writeRelatedPerson(entry, draft);

      case "Appointment": {
        const patientId = await this.patientId(draft.patient);
        const nurseId = draft.nurse ? await this.practitionerId(draft.nurse, "NURSE") : null;
        const row = await tx.plannedVisit.findUnique({ where: { sourceSystem_sourceId: source } });
        const data = {
          startsAt: draft.startsAt,
          durationMinutes: draft.durationMinutes,
          purpose: draft.purpose,
          status: draft.status,
          nurseId,
        };
        const state = (visit: typeof data): State => ({
          startsAt: visit.startsAt.toISOString(),
          durationMinutes: visit.durationMinutes,
          purpose: visit.purpose,
          status: visit.status,
          nurseId: visit.nurseId,
        });
        return this.syncRow({
          entry,
          entityType: "PlannedVisit",
          patientId,
          action: "WRITE_NURSING_FILE",
          existing: row,
          current: row && state(row),
          desired: state(data),
          create: () => tx.plannedVisit.create({ data: { patientId, ...data, ...source }, select: { id: true } }),
          update: (id, version) =>
            tx.plannedVisit.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
        });
      }
    }
  }

  /**
   * A care team is one assignment per nurse, all carrying the team's identifier. Nurses in the
   * message are created or updated; nurses the team no longer lists are taken out of it (their
   * assignment ends yesterday, so their access ends today), never deleted: the history of who
   * could read the file stays.
   */
  private async writeCareTeam(
    entry: TransactionEntry,
    draft: Extract<Draft, { kind: "CareTeam" }>,
    source: { sourceSystem: string; sourceId: string },
  ): Promise<EntryOutcome> {
    const tx = this.tx;
    const patientId = await this.patientId(draft.patient);
    const rows = await tx.careTeamAssignment.findMany({ where: source });
    const location = `CareTeam/ct-${createHash("sha256").update(`${source.sourceSystem}|${source.sourceId}`).digest("hex").slice(0, 24)}`;
    if (rows.some((row) => row.patientId !== patientId)) {
      throw unprocessable(`${entry.at}.request`, "This identifier already belongs to another patient's care team.");
    }
    if (rows.length > 0 && entry.interaction === "create") return { status: "200 OK", location };

    const state = (assignment: { startDate: Date; endDate: Date | null }): State => ({
      startDate: day(assignment.startDate),
      endDate: optionalDay(assignment.endDate),
    });
    const members = new Map<string, (typeof draft.members)[number]>();
    for (const member of draft.members) {
      const nurseId = await this.practitionerId(member.nurse, "NURSE");
      if (members.has(nurseId)) throw unprocessable(member.nurse.at, "The same nurse is in this care team twice.");
      members.set(nurseId, member);
    }

    let changed = false;
    for (const [nurseId, member] of members) {
      const row = rows.find((candidate) => candidate.nurseId === nurseId);
      if (!row) {
        await tx.careTeamAssignment.create({
          data: { nurseId, patientId, startDate: member.startDate, endDate: member.endDate, ...source },
        });
        changed = true;
        continue;
      }
      if (sameState(state(row), state(member))) continue;
      const updated = await tx.careTeamAssignment.updateMany({
        where: { id: row.id, version: row.version },
        data: { startDate: member.startDate, endDate: member.endDate, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw concurrentChange(entry);
      await this.revise("CareTeamAssignment", row.id, patientId, row.version, state(row));
      changed = true;
    }

    const yesterday = new Date(this.context.today.getTime() - DAY);
    for (const row of rows) {
      if (members.has(row.nurseId)) continue;
      if (row.endDate !== null && row.endDate.getTime() < this.context.today.getTime()) continue;
      // An assignment that had not begun gets an empty period (it ends the day before it starts).
      const endDate =
        row.startDate.getTime() > yesterday.getTime() ? new Date(row.startDate.getTime() - DAY) : yesterday;
      const updated = await tx.careTeamAssignment.updateMany({
        where: { id: row.id, version: row.version },
        data: { endDate, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw concurrentChange(entry);
      await this.revise("CareTeamAssignment", row.id, patientId, row.version, state(row));
      changed = true;
    }

    if (changed) this.changed(patientId, "CORRECT_ADMINISTRATIVE");
    return { status: rows.length === 0 ? "201 Created" : "200 OK", location };
  }

  /** The version a row without a version column had before a change: its revisions so far, plus one. */
  private async revisionVersion(entityType: string, entityId: string): Promise<number> {
    return (await this.tx.recordRevision.count({ where: { entityType, entityId } })) + 1;
  }

  /**
   * A Consent is one or two events of the patient's consent history, both keyed by the record
   * system's identifier: GIVEN at `dateTime`, and WITHDRAWN when the Consent is inactive. A
   * corrected moment updates the event and keeps the previous one in a revision; a withdrawn
   * Consent made active again is refused (consent given again is a new Consent), because the
   * history never loses a withdrawal.
   */
  private async writeConsent(
    entry: TransactionEntry,
    draft: Extract<Draft, { kind: "Consent" }>,
  ): Promise<EntryOutcome> {
    const tx = this.tx;
    const patientId = await this.patientId(draft.patient);
    const sourceReference = `${entry.identifier.system}|${entry.identifier.value}`;
    const rows = await tx.consentEvent.findMany({
      where: { source: "RECORD_SYSTEM", sourceReference },
      select: { id: true, patientId: true, kind: true, occurredAt: true },
      // One GIVEN and one WITHDRAWN at most (the unique key has the kind; another patient's use
      // of the identifier is refused below), so three rows always show everything.
      take: 3,
    });
    if (rows.some((row) => row.patientId !== patientId)) {
      throw unprocessable(`${entry.at}.request`, "This identifier already belongs to another patient's consent.");
    }
    const given = rows.find((row) => row.kind === "GIVEN");
    const withdrawn = rows.find((row) => row.kind === "WITHDRAWN");
    const location = `Consent/${given?.id ?? withdrawn?.id ?? ""}`;
    if (rows.length > 0 && entry.interaction === "create") return { status: "200 OK", location };
    if (withdrawn && !draft.withdrawnAt) {
      throw unprocessable(
        `${entry.at}.resource.status`,
        "This consent was withdrawn; consent given again is a new Consent with an identifier of its own.",
      );
    }

    let changed = false;
    let givenId = given?.id;
    const events: [ConsentEventKind, Date | null, typeof given][] = [
      ["GIVEN", draft.givenAt, given],
      ["WITHDRAWN", draft.withdrawnAt, withdrawn],
    ];
    for (const [kind, occurredAt, row] of events) {
      if (!occurredAt) continue;
      if (!row) {
        const created = await tx.consentEvent.create({
          data: { patientId, kind, occurredAt, source: "RECORD_SYSTEM", sourceReference, recordedById: null },
          select: { id: true },
        });
        givenId ??= created.id;
        changed = true;
        continue;
      }
      if (row.occurredAt.getTime() === occurredAt.getTime()) continue;
      const version = await this.revisionVersion("ConsentEvent", row.id);
      // Compare-and-set on the moment read above: a concurrent change is a conflict, not overwritten.
      const updated = await tx.consentEvent.updateMany({
        where: { id: row.id, occurredAt: row.occurredAt },
        data: { occurredAt },
      });
      if (updated.count !== 1) throw concurrentChange(entry);
      await this.revise("ConsentEvent", row.id, patientId, version, {
        kind: row.kind,
        occurredAt: row.occurredAt.toISOString(),
      });
      changed = true;
    }
    if (changed) this.changed(patientId, "MANAGE_PATIENT_SETTINGS");
    return { status: rows.length === 0 ? "201 Created" : "200 OK", location: `Consent/${givenId}` };
  }

  /**
   * A legal representative: the person by national number (created when the portal does not know
   * them, with the LEGAL_REPRESENTATIVE role so they can sign in as one), and one
   * LegalRepresentation keyed by the record system's identifier. What it lets them do depends on
   * the patient's age on each day (policy.ts). A known person's family name must match the one
   * sent: a mistyped national number must not make a stranger someone's representative.
   */
  private async writeRelatedPerson(
    entry: TransactionEntry,
    draft: Extract<Draft, { kind: "RelatedPerson" }>,
  ): Promise<EntryOutcome> {
    const tx = this.tx;
    const at = `${entry.at}.resource`;
    const patientId = await this.patientId(draft.patient);
    const { insz, firstName, lastName } = draft.representative;
    if (ageBand(inszBirthDate(insz), this.context.now) !== "adult")
      throw unprocessable(`${at}.identifier`, "A legal representative is an adult.");
    const known = await tx.person.findUnique({ where: { insz }, select: { id: true, lastName: true } });
    if (known && !sameLastName(lastName, known.lastName)) {
      throw unprocessable(
        `${at}.name`,
        "The family name differs from that of the person with this national number.",
        "value",
      );
    }
    if (known?.id === patientId) throw unprocessable(`${at}.identifier`, "A patient does not represent themself.");

    const sourceReference = `${entry.identifier.system}|${entry.identifier.value}`;
    const row = await tx.legalRepresentation.findFirst({
      where: { source: "RECORD_SYSTEM", sourceReference },
      select: {
        id: true,
        patientId: true,
        representativeId: true,
        basis: true,
        startDate: true,
        endDate: true,
        revokedAt: true,
      },
    });
    if (row && row.patientId !== patientId) {
      throw unprocessable(
        `${entry.at}.request`,
        "This identifier already belongs to another patient's representative.",
      );
    }
    if (row && row.representativeId !== known?.id) {
      throw unprocessable(
        `${at}.identifier`,
        "A representation keeps its representative: send another person as a new RelatedPerson.",
      );
    }
    if (row && entry.interaction === "create") return { status: "200 OK", location: `RelatedPerson/${row.id}` };

    let changed = false;
    let representativeId = known?.id;
    if (!representativeId) {
      representativeId = (
        await tx.person.create({
          data: { insz, firstName, lastName, birthDate: inszBirthDate(insz), locale: "nl-BE" },
          select: { id: true },
        })
      ).id;
      changed = true;
    }
    // The representation is what makes someone a representative: without the role they could not
    // sign in as one. They still accept that role's declaration before reading anything.
    const role = await tx.personRole.findUnique({
      where: { personId_role: { personId: representativeId, role: "LEGAL_REPRESENTATIVE" } },
      select: { role: true },
    });
    if (!role) {
      await tx.personRole.create({ data: { personId: representativeId, role: "LEGAL_REPRESENTATIVE" } });
      changed = true;
    }

    const state = (representation: {
      basis: string;
      startDate: Date;
      endDate: Date | null;
      revoked: boolean;
    }): State => ({
      basis: representation.basis,
      startDate: day(representation.startDate),
      endDate: optionalDay(representation.endDate),
      revoked: representation.revoked,
    });
    const desired = state(draft);
    let id = row?.id;
    if (!row) {
      id = (
        await tx.legalRepresentation.create({
          data: {
            patientId,
            representativeId,
            basis: draft.basis,
            startDate: draft.startDate,
            endDate: draft.endDate,
            revokedAt: draft.revoked ? this.context.now : null,
            source: "RECORD_SYSTEM",
            sourceReference,
            recordedById: null,
          },
          select: { id: true },
        })
      ).id;
      changed = true;
    } else {
      const current = state({ ...row, revoked: row.revokedAt !== null });
      if (!sameState(current, desired)) {
        if (row.revokedAt !== null && !draft.revoked) {
          throw unprocessable(
            `${at}.active`,
            "This representation was revoked; a new one is a new RelatedPerson with an identifier of its own.",
          );
        }
        const version = await this.revisionVersion("LegalRepresentation", row.id);
        // Compare-and-set on everything read above: a concurrent change is a conflict, not overwritten.
        const updated = await tx.legalRepresentation.updateMany({
          where: {
            id: row.id,
            basis: row.basis,
            startDate: row.startDate,
            endDate: row.endDate,
            revokedAt: row.revokedAt,
          },
          data: {
            basis: draft.basis,
            startDate: draft.startDate,
            endDate: draft.endDate,
            revokedAt: row.revokedAt ?? (draft.revoked ? this.context.now : null),
          },
        });
        if (updated.count !== 1) throw concurrentChange(entry);
        await this.revise("LegalRepresentation", row.id, patientId, version, current);
        changed = true;
      }
    }
    if (changed) this.changed(patientId, "RECORD_LEGAL_REPRESENTATIVE");
    return { status: row ? "200 OK" : "201 Created", location: `RelatedPerson/${id}` };
  }

  /** One access-log entry per patient and kind of change, in the transaction of the changes. */
  async logChanges(): Promise<void> {
    const patients = [...this.changes.keys()].sort((a, b) => (a ?? "").localeCompare(b ?? ""));
    for (const patientId of patients) {
      for (const action of [...this.changes.get(patientId)!].sort()) {
        await logSystemChange(this.tx, {
          clientId: this.context.clientId,
          requestId: this.context.requestId,
          now: this.context.now,
          patientId,
          action,
        });
      }
    }
  }
}

function concurrentChange(entry: TransactionEntry): FhirError {
  return new FhirError(409, {
    code: "conflict",
    diagnostics: "The entry changed in the portal while this Bundle was applied; send the Bundle again.",
    expression: entry.at,
  });
}

/**
 * Applies the mapped entries in dependency order (people first, so every reference to them
 * resolves) and returns each entry's outcome by its index in the Bundle.
 */
export async function writeTransaction(
  context: WriteContext,
  mapped: readonly MappedEntry[],
): Promise<Map<number, EntryOutcome>> {
  // Feed transactions run one at a time: the second of two identical Bundles sent at once then
  // sees the first one's rows and changes nothing, instead of failing on a unique index.
  await context.tx.$executeRaw`SELECT pg_advisory_xact_lock(${FEED_LOCK_NAMESPACE}::int, 0)`;
  const order = (item: MappedEntry) => SUPPORTED_RESOURCE_TYPES.indexOf(item.entry.resourceType);
  const sorted = [...mapped].sort((a, b) => order(a) - order(b) || a.entry.index - b.entry.index);
  const writer = new FeedWriter(context);
  const outcomes = new Map<number, EntryOutcome>();
  for (const item of sorted) outcomes.set(item.entry.index, await writer.write(item));
  await writer.logChanges();
  return outcomes;
}
