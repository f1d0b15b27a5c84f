// Publishing a new user-declaration version for a role. The form is prefilled with the current
// texts in the three languages; after publishing, every user of that role is sent to the
// declaration page at their next request (the gate compares with the highest version).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { PageShell } from "@/components/page-shell";
import { Alert, Card, LinkButton, PageHeading } from "@/components/ui";
import { buttonClasses } from "@/components/ui/button-styles";
import { requirePageActor } from "@/lib/auth/guards";
import { TEXT_LOCALES } from "@/lib/declarations/content/types";
import { localeNames } from "@/lib/i18n/config";
import { currentDeclarationDraft } from "@/lib/service-center";
import { publishableRoles } from "@/lib/service-center/schemas";
import { publishDeclarationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCenter");
  return { title: t("declarations.title") };
}

const ZRole = z.enum(publishableRoles);

export default async function DeclarationsPage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string; published?: string }>;
}) {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const [t, tRoles, params] = await Promise.all([
    getTranslations("serviceCenter"),
    getTranslations("roles"),
    searchParams,
  ]);
  const role = ZRole.safeParse(params.role).data ?? null;
  const published = z.coerce.number().int().positive().safeParse(params.published).data;
  const draft = role ? await currentDeclarationDraft({ actor, role }) : null;
  const roleLabel = tRoles(actor.activeRole);
  const errorMessages: Record<string, string> = {};
  const fields: FieldSpec[] = [];
  if (draft) {
    for (const locale of TEXT_LOCALES) {
      const language = localeNames[locale];
      fields.push({
        name: `content.${locale}.title`,
        label: t("declarations.titleLabel", { language }),
        kind: "text",
        required: true,
        defaultValue: draft.content[locale].title,
        maxLength: 200,
      });
      fields.push({
        name: `content.${locale}.body`,
        label: t("declarations.bodyLabel", { language }),
        hint: t("declarations.bodyHint"),
        kind: "textarea",
        required: true,
        defaultValue: draft.content[locale].body,
        rows: 10,
        maxLength: 50_000,
      });
      errorMessages[`content.${locale}.title`] = t("declarations.titleError");
      errorMessages[`content.${locale}.body`] = t("declarations.bodyError");
    }
  }
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel }}>
      <PageHeading
        eyebrow={roleLabel}
        title={t("declarations.title")}
        description={t("declarations.intro")}
        actions={
          <LinkButton href="/service-center" variant="secondary">
            {t("back")}
          </LinkButton>
        }
      />
      <div className="flex flex-col gap-6">
        {published && role ? (
          <Alert tone="success">{t("declarations.published", { version: published, role: tRoles(role) })}</Alert>
        ) : null}
        <Card>
          <form
            method="get"
            aria-label={t("declarations.chooseRole")}
            className="flex flex-col gap-4 sm:flex-row sm:items-end"
          >
            <div className="flex flex-1 flex-col gap-1">
              <label htmlFor="declaration-role" className="font-semibold">
                {t("declarations.roleLabel")}
              </label>
              <select
                id="declaration-role"
                name="role"
                defaultValue={role ?? ""}
                className="min-h-11 rounded-md border-2 border-ink-muted bg-white px-3 py-2"
              >
                {publishableRoles.map((option) => (
                  <option key={option} value={option}>
                    {tRoles(option)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit" className={buttonClasses({ variant: "secondary" })}>
                {t("declarations.chooseRole")}
              </button>
            </div>
          </form>
        </Card>
        {role && draft ? (
          <Card title={t("declarations.formTitle", { role: tRoles(role), version: draft.version + 1 })}>
            <p className="mb-4 max-w-prose">{t("declarations.current", { version: draft.version })}</p>
            <ActionForm
              key={`${role}-${draft.version}`}
              action={publishDeclarationAction}
              schema="publishDeclaration"
              formLabel={t("declarations.formTitle", { role: tRoles(role), version: draft.version + 1 })}
              idPrefix="declaration"
              hidden={{ role, basedOnVersion: String(draft.version) }}
              fields={fields}
              errorMessages={errorMessages}
              submitLabel={t("declarations.submit", { version: draft.version + 1 })}
            />
          </Card>
        ) : null}
      </div>
    </PageShell>
  );
}
