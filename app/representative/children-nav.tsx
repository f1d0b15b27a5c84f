// The representative's way between the patients they act for ("switch between my children"):
// a list of links, the current one marked for assistive technology too.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { cx } from "@/components/ui";
import type { RepresentedPatient } from "@/lib/representatives";

export async function ChildrenNav({ patients, current }: { patients: RepresentedPatient[]; current?: string }) {
  const t = await getTranslations("representative");
  if (patients.length === 0) return null;
  return (
    <nav aria-label={t("switcher.label")} className="mb-6">
      <ul className="flex flex-wrap gap-3">
        {patients.map((patient) => {
          const isCurrent = patient.patientId === current;
          return (
            <li key={patient.patientId}>
              <Link
                href={`/representative/patients/${encodeURIComponent(patient.patientId)}`}
                aria-current={isCurrent ? "page" : undefined}
                className={cx(
                  "inline-flex min-h-11 items-center rounded-lg border-2 px-4 py-2 font-semibold",
                  isCurrent
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-brand-700 bg-white text-brand-800 underline underline-offset-4",
                )}
              >
                {patient.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
