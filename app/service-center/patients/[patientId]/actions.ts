"use server";
// Correcting one administrative section. A public endpoint: re-checks the actor, validates with
// the form's schema (a reason is mandatory), and lib/service-center decides
// (CORRECT_ADMINISTRATIVE, logged), checks the version and keeps the previous state.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/guards";
import { correctAdministrative } from "@/lib/service-center";
import { ZCorrectAdministrative } from "@/lib/service-center/schemas";
import type { ActionFormState } from "@/app/nurse/_forms/form-state";
import { runFormAction } from "@/app/nurse/_forms/run-action";

export async function correctAdministrativeAction(
  previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  const t = await getTranslations("serviceCenter");
  let target = "";
  const failed = await runFormAction(
    previous,
    formData,
    ZCorrectAdministrative,
    {
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
    },
    async (correction) => {
      await correctAdministrative({ actor, correction });
      target = `/service-center/patients/${encodeURIComponent(correction.patientId)}?done=${correction.section}`;
    },
  );
  if (failed) return failed;
  redirect(target);
}
