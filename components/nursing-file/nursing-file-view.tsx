// The nursing file, read-only, section by section: what a patient, a trusted person, a doctor or
// a caregiver reads. It receives the DTO that readPatientFile returned after an allowed decision,
// and renders nothing it was not given (the service center's file has no health section).
import { getFormatter, getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { Card } from "@/components/ui";
import { type FilePage, type NursingFile, type PagedList, pageHref } from "@/lib/dossier";
import { formatInsz } from "@/lib/insz";
import { PatientComments } from "./patient-comment";
import { VitalReadings } from "./vital-readings";

type HealthSection = NonNullable<NursingFile["health"]>;

/** A calendar date of the DTO (YYYY-MM-DD) as an instant the formatter puts on the same day in Belgium. */
export const calendarDay = (day: string) => new Date(`${day}T12:00:00.000Z`);

/**
 * Which page of the long lists is shown and where the page lives, for the "older" links
 * (lib/dossier/paging.ts). Without it the lists show their newest page and no links.
 */
export type FilePaging = { basePath: string; current: FilePage };

/** `audience` "patient": she reads her own file (her comments are labelled as hers). */
export async function NursingFileView({
  file,
  audience = "other",
  paging,
}: {
  file: NursingFile;
  audience?: "patient" | "other";
  paging?: FilePaging;
}) {
  const t = await getTranslations("file");
  const health = file.health;
  const sections: Array<{ id: string; label: string }> = [
    { id: "identification", label: t("sections.identification") },
    { id: "contact", label: t("sections.contact") },
    ...(health
      ? [
          { id: "care-plan", label: t("sections.carePlan") },
          { id: "planned-visits", label: t("sections.plannedVisits") },
          { id: "vital-signs", label: t("sections.vitalSigns") },
          { id: "nursing-notes", label: t("sections.nursingNotes") },
          { id: "wound-care", label: t("sections.woundCare") },
          { id: "medication", label: t("sections.medication") },
        ]
      : []),
    { id: "social", label: t("sections.social") },
    { id: "financial", label: t("sections.financial") },
  ];
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("tocLabel")} className="no-print rounded-xl border border-line bg-white p-4">
        <ul className="flex flex-wrap gap-x-5 gap-y-2">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="font-semibold text-brand-800 underline underline-offset-4">
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Identification file={file} />
      <Contact file={file} />
      {health ? (
        <>
          <CarePlan items={health.carePlan} />
          <PlannedVisits visits={health.plannedVisits} />
          <Section id="vital-signs" title={t("sections.vitalSigns")}>
            <VitalReadings vitalSigns={health.vitalSigns} />
            <PageLinks list="vitalSigns" anchor="vital-signs" health={health} paging={paging} />
          </Section>
          <NursingNotes notes={health.nursingNotes} audience={audience} health={health} paging={paging} />
          <WoundCare entries={health.woundCare} health={health} paging={paging} />
          <Medication items={health.medicationSchedule} />
        </>
      ) : null}
      <Social file={file} />
      <Financial file={file} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div id={id} className="scroll-mt-4">
      <Card title={title}>{children}</Card>
    </div>
  );
}

