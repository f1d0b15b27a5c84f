// The coordinator's start: find a patient (by national number or name, each hit a logged look at
// that patient's care facts, never at the file) and register a new one by national number.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { PageShell } from "@/components/page-shell";
import { Card, PageHeading, TextField } from "@/components/ui";
import { buttonClasses } from "@/components/ui/button-styles";
import { requirePageActor } from "@/lib/auth/guards";
import { searchPatientsForCoordination } from "@/lib/coordinator";
import { ZCoordinatorSearch } from "@/lib/coordinator/schemas";
import { formatInsz } from "@/lib/insz";
import { registerPatientAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coordinator");
  return { title: t("metaTitle") };
}

export default async function CoordinatorHomePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requirePageActor(["COORDINATOR"]);
  const [t, tRoles, params] = await Promise.all([
    getTranslations("coordinator"),
    getTranslations("roles"),
    searchParams,
  ]);
  const raw = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const parsed = raw ? ZCoordinatorSearch.safeParse({ q: raw }) : null;
  const hits = parsed?.success ? await searchPatientsForCoordination({ actor, q: parsed.data.q }) : null;
  const roleLabel = tRoles(actor.activeRole);
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading
        eyebrow={roleLabel}
        title={t("title", { name: actor.displayName })}
        description={<p>{t("intro")}</p>}
      />
      <div className="flex flex-col gap-6">
        <Card title={t("search.title")}>
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
          {hits ? (
            <section aria-labelledby="coordinator-hits" className="mt-6">
              <h3 id="coordinator-hits" className="text-lg font-bold">
                {t("search.results", { count: hits.length })}
              </h3>
              {hits.length === 0 ? (
                <p className="mt-2">{t("search.none")}</p>
              ) : (
                <ul className="mt-2 flex flex-col divide-y divide-line">
                  {hits.map((hit) => (
                    <li key={hit.patientId} className="py-3">
                      <Link
                        href={`/coordinator/patients/${encodeURIComponent(hit.patientId)}`}
                        className="text-lg font-bold text-brand-800 underline underline-offset-4"
                      >
                        {hit.name}
                      </Link>
                      <p className="text-ink-muted">
                        {t("search.hitDetails", {
                          insz: formatInsz(hit.insz),
                          birthDate: hit.birthDate ?? "—",
                          care: hit.careOngoing ? t("search.inCare") : t("search.notInCare"),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
        </Card>
        <Card title={t("register.title")}>
          <p className="mb-4 max-w-prose">{t("register.intro")}</p>
          <ActionForm
            action={registerPatientAction}
            formLabel={t("register.title")}
            fields={[
              {
                kind: "text",
                name: "insz",
                label: t("register.insz"),
                hint: t("register.inszHint"),
                required: true,
                inputMode: "numeric",
                autoComplete: "off",
                maxLength: 20,
              },
              { kind: "text", name: "firstName", label: t("register.firstName"), required: true, maxLength: 100 },
              { kind: "text", name: "lastName", label: t("register.lastName"), required: true, maxLength: 100 },
            ]}
            submitLabel={t("register.submit")}
          />
        </Card>
      </div>
    </PageShell>
  );
}
