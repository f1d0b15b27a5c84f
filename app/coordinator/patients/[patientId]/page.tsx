// One patient's care organisation, for the coordinator: registration, care episodes (ending one
// says until when the file stays online), the care team and its responsible nurse, therapeutic
// relations and legal representatives, each with where it came from and its proof. Read under one
// READ_CARE_FACTS decision (logged); nothing of the file itself is read or shown.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { calendarDay } from "@/components/nursing-file";
import { ActionForm } from "@/components/forms/action-form";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { belgianCalendarDate } from "@/lib/belgian-calendar";
import { requirePageActor } from "@/lib/auth/guards";
import { readCareFacts } from "@/lib/coordinator";
import { MAX_PROOF_LENGTH } from "@/lib/coordinator/schemas";
import { linkTerms } from "@/lib/ehealth/terms";
import { formatInsz } from "@/lib/insz";
import {
  assignNurseAction,
  endEpisodeAction,
  recordRelationAction,
  recordRepresentativeAction,
  startEpisodeAction,
  unassignNurseAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coordinator");
  return { title: t("patient.metaTitle") };
}

const ZDone = z.enum([
  "registered",
  "alreadyRegistered",
  "episodeStarted",
  "episodeEnded",
  "nurseAssigned",
  "responsibleSet",
  "nurseUnassigned",
  "relationRecorded",
  "representativeRecorded",
  "nothingChanged",
]);