async function Fields({ rows }: { rows: Array<[string, ReactNode]> }) {
  const t = await getTranslations("file");
  // Term and value styled once on the list, not on each pair: every repeated attribute is sent
  // twice (HTML and React's payload). No wrapper per pair: a <dl> holds its <dt>/<dd> directly.
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[minmax(10rem,auto)_1fr] [&>dd]:break-words [&>dt]:font-semibold">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>
            {value === null || value === undefined || value === "" ? (
              <span className="text-ink-muted">{t("notRecorded")}</span>
            ) : (
              value
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

async function Identification({ file }: { file: NursingFile }) {
  const [t, format] = await Promise.all([getTranslations("file"), getFormatter()]);
  const { identification } = file.administrative;
  const episodes = file.care.episodes;
  const latest = episodes.at(-1);
  const care = latest
    ? latest.endDate
      ? t("care.ended", { date: format.dateTime(calendarDay(latest.endDate), "date") })
      : t("care.ongoing", { date: format.dateTime(calendarDay(latest.startDate), "date") })
    : null;
  return (
    <Section id="identification" title={t("sections.identification")}>
      <Fields
        rows={[
          [t("fields.name"), `${identification.firstName} ${identification.lastName}`],
          [t("fields.insz"), formatInsz(identification.insz)],
          [
            t("fields.birthDate"),
            identification.birthDate ? format.dateTime(calendarDay(identification.birthDate), "date") : null,
          ],
          [t("fields.care"), care],
        ]}
      />
    </Section>
  );
}

async function Contact({ file }: { file: NursingFile }) {
  const t = await getTranslations("file");
  const { contact } = file.administrative;
  const address = [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(" "), contact.country]
    .filter(Boolean)
    .join(", ");
  return (
    <Section id="contact" title={t("sections.contact")}>
      <Fields
        rows={[
          [t("fields.phone"), contact.phone],
          [t("fields.email"), contact.email],
          [t("fields.address"), address || null],
        ]}
      />
    </Section>
  );
}

async function CarePlan({ items }: { items: HealthSection["carePlan"] }) {
  const [t, format] = await Promise.all([getTranslations("file"), getFormatter()]);
  return (
    <Section id="care-plan" title={t("sections.carePlan")}>
      {items.length === 0 ? (
        <p>{t("carePlan.empty")}</p>
      ) : (
        <ul className="entries boxed">
          {items.map((item) => (
            <li key={item.id}>
              <h3 className="text-lg font-bold">{item.title}</h3>
              <p className="mt-1 text-ink-muted">
                {t(`carePlan.status.${statusKey(item.status, ["ACTIVE", "COMPLETED", "STOPPED"])}`)} ·{" "}
                {t("carePlan.since", { date: format.dateTime(calendarDay(item.startDate), "date") })}
                {item.endDate
                  ? ` · ${t("carePlan.until", { date: format.dateTime(calendarDay(item.endDate), "date") })}`
                  : null}
              </p>
              <p className="mt-2 whitespace-pre-line">{item.description}</p>
              {item.frequency ? <p className="mt-2">{t("carePlan.frequency", { frequency: item.frequency })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The next visits shown at once; the later ones are one click away. */
const VISITS_SHOWN_FIRST = 6;

/**
 * The first entries of a long list, then the rest behind a native disclosure: keyboard and
 * screen-reader friendly without script, and the page stays readable on a phone and at 200% zoom.
 */
async function FirstThenRest<T>({
  items,
  first,
  render,
  as: List,
}: {
  items: T[];
  first: number;
  render: (item: T) => ReactNode;
  as: "ol" | "ul";
}) {
  const t = await getTranslations("file");
  // Boxed entries (globals.css .entries), styled once on the list.
  const listClass = "entries boxed";
  return (
    <>
      <List className={listClass}>{items.slice(0, first).map(render)}</List>
      {items.length > first ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-4">
            {t("showMore", { count: items.length - first })}
          </summary>
          <List className={`${listClass} mt-4`}>{items.slice(first).map(render)}</List>
        </details>
      ) : null}
    </>
  );
}

const olderLabel = { nursingNotes: "olderNotes", vitalSigns: "olderReadings", woundCare: "olderWoundCare" } as const;

/**
 * Below a paged list: "older" with the next page's cursor, and the way back to the newest when
 * an older page is shown. Plain links to the same page, so they work without script.
 */
export async function PageLinks({
  list,
  anchor,
  health,
  paging,
}: {
  list: PagedList;
  anchor: string;
  health: Pick<HealthSection, "pages">;
  paging?: FilePaging;
}) {
  if (!paging) return null;
  const next = health.pages[list].nextBefore;
  const onOlderPage = paging.current[list].before !== null;
  if (!next && !onOlderPage) return null;
  const t = await getTranslations("paging");
  const link = "font-semibold text-brand-800 underline underline-offset-4";
  return (
    <nav aria-label={t(olderLabel[list])} className="no-print mt-4 flex flex-wrap gap-x-6 gap-y-2">
      {next ? (
        <a href={pageHref(paging.basePath, list, next, anchor)} className={link} rel="next">
          {t(olderLabel[list])}
        </a>
      ) : null}
      {onOlderPage ? (
        <a href={pageHref(paging.basePath, list, null, anchor)} className={link}>
          {t("newest")}
        </a>
      ) : null}
    </nav>
  );
}

function statusKey<T extends string>(value: string, known: readonly T[]): T | "unknown" {
  return (known as readonly string[]).includes(value) ? (value as T) : "unknown";
}

async function PlannedVisits({ visits }: { visits: HealthSection["plannedVisits"] }) {
  const [t, format] = await Promise.all([getTranslations("file"), getFormatter()]);
  // The next ones first: a visit list is read to know who comes when.
  const upcoming = visits.filter((visit) => visit.status === "PLANNED" && visit.startsAt.getTime() >= Date.now());
  return (
    <Section id="planned-visits" title={t("sections.plannedVisits")}>
      {upcoming.length === 0 ? (
        <p>{t("visits.empty")}</p>
      ) : (
        <FirstThenRest
          as="ul"
          items={upcoming}
          first={VISITS_SHOWN_FIRST}
          render={(visit) => (
            <li key={visit.id}>
              <p className="font-bold">
                <time dateTime={visit.startsAt.toISOString()}>{format.dateTime(visit.startsAt, "dateTime")}</time>
              </p>
              <p>{visit.purpose}</p>
              <p className="text-ink-muted">
                {t("visits.duration", { minutes: visit.durationMinutes })}
                {visit.nurse ? ` · ${t("visits.nurse", { name: visit.nurse })}` : null}
              </p>
            </li>
          )}
        />
      )}
    </Section>
  );
}

async function NursingNotes({
  notes,
  audience,
  health,
  paging,
}: {
  notes: HealthSection["nursingNotes"];
  audience: "patient" | "other";
  health: HealthSection;
  paging?: FilePaging;
}) {
  const [t, format] = await Promise.all([getTranslations("file"), getFormatter()]);
  return (
    <Section id="nursing-notes" title={t("sections.nursingNotes")}>
      {notes.length === 0 ? (
        <p>{t("notes.empty")}</p>
      ) : (
        // One page of notes (lib/dossier/paging.ts), all shown; older ones are on the next page.
        <ol className="entries marked">
          {notes.map((note) => (
            <li key={note.id}>
              <p className="font-semibold">
                <time dateTime={note.writtenAt.toISOString()}>{format.dateTime(note.writtenAt, "dateTime")}</time> ·{" "}
                {t(`notes.kind.${statusKey(note.kind, ["OBSERVATION", "ASSESSMENT", "COMMUNICATION"])}`)}
                {note.author ? ` · ${note.author}` : null}
              </p>
              <p className="mt-1 whitespace-pre-line">{note.text}</p>
              <PatientComments comments={note.patientComments} audience={audience} />
            </li>
          ))}
        </ol>
      )}
      <PageLinks list="nursingNotes" anchor="nursing-notes" health={health} paging={paging} />
    </Section>
  );
}

async function WoundCare({
  entries,
  health,
  paging,
}: {
  entries: HealthSection["woundCare"];
  health: HealthSection;
  paging?: FilePaging;
}) {
  const [t, format] = await Promise.all([getTranslations("file"), getFormatter()]);
  return (
    <Section id="wound-care" title={t("sections.woundCare")}>
      {entries.length === 0 ? (
        <p>{t("wound.empty")}</p>
      ) : (
        <ol className="entries boxed">
          {entries.map((entry) => (
            <li key={entry.id}>
              <p className="font-semibold">
                <time dateTime={entry.performedAt.toISOString()}>{format.dateTime(entry.performedAt, "dateTime")}</time>{" "}
                · {entry.location}
                {entry.author ? ` · ${entry.author}` : null}
              </p>
              <p className="mt-1">{t("wound.description", { text: entry.description })}</p>
              <p>{t("wound.treatment", { text: entry.treatment })}</p>
            </li>
          ))}
        </ol>
      )}
      <PageLinks list="woundCare" anchor="wound-care" health={health} paging={paging} />
    </Section>
  );
}

async function Medication({ items }: { items: HealthSection["medicationSchedule"] }) {
  const [t, format] = await Promise.all([getTranslations("file"), getFormatter()]);
  return (
    <Section id="medication" title={t("sections.medication")}>
      {items.length === 0 ? (
        <p>{t("medication.empty")}</p>
      ) : (
        <ul className="entries boxed">
          {items.map((item) => (
            <li key={item.id}>
              <h3 className="text-lg font-bold">{item.medication}</h3>
              <Fields
                rows={[
                  [t("medication.dose"), item.dose],
                  [t("medication.route"), item.route],
                  [t("medication.times"), item.times.length > 0 ? format.list(item.times, "and") : null],
                  [t("medication.instructions"), item.instructions],
                  [t("medication.prescriber"), item.prescriber],
                  [
                    t("medication.period"),
                    item.endDate
                      ? t("medication.fromTo", {
                          from: format.dateTime(calendarDay(item.startDate), "date"),
                          to: format.dateTime(calendarDay(item.endDate), "date"),
                        })
                      : t("medication.from", { from: format.dateTime(calendarDay(item.startDate), "date") }),
                  ],
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

async function Social({ file }: { file: NursingFile }) {
  const t = await getTranslations("file");
  const social = file.administrative.social;
  return (
    <Section id="social" title={t("sections.social")}>
      {social ? (
        <Fields
          rows={[
            [t("fields.livingSituation"), social.livingSituation],
            [t("fields.informalCarers"), social.informalCarers],
            [t("fields.homeAccess"), social.homeAccess],
            [t("fields.languages"), social.languages.length > 0 ? social.languages.join(", ") : null],
            [t("fields.notes"), social.notes],
          ]}
        />
      ) : (
        <p>{t("notRecorded")}</p>
      )}
    </Section>
  );
}

async function Financial({ file }: { file: NursingFile }) {
  const t = await getTranslations("file");
  const financial = file.administrative.financialAdministrative;
  return (
    <Section id="financial" title={t("sections.financial")}>
      {financial ? (
        <Fields
          rows={[
            [t("fields.insuranceFund"), financial.insuranceFund],
            [t("fields.insuranceNumber"), financial.insuranceNumber],
            [t("fields.thirdPartyPayment"), financial.thirdPartyPayment ? t("yes") : t("no")],
            [t("fields.increasedAllowance"), financial.increasedAllowance ? t("yes") : t("no")],
            [t("fields.billingAddress"), financial.billingAddress],
          ]}
        />
      ) : (
        <p>{t("notRecorded")}</p>
      )}
    </Section>
  );
}
