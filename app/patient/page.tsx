// The patient's home: what matters now (the next nurse visit, the care plan, the latest notes)
// and the way to everything else. The health data comes through readPatientFile, so this visit
// is decided and logged like any other read of her file. Once care has ended the home says until
// which day the file stays online; a minor of 12 to 15 finds the page where they decide whether
// their representatives read the file.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDay, FileRefusal, PatientComments } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading, TileLinks } from "@/components/ui";
import { ageBand } from "@/lib/access/minors";
import { requirePageActor } from "@/lib/auth/guards";
import { fileAvailability, readPatientFile, refusalKind } from "@/lib/dossier";
import { env, organisation } from "@/lib/env";

const LATEST_NOTES = 3;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("patientHome");
  return { title: t("metaTitle") };
}

export default async function PatientHomePage() {
  const actor = await requirePageActor(["PATIENT"]);
  // Always her own file: no patient id comes from the request.
  const outcome = await readPatientFile({ actor, patientId: actor.personId, requestId: randomUUID() });
  const [t, tRoles, format] = await Promise.all([
    getTranslations("patientHome"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const shellActor = { displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) };

  const birthDate = outcome.allowed ? outcome.file.administrative.identification.birthDate : null;
  const decidesAboutRepresentatives =
    birthDate !== null && ageBand(new Date(`${birthDate}T00:00:00.000Z`), new Date()) === "12_to_15";
  const tiles = [
    { href: "/patient/file", key: "file" },
    { href: "/patient/access-log", key: "accessLog" },
    { href: "/patient/trusted-persons", key: "trustedPersons" },
    { href: "/patient/exclusions", key: "exclusions" },
    { href: "/patient/consent", key: "consent" },
    { href: "/patient/corrections", key: "corrections" },
    ...(decidesAboutRepresentatives ? [{ href: "/patient/representatives", key: "representatives" } as const] : []),
  ] as const;
  const navigation = (
    <nav aria-labelledby="patient-tiles-heading" className="mt-8">
      <h2 id="patient-tiles-heading" className="mb-4 text-2xl font-bold">
        {t("tiles.heading")}
      </h2>
      <TileLinks
        columns={3}
        tiles={tiles.map((tile) => ({
          ...tile,
          title: t(`tiles.${tile.key}.title`),
          body: t(`tiles.${tile.key}.description`),
        }))}
      />
    </nav>
  );

  if (!outcome.allowed) {
    return (
      <PageShell actor={shellActor}>
        <PageHeading eyebrow={shellActor.roleLabel} title={t("title", { name: actor.displayName })} />
        <FileRefusal kind={refusalKind(outcome.decision) ?? "no_access"} audience="patient" />
        {navigation}
      </PageShell>
    );
  }

  const health = outcome.file.health;
  const now = Date.now();
  const nextVisit =
    health?.plannedVisits.find((visit) => visit.status === "PLANNED" && visit.startsAt.getTime() >= now) ?? null;
  const activeCarePlan = health?.carePlan.filter((item) => item.status === "ACTIVE") ?? [];
  const latestNotes = health?.nursingNotes.slice(0, LATEST_NOTES) ?? [];
  const availability = fileAvailability(outcome.file.care.episodes, env.AVAILABILITY_WINDOW_MONTHS);

  return (
    <PageShell actor={shellActor}>
      <PageHeading
        eyebrow={shellActor.roleLabel}
        title={t("title", { name: actor.displayName })}
        description={<p>{t("intro")}</p>}
      />
      <div className="flex flex-col gap-6">
        {availability.status === "ended" ? (
          <Alert tone="info" announce="none" title={t("availability.title")}>
            <p data-testid="file-online-until">
              {t("availability.body", {
                endedOn: format.dateTime(calendarDay(availability.endedOn), "date"),
                onlineUntil: format.dateTime(calendarDay(availability.onlineUntil), "date"),
              })}
            </p>
            <p className="mt-2">{t("availability.copy", { phone: organisation.serviceCenterPhone })}</p>
          </Alert>
        ) : null}
        <Card title={t("nextVisit.title")}>
          {nextVisit ? (
            <div className="flex flex-col gap-1 text-lg">
              <p className="text-2xl font-bold">
                <time dateTime={nextVisit.startsAt.toISOString()}>
                  {format.dateTime(nextVisit.startsAt, "weekday")}
                </time>
                {", "}
                {t("nextVisit.at", { time: format.dateTime(nextVisit.startsAt, "time") })}
              </p>
              <p>{nextVisit.purpose}</p>
              {nextVisit.nurse ? (
                <p className="text-ink-muted">{t("nextVisit.nurse", { name: nextVisit.nurse })}</p>
              ) : null}
            </div>
          ) : (
            <p>{t("nextVisit.none")}</p>
          )}
        </Card>
        <Card
          title={t("carePlan.title")}
          actions={
            <LinkButton href="/patient/file#care-plan" variant="secondary">
              {t("carePlan.more")}
            </LinkButton>
          }
        >
          {activeCarePlan.length === 0 ? (
            <p>{t("carePlan.none")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {activeCarePlan.map((item) => (
                <li key={item.id} className="rounded-lg border border-line p-4">
                  <h3 className="text-lg font-bold">{item.title}</h3>
                  <p className="mt-1 whitespace-pre-line">{item.description}</p>
                  {item.frequency ? <p className="mt-1 text-ink-muted">{item.frequency}</p> : null}
                  <p className="mt-1 text-sm text-ink-muted">
                    {t("carePlan.since", { date: format.dateTime(calendarDay(item.startDate), "date") })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          title={t("notes.title")}
          actions={
            <LinkButton href="/patient/file#nursing-notes" variant="secondary">
              {t("notes.more")}
            </LinkButton>
          }
        >
          {latestNotes.length === 0 ? (
            <p>{t("notes.none")}</p>
          ) : (
            <ol className="flex flex-col gap-4">
              {latestNotes.map((note) => (
                <li key={note.id} className="border-l-4 border-brand-700 pl-4">
                  <p className="font-semibold">
                    <time dateTime={note.writtenAt.toISOString()}>{format.dateTime(note.writtenAt, "dateTime")}</time>
                    {note.author ? ` · ${note.author}` : null}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{note.text}</p>
                  <PatientComments comments={note.patientComments} audience="patient" />
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      {navigation}
    </PageShell>
  );
}
