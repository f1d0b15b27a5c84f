// EpisodeOfCare and CareTeam: the facts the access decision reads (ADR 0018). An episode's period
// starts and ends care (the file stays online until 3 months after its end); a care team's
// participants are the organisation's nurses who keep the file, each for their own period.
import type { CareTeam, EpisodeOfCare } from "@medplum/fhirtypes";
import type { Draft } from "./drafts";
import { calendarDate, child, reference, type Reader } from "./read";

export type MapContext = {
  /** Today in Belgium, at UTC midnight: what "already ended" is compared with. */
  today: Date;
  /** The request's moment: what "in the future" and a person's age are measured against. */
  now: Date;
};

function checkOrder(reader: Reader, start: Date | null, end: Date | null): void {
  if (start && end && end.getTime() < start.getTime()) {
    reader.issues.add(`${reader.at}.end`, "The period ends before it starts.", "business-rule");
  }
}

export function mapEpisodeOfCare(reader: Reader, episode: EpisodeOfCare, context: MapContext): Draft | null {
  const status = episode.status;
  if (status !== "active" && status !== "finished") {
    reader.issues.add(
      `${reader.at}.status`,
      "Only active and finished episodes are accepted: an episode that has not started or was never care opens no file.",
      "not-supported",
    );
  }
  const patient = reference(child(reader, "patient"), episode.patient, "Patient", { required: true });
  const period = child(reader, "period");
  const startDate = calendarDate(child(period, "start"), episode.period?.start, { required: true });
  const endDate = calendarDate(child(period, "end"), episode.period?.end);
  checkOrder(period, startDate, endDate);
  if (status === "finished" && !endDate && episode.period?.end === undefined) {
    reader.issues.add(`${reader.at}.period.end`, "A finished episode has the date care ended.", "required");
  }
  if (status === "active" && endDate && endDate.getTime() < context.today.getTime()) {
    reader.issues.add(
      `${reader.at}.status`,
      "An episode that ended in the past is finished, not active.",
      "business-rule",
    );
  }
  if (!patient || !startDate) return null;
  return { kind: "EpisodeOfCare", patient, startDate, endDate };
}

const PARTICIPANT_ELEMENTS = new Set(["id", "extension", "member", "period", "role"]);

export function mapCareTeam(reader: Reader, team: CareTeam): Draft | null {
  const status = team.status;
  if (status !== "active" && status !== "inactive") {
    reader.issues.add(`${reader.at}.status`, "Only active and inactive care teams are accepted.", "not-supported");
  }
  const patient = reference(child(reader, "subject"), team.subject, "Patient", { required: true });
  const teamStart = calendarDate(child(reader, "period.start"), team.period?.start);
  const teamEnd = calendarDate(child(reader, "period.end"), team.period?.end);
  checkOrder(child(reader, "period"), teamStart, teamEnd);

  const members: Extract<Draft, { kind: "CareTeam" }>["members"] = [];
  const seen = new Set<string>();
  (team.participant ?? []).forEach((participant, index) => {
    const at = child(reader, `participant[${index}]`);
    for (const key of Object.keys(participant)) {
      if (!PARTICIPANT_ELEMENTS.has(key))
        at.issues.add(`${at.at}.${key}`, `The portal does not store CareTeam.participant.${key}.`, "not-supported");
    }
    const nurse = reference(child(at, "member"), participant.member, "Practitioner", { required: true });
    const startDate = calendarDate(child(at, "period.start"), participant.period?.start) ?? teamStart;
    const endDate = calendarDate(child(at, "period.end"), participant.period?.end) ?? teamEnd;
    if (!startDate && !at.issues.issues.some((issue) => issue.expression?.startsWith(`${at.at}.period`))) {
      at.issues.add(
        `${at.at}.period.start`,
        "When the nurse joined the team is required (here or in CareTeam.period.start).",
        "required",
      );
    }
    if (status === "inactive" && !endDate) {
      at.issues.add(
        `${at.at}.period.end`,
        "An inactive care team gives the date each nurse left (here or in CareTeam.period.end).",
        "required",
      );
    }
    checkOrder(child(at, "period"), startDate, endDate);
    if (!nurse || !startDate) return;
    const key =
      nurse.kind === "identifier" ? `${nurse.system}|${nurse.value}` : nurse.kind === "id" ? nurse.id : nurse.fullUrl;
    if (seen.has(key)) {
      at.issues.add(`${at.at}.member`, "The same nurse is in this care team twice.", "duplicate");
      return;
    }
    seen.add(key);
    members.push({ nurse, startDate, endDate });
  });
  if (!patient) return null;
  return { kind: "CareTeam", patient, members };
}