export default async function CoordinatorPatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const actor = await requirePageActor(["COORDINATOR"]);
  const [{ patientId }, query, t, tRoles, format] = await Promise.all([
    params,
    searchParams,
    getTranslations("coordinator"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const roleLabel = tRoles(actor.activeRole);
  const shellActor = { displayName: actor.displayName, roleLabel };
  const back = (
    <LinkButton href="/coordinator" variant="secondary">
      {t("patient.back")}
    </LinkButton>
  );
  const outcome = await readCareFacts({ actor, patientId, requestId: randomUUID() });
  if (!outcome.allowed) {
    // The same words for an unknown id as for any other refusal.
    return (
      <PageShell actor={shellActor}>
        <PageHeading eyebrow={roleLabel} title={t("patient.metaTitle")} actions={back} />
        <Alert tone="warning">{t("patient.refused")}</Alert>
      </PageShell>
    );
  }
  const facts = outcome.result;
  const done = ZDone.safeParse(query.done).data;
  const date = (day: string | null) => (day ? format.dateTime(calendarDay(day), "date") : "—");
  const today = belgianCalendarDate(new Date());
  const hidden = { patientId: facts.patientId };

  return (
    <PageShell actor={shellActor} width="wide">
      <PageHeading
        eyebrow={t("patient.eyebrow", { insz: formatInsz(facts.insz) })}
        title={facts.name}
        description={
          <p>
            {t("patient.born", { date: date(facts.birthDate) })} · {t(`ageBands.${facts.ageBand}`)}
          </p>
        }
        actions={back}
      />
      <div className="flex flex-col gap-6">
        {done ? (
          <Alert tone="success" className="mb-2">
            {t(`done.${done}`)}
          </Alert>
        ) : null}
        <p className="max-w-prose text-ink-muted">{t("patient.noHealthData")}</p>

        <Card title={t("episodes.title")}>
          {facts.episodes.length === 0 ? (
            <p>{t("episodes.none")}</p>
          ) : (
            <ul className="mb-4 flex flex-col gap-2">
              {facts.episodes.map((episode) => (
                <li key={episode.id} className="rounded-lg border border-line p-3">
                  {episode.endDate
                    ? t("episodes.ended", { start: date(episode.startDate), end: date(episode.endDate) })
                    : t("episodes.ongoing", { start: date(episode.startDate) })}
                </li>
              ))}
            </ul>
          )}
          {facts.onlineUntil ? (
            <p className="mb-4 font-semibold" data-testid="coordinator-online-until">
              {t("episodes.onlineUntil", { date: date(facts.onlineUntil) })}
            </p>
          ) : null}
          <h3 className="mb-2 text-lg font-bold">
            {facts.careOngoing ? t("episodes.endTitle") : t("episodes.startTitle")}
          </h3>
          {facts.careOngoing ? (
            <ActionForm
              action={endEpisodeAction}
              formLabel={t("episodes.endTitle")}
              hidden={hidden}
              fields={[
                {
                  kind: "date",
                  name: "endDate",
                  label: t("episodes.endDate"),
                  hint: t("episodes.endHint"),
                  required: true,
                  defaultValue: today,
                },
              ]}
              submitLabel={t("episodes.endSubmit")}
              submitVariant="danger"
            />
          ) : (
            <ActionForm
              action={startEpisodeAction}
              formLabel={t("episodes.startTitle")}
              hidden={hidden}
              fields={[
                {
                  kind: "date",
                  name: "startDate",
                  label: t("episodes.startDate"),
                  required: true,
                  defaultValue: today,
                },
              ]}
              submitLabel={t("episodes.startSubmit")}
            />
          )}
        </Card>

        <Card title={t("team.title")}>
          {facts.careTeam.filter((member) => member.active).length === 0 ? (
            <p className="mb-4">{t("team.none")}</p>
          ) : (
            <ul className="mb-4 flex flex-col gap-3">
              {facts.careTeam
                .filter((member) => member.active)
                .map((member) => (
                  <li
                    key={member.assignmentId}
                    className="flex flex-col gap-2 rounded-lg border border-line p-3 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <div>
                      <p className="font-semibold">
                        {member.name}
                        {member.responsible ? ` · ${t("team.responsible")}` : null}
                      </p>
                      <p className="text-ink-muted">{t("team.since", { date: date(member.startDate) })}</p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      {member.responsible ? null : (
                        <ActionForm
                          action={assignNurseAction}
                          formLabel={t("team.makeResponsibleLabel", { name: member.name })}
                          hidden={{ ...hidden, nurseId: member.nurseId, responsible: "true" }}
                          submitLabel={t("team.makeResponsible")}
                          submitVariant="secondary"
                          compact
                        />
                      )}
                      <ActionForm
                        action={unassignNurseAction}
                        formLabel={t("team.unassignLabel", { name: member.name })}
                        hidden={{ ...hidden, assignmentId: member.assignmentId }}
                        submitLabel={t("team.unassign")}
                        submitVariant="danger"
                        compact
                      />
                    </div>
                  </li>
                ))}
            </ul>
          )}
          {facts.assignableNurses.length > 0 ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{t("team.assignTitle")}</h3>
              <ActionForm
                action={assignNurseAction}
                formLabel={t("team.assignTitle")}
                hidden={hidden}
                fields={[
                  {
                    kind: "select",
                    name: "nurseId",
                    label: t("team.nurse"),
                    required: true,
                    options: facts.assignableNurses.map((nurse) => ({ value: nurse.personId, label: nurse.name })),
                  },
                  {
                    kind: "select",
                    name: "responsible",
                    label: t("team.responsibleQuestion"),
                    required: true,
                    options: [
                      { value: "false", label: t("team.no") },
                      { value: "true", label: t("team.yes") },
                    ],
                    defaultValue: "false",
                  },
                ]}
                submitLabel={t("team.assign")}
              />
            </>
          ) : null}
        </Card>

        <Card title={t("relations.title")}>
          <p className="mb-4 max-w-prose">{t("relations.intro")}</p>
          {facts.relations.length === 0 ? (
            <p className="mb-4">{t("relations.none")}</p>
          ) : (
            <ul className="mb-4 flex flex-col gap-3">
              {facts.relations.map((relation) => (
                <li key={relation.id} className="rounded-lg border border-line p-3">
                  <p className="font-semibold">
                    {relation.caregiver} · {relation.inForce ? t("relations.inForce") : t("relations.notInForce")}
                  </p>
                  <p>
                    {relation.endDate
                      ? t("relations.period", { start: date(relation.startDate), end: date(relation.endDate) })
                      : t("relations.openEnded", { start: date(relation.startDate) })}
                    {relation.term ? ` · ${t(`terms.${relation.term}`)}` : null}
                  </p>
                  <p className="text-ink-muted">
                    {t(`sources.${relation.source}`)}
                    {relation.sourceReference ? ` · ${t("proof", { reference: relation.sourceReference })}` : null}
                    {relation.recordedBy ? ` · ${t("recordedBy", { name: relation.recordedBy })}` : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-2 text-lg font-bold">{t("relations.recordTitle")}</h3>
          <ActionForm
            action={recordRelationAction}
            formLabel={t("relations.recordTitle")}
            hidden={hidden}
            fields={[
              {
                kind: "text",
                name: "caregiverInsz",
                label: t("relations.caregiverInsz"),
                hint: t("relations.caregiverInszHint"),
                required: true,
                inputMode: "numeric",
                autoComplete: "off",
                maxLength: 20,
              },
              {
                kind: "select",
                name: "term",
                label: t("relations.term"),
                required: true,
                options: linkTerms.map((term) => ({ value: term, label: t(`terms.${term}`) })),
              },
              {
                kind: "date",
                name: "startDate",
                label: t("relations.startDate"),
                required: true,
                defaultValue: today,
              },
              {
                kind: "text",
                name: "proof",
                label: t("relations.proof"),
                hint: t("relations.proofHint"),
                required: true,
                maxLength: MAX_PROOF_LENGTH,
              },
            ]}
            submitLabel={t("relations.submit")}
          />
        </Card>

        <Card title={t("representatives.title")}>
          <p className="mb-4 max-w-prose">{t("representatives.intro")}</p>
          {facts.representatives.length === 0 ? (
            <p className="mb-4">{t("representatives.none")}</p>
          ) : (
            <ul className="mb-4 flex flex-col gap-3">
              {facts.representatives.map((representative) => (
                <li key={representative.id} className="rounded-lg border border-line p-3">
                  <p className="font-semibold">
                    {representative.name} · {t(`bases.${representative.basis}`)} ·{" "}
                    {representative.active ? t("representatives.active") : t("representatives.inactive")}
                  </p>
                  <p>{t("representatives.since", { date: date(representative.startDate) })}</p>
                  <p className="text-ink-muted">
                    {t(`sources.${representative.source}`)}
                    {representative.sourceReference
                      ? ` · ${t("proof", { reference: representative.sourceReference })}`
                      : null}
                    {representative.recordedBy ? ` · ${t("recordedBy", { name: representative.recordedBy })}` : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-2 text-lg font-bold">{t("representatives.recordTitle")}</h3>
          <ActionForm
            action={recordRepresentativeAction}
            formLabel={t("representatives.recordTitle")}
            hidden={hidden}
            fields={[
              {
                kind: "text",
                name: "representativeInsz",
                label: t("representatives.insz"),
                required: true,
                inputMode: "numeric",
                autoComplete: "off",
                maxLength: 20,
              },
              { kind: "text", name: "lastName", label: t("representatives.lastName"), required: true, maxLength: 100 },
              {
                kind: "text",
                name: "firstName",
                label: t("representatives.firstName"),
                hint: t("representatives.firstNameHint"),
                maxLength: 100,
              },
              {
                kind: "select",
                name: "basis",
                label: t("representatives.basis"),
                required: true,
                options: [
                  { value: "PARENT", label: t("bases.PARENT") },
                  { value: "APPOINTED", label: t("bases.APPOINTED") },
                ],
              },
              {
                kind: "text",
                name: "proof",
                label: t("representatives.proof"),
                hint: t("representatives.proofHint"),
                required: true,
                maxLength: MAX_PROOF_LENGTH,
              },
            ]}
            submitLabel={t("representatives.submit")}
          />
        </Card>
      </div>
    </PageShell>
  );
}
