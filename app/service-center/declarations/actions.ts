"use server";
// Publishing a new declaration version. A public endpoint made by formAction
// (lib/http/action.ts): it re-checks the actor and reads the three languages' texts (dotted
// field names such as content.nl-BE.title), and lib/service-center publishes only on top of the
// version the agent's form was based on (a double submit or a colleague's publish is a conflict).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TEXT_LOCALES } from "@/lib/declarations/content/types";
import { formAction } from "@/lib/http/action";
import { publishDeclaration } from "@/lib/service-center";
import { ZPublishDeclaration } from "@/lib/service-center/schemas";

export const publishDeclarationAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZPublishDeclaration,
  translations: () => getTranslations("serviceCenter"),
  messages: (t) => ({
    fields: Object.fromEntries(
      TEXT_LOCALES.flatMap((locale) => [
        [`content.${locale}.title`, t("declarations.titleError")],
        [`content.${locale}.body`, t("declarations.bodyError")],
      ]),
    ),
    conflict: t("declarations.conflict"),
    forbidden: t("errors.forbidden"),
    notFound: t("errors.generic"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input: declaration, requestId }) => {
    const published = await publishDeclaration({ actor, declaration, requestId });
    redirect(`/service-center/declarations?role=${published.role}&published=${published.version}`);
  },
});
