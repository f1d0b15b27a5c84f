// The nurse's home: the patients of her care team with their next visit, the correction
// requests the service center routed to her, and emergency access for a patient outside the
// team. A nurse on a home visit opens this on a phone: the patient list comes first.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { readNurseHome } from "@/lib/nursing";
import { ListCard } from "./_components/list-card";
import { EmergencyAccessCard } from "./_components/emergency-access-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nurse");
  return { title: t("home.title") };
}

export default async function NurseHomePage() {
  const actor = await requirePageActor(["NURSE"]);
  const [t, tRoles, format] = await Promise.all([getTranslations("nurse"), getTranslations("roles"), getFormatter()]);
  // One decision per patient shown, decided and logged in one batch (lib/nursing/team.ts).
  const { team, corrections } = await readNurseHome({ actor });
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading eyebrow={roleLabel} title={t("home.title")} description={t("home.intro")} />
      <div className="flex flex-col gap-8">
        <ListCard
          title={t("home.teamTitle", { count: team.length })}
          empty={t("home.teamEmpty")}
          entries={team}
          keyOf={(patient) => patient.patientId}
          layout="divided"
          itemClassName="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between"
          render={(patient) => (
            <>
              <div>
                {patient.available ? (
                  <Link
                    href={`/nurse/patients/${patient.patientId}`}
                    className="text-lg font-bold text-brand-800 underline underline-offset-4"
                  >
                    {patient.name}
                  </Link>
                ) : (
                  <span className="text-lg font-bold">{patient.name}</span>
                )}
                {patient.responsible ? <span className="ml-2 text-ink-muted">({t("home.responsible")})</span> : null}
              </div>
              <p className="text-ink-muted">
                {!patient.available
                  ? t("home.fileClosed")
                  : patient.nextVisit
                    ? t("home.nextVisit", {
                        date: format.dateTime(patient.nextVisit.startsAt, "dateTime"),
                        purpose: patient.nextVisit.purpose,
                      })
                    : t("home.noVisit")}
              </p>
            </>
          )}
        />
        <ListCard
          title={t("home.correctionsTitle", { count: corrections.length })}
          empty={t("home.correctionsEmpty")}
          entries={corrections}
          keyOf={(request) => request.id}
          itemClassName="rounded-lg border-2 border-line p-4"
          render={(request) => (
            <>
              <p className="font-bold">
                {/* Straight to the request on her work screen, where she corrects the entry and answers. */}
                <Link
                  href={`/nurse/patients/${request.patientId}#corrections`}
                  className="text-brand-800 underline underline-offset-4"
                >
                  {t("home.answerRequest", { name: request.patientName })}
                </Link>
              </p>
              <p className="whitespace-pre-line">{request.description}</p>
              <p className={request.overdue ? "font-semibold text-danger-700" : "text-ink-muted"}>
                {request.overdue
                  ? t("home.overdue", { date: format.dateTime(request.dueAt, "date") })
                  : t("home.dueAt", { date: format.dateTime(request.dueAt, "date") })}
              </p>
            </>
          )}
        />
        <EmergencyAccessCard />
      </div>
    </PageShell>
  );
}
