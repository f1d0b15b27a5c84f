// The patients a reader outside the organisation may open: a doctor's or caregiver's active
// therapeutic relations, or the patients who appointed a trusted person. The page lists them
// through lib/dossier (never all patients); this only shows the list, each with the way to the
// file, which is read (and decided, and logged) when opened. Texts come from the reader's own
// namespace (`patients.*`).
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Card, LinkButton } from "@/components/ui";
import type { RelatedPatient } from "@/lib/dossier";

type Props = {
  patients: RelatedPatient[];
  reader:
    | { namespace: "caregiver"; fileHref: "/caregiver/patients" }
    | { namespace: "trustedPerson"; fileHref: "/trusted-person/patients" };
  /** A line under the title; the caregiver's namespace holds `patients.intro`. */
  withIntro?: boolean;
};

export async function PatientList({ patients, reader, withIntro = false }: Props) {
  const [t, format] = await Promise.all([getTranslations(reader.namespace), getFormatter()]);
  return (
    <Card title={t("patients.title")}>
      {withIntro ? <p className="mb-4 max-w-prose text-ink-muted">{t("patients.intro")}</p> : null}
      {patients.length === 0 ? (
        <Alert tone="info" announce="none" title={t("patients.emptyTitle")}>
          <p>{t("patients.emptyBody")}</p>
        </Alert>
      ) : (
        <ul className="flex flex-col gap-3">
          {patients.map((patient) => (
            <li
              key={patient.patientId}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line p-4"
            >
              <div>
                <p className="text-lg font-bold">{patient.name}</p>
                <p className="text-ink-muted">
                  {t("patients.since", { date: format.dateTime(patient.since, "date") })}
                </p>
              </div>
              <LinkButton
                href={`${reader.fileHref}/${encodeURIComponent(patient.patientId)}`}
                aria-label={t("patients.openFor", { name: patient.name })}
              >
                {t("patients.open")}
              </LinkButton>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
