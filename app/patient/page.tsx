// The patient's home: what matters now (the next nurse visit, the care plan, the latest notes)
// and the way to everything else. The health data comes through readPatientFile, so this visit
// is decided and logged like any other read of her file.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDay, FileRefusal, PatientComments } from "@/components/nursing-file";
import { PageShell } from "@/components/page-shell";
import { Card, LinkButton, PageHeading, TileLinks } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readPatientFile, refusalKind } from "@/lib/dossier";

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

  const tiles = [
    { href: "/patient/file", key: "file" },
    { href: "/patient/access-log", key: "accessLog" },
    { href: "/patient/trusted-persons", key: "trustedPersons" },
    { href: "/patient/exclusions", key: "exclusions" },
    { href: "/patient/consent", key: "consent" },
    { href: "/patient/corrections", key: "corrections" },
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

  return (
    <PageShell actor={shellActor}>
      <PageHeading
        eyebrow={shellActor.roleLabel}
        title={t("title", { name: actor.displayName })}
        description={<p>{t("intro")}</p>}
      />
      <div className="flex flex-col gap-6">
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
