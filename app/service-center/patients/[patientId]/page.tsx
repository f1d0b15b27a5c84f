// One patient's administrative data for the service center: identification, contact, social and
// financial-administrative sections, each correctable with a reason, and the history of those
// corrections. Health data is not read here at all (READ_ADMINISTRATIVE only).
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/guards";
import { isPortalError } from "@/lib/errors";
import { formatInsz } from "@/lib/insz";
import { readAdministrativeFile, type AdministrativeFile } from "@/lib/service-center";
import { administrativeSections, MAX_REASON_LENGTH, type AdministrativeSection } from "@/lib/service-center/schemas";
import { correctAdministrativeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCenter");
  return { title: t("admin.title") };
}

const ZDone = z.enum(administrativeSections);
type Translate = Awaited<ReturnType<typeof getTranslations<"serviceCenter">>>;

function sectionFields(section: AdministrativeSection, file: AdministrativeFile, t: Translate): FieldSpec[] {
  const text = (name: string, value: string | null, extra: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    label: t(`admin.fields.${name}` as "admin.fields.city"),
    kind: "text",
    defaultValue: value ?? "",
    maxLength: 500,
    ...extra,
  });
  switch (section) {
    case "identification":
      return [
        text("firstName", file.identification.firstName, { required: true }),
        text("lastName", file.identification.lastName, { required: true }),
        text("birthDate", file.identification.birthDate, { kind: "date" }),
      ];
    case "contact":
      return [
        text("email", file.contact.email, { kind: "email" }),
        text("phone", file.contact.phone, { kind: "tel" }),
        text("street", file.contact.street),
        text("postalCode", file.contact.postalCode),
        text("city", file.contact.city),
      ];
    case "social":
      return [
        text("livingSituation", file.social.livingSituation, { kind: "textarea", rows: 2 }),
        text("informalCarers", file.social.informalCarers, { kind: "textarea", rows: 2 }),
        text("homeAccess", file.social.homeAccess, { kind: "textarea", rows: 2 }),
        text("notes", file.social.notes, { kind: "textarea", rows: 2 }),
      ];
    case "financial":
      return [
        text("insuranceFund", file.financial.insuranceFund),
        text("insuranceNumber", file.financial.insuranceNumber),
        {
          name: "thirdPartyPayment",
          label: t("admin.fields.thirdPartyPayment"),
          kind: "checkbox",
          defaultValue: file.financial.thirdPartyPayment ? "on" : "",
        },
        {
          name: "increasedAllowance",
          label: t("admin.fields.increasedAllowance"),
          kind: "checkbox",
          defaultValue: file.financial.increasedAllowance ? "on" : "",
        },
        text("billingAddress", file.financial.billingAddress),
      ];
  }
}

function sectionVersion(section: AdministrativeSection, file: AdministrativeFile): number {
  return section === "identification"
    ? file.identification.version
    : section === "contact"
      ? file.contact.version
      : file[section].version;
}

export default async function AdministrativeFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const [{ patientId }, query, t, tRoles, format] = await Promise.all([
    params,
    searchParams,
    getTranslations("serviceCenter"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const roleLabel = tRoles(actor.activeRole);
  let file: AdministrativeFile | null = null;
  try {
    file = await readAdministrativeFile({ actor, patientId });
  } catch (error) {
    if (!isPortalError(error)) throw error;
  }
  if (!file) {
    return (
      <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
        <PageHeading eyebrow={roleLabel} title={t("admin.title")} />
        <Alert tone="warning">{t("admin.refused")}</Alert>
        <LinkButton href="/service-center/patients" variant="secondary" className="mt-6">
          {t("search.back")}
        </LinkButton>
      </PageShell>
    );
  }
  const done = ZDone.safeParse(query.done).data;
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading
        eyebrow={t("admin.eyebrow", { insz: formatInsz(file.identification.insz) })}
        title={file.name}
        description={t("admin.intro")}
        actions={
          <LinkButton href="/service-center/patients" variant="secondary">
            {t("search.back")}
          </LinkButton>
        }
      />
      <div className="flex flex-col gap-6">
        {done ? <Alert tone="success">{t("admin.done", { section: t(`admin.sections.${done}`) })}</Alert> : null}
        {administrativeSections.map((section) => (
          <Card key={section} title={t(`admin.sections.${section}`)}>
            <ActionForm
              action={correctAdministrativeAction}
              schema="correctAdministrative"
              formLabel={t("admin.formLabel", { section: t(`admin.sections.${section}`) })}
              idPrefix={`admin-${section}`}
              hidden={{ section, patientId: file.patientId, version: String(sectionVersion(section, file!)) }}
              fields={[
                ...sectionFields(section, file!, t),
                {
                  name: "reason",
                  label: t("admin.reasonLabel"),
                  hint: t("admin.reasonHint"),
                  kind: "text",
                  required: true,
                  maxLength: MAX_REASON_LENGTH,
                },
              ]}
              errorMessages={{
                reason: t("admin.reasonError"),
                firstName: t("admin.requiredError"),
                lastName: t("admin.requiredError"),
                birthDate: t("admin.dateError"),
                email: t("admin.emailError"),
              }}
              submitLabel={t("admin.submit")}
            />
          </Card>
        ))}
        <Card title={t("admin.historyTitle")}>
          {file.revisions.length === 0 ? (
            <p>{t("admin.historyEmpty")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {file.revisions.map((revision) => (
                <li key={`${revision.entityType}-${revision.version}-${revision.changedAt.toISOString()}`}>
                  <p className="font-semibold">
                    {t("admin.historyEntry", {
                      date: format.dateTime(revision.changedAt, "dateTime"),
                      name: revision.author ?? "—",
                    })}
                  </p>
                  <p>{t("admin.historyReason", { reason: revision.reason })}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </PageShell>
  );
}
