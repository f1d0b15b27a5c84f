// Find a patient by name or national number, for administrative work only. A plain GET form:
// the query is in the address, so the back button and a reload work as expected. Each hit is
// an administrative read of that patient (logged); no health data is ever part of a hit.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { Card, LinkButton, PageHeading, TextField } from "@/components/ui";
import { buttonClasses } from "@/components/ui/button-styles";
import { requirePageActor } from "@/lib/auth/guards";
import { formatInsz } from "@/lib/insz";
import { searchPatients } from "@/lib/service-center";
import { ZPatientSearch } from "@/lib/service-center/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCenter");
  return { title: t("search.title") };
}

export default async function PatientSearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const [t, tRoles, params] = await Promise.all([
    getTranslations("serviceCenter"),
    getTranslations("roles"),
    searchParams,
  ]);
  const raw = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const parsed = raw ? ZPatientSearch.safeParse({ q: raw }) : null;
  const hits = parsed?.success ? await searchPatients({ actor, q: parsed.data.q }) : null;
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading
        eyebrow={roleLabel}
        title={t("search.title")}
        description={t("search.intro")}
        actions={
          <LinkButton href="/service-center" variant="secondary">
            {t("back")}
          </LinkButton>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <form
            method="get"
            role="search"
            aria-label={t("search.title")}
            className="flex flex-col gap-4 sm:flex-row sm:items-end"
          >
            <TextField
              name="q"
              label={t("search.label")}
              hint={t("search.hint")}
              defaultValue={raw}
              required
              maxLength={100}
              error={parsed && !parsed.success ? t("search.error") : undefined}
              className="flex-1"
            />
            <div>
              <button type="submit" className={buttonClasses({})}>
                {t("search.submit")}
              </button>
            </div>
          </form>
        </Card>
        {hits ? (
          <Card title={t("search.results", { count: hits.length })}>
            {hits.length === 0 ? (
              <p>{t("search.none")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-line">
                {hits.map((hit) => (
                  <li key={hit.patientId} className="py-3">
                    <Link
                      href={`/service-center/patients/${hit.patientId}`}
                      className="text-lg font-bold text-brand-800 underline underline-offset-4"
                    >
                      {hit.name}
                    </Link>
                    <p className="text-ink-muted">
                      {t("search.hitDetails", {
                        insz: formatInsz(hit.insz),
                        birthDate: hit.birthDate ?? "—",
                        city: hit.city ?? "—",
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
      </div>
    </PageShell>
  );
}
