"use server";
// Correcting one administrative section. A public endpoint made by formAction
// (lib/http/action.ts): it re-checks the actor and reads the form (a reason is mandatory), and
// lib/service-center decides (CORRECT_ADMINISTRATIVE, logged), checks the version and keeps the
// previous state.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction } from "@/lib/http/action";
import { correctAdministrative } from "@/lib/service-center";
import { ZCorrectAdministrative } from "@/lib/service-center/schemas";

export const correctAdministrativeAction = formAction({
  gate: { roles: ["SERVICE_CENTER"] },
  schema: ZCorrectAdministrative,
  translations: () => getTranslations("serviceCenter"),
  messages: (t) => ({
    fields: {
      reason: t("admin.reasonError"),
      firstName: t("admin.requiredError"),
      lastName: t("admin.requiredError"),
      birthDate: t("admin.dateError"),
      email: t("admin.emailError"),
      phone: t("admin.tooLong"),
      street: t("admin.tooLong"),
      postalCode: t("admin.tooLong"),
      city: t("admin.tooLong"),
      livingSituation: t("admin.tooLong"),
      informalCarers: t("admin.tooLong"),
      homeAccess: t("admin.tooLong"),
      notes: t("admin.tooLong"),
      insuranceFund: t("admin.tooLong"),
      insuranceNumber: t("admin.tooLong"),
      billingAddress: t("admin.tooLong"),
    },
    conflict: t("errors.conflict"),
    forbidden: t("errors.forbidden"),
    notFound: t("errors.generic"),
    generic: t("errors.generic"),
  }),
  run: async ({ actor, input: correction, requestId }) => {
    await correctAdministrative({ actor, correction, requestId });
    redirect(`/service-center/patients/${encodeURIComponent(correction.patientId)}?done=${correction.section}`);
  },
});
