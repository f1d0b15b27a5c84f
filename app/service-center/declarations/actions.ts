"use server";
// Publishing a new declaration version. A public endpoint: re-checks the actor, validates the
// three languages' texts, and lib/service-center publishes only on top of the version the
// agent's form was based on (a double submit or a colleague's publish is a conflict).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ActionFormState } from "@/app/nurse/_forms/form-state";
import { runFormAction } from "@/app/nurse/_forms/run-action";
import { requirePageActor } from "@/lib/auth/guards";
import { TEXT_LOCALES } from "@/lib/declarations/content/types";
import { publishDeclaration } from "@/lib/service-center";
import { ZPublishDeclaration } from "@/lib/service-center/schemas";

export async function publishDeclarationAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("serviceCenter");
  let target = "";
  const fields: Record<string, string> = {};
  for (const locale of TEXT_LOCALES) {
    fields[`content.${locale}.title`] = t("declarations.titleError");
    fields[`content.${locale}.body`] = t("declarations.bodyError");
  }
  const failed = await runFormAction(
    previous,
    formData,
    ZPublishDeclaration,
    {
      fields,
      conflict: t("declarations.conflict"),
      forbidden: t("errors.forbidden"),
      notFound: t("errors.generic"),
      generic: t("errors.generic"),
    },
    async (declaration) => {
      const published = await publishDeclaration({ actor, declaration });
      target = `/service-center/declarations?role=${published.role}&published=${published.version}`;
    },
  );
  if (failed) return failed;
  redirect(target);
}
