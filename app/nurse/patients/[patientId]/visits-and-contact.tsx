// The coming visits and how to reach the patient: what the nurse checks before leaving.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import type { NursingFile } from "@/lib/dossier";

type Visit = NonNullable<NursingFile["health"]>["plannedVisits"][number];

export async function VisitsAndContact({
  upcoming,
  contact,
}: {
  upcoming: Visit[];
  contact: NursingFile["administrative"]["contact"];
}) {
  const [t, format] = await Promise.all([getTranslations("nurse"), getFormatter()]);
  const address = [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card title={t("visits.title")}>
        {upcoming.length === 0 ? (
          <p>{t("visits.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {upcoming.map((visit) => (
              <li key={visit.id}>
                <span className="font-semibold">{format.dateTime(visit.startsAt, "dateTime")}</span> — {visit.purpose} (
                {t("visits.minutes", { count: visit.durationMinutes })})
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("contact.title")}>
        <dl className="grid gap-x-4 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("contact.address")}</dt>
          <dd className="mb-2">{address || "—"}</dd>
          <dt className="font-semibold">{t("contact.phone")}</dt>
          <dd className="mb-2">{contact.phone ?? "—"}</dd>
        </dl>
      </Card>
    </div>
  );
}
