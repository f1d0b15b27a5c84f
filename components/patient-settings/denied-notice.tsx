// What a patient settings or corrections page shows when the access decision refuses: after the
// availability window, how to ask a copy; otherwise the one neutral "no access".
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui";
import type { AccessDecision } from "@/lib/access";
import { organisation } from "@/lib/env";

export async function DeniedNotice({ decision }: { decision: AccessDecision }) {
  const tErrors = await getTranslations("errors");
  const outsideWindow = !decision.allowed && decision.reason === "outside_availability_window";
  return (
    <Alert tone="warning" title={outsideWindow ? tErrors("outsideWindow.title") : tErrors("forbidden.title")}>
      <p>
        {outsideWindow
          ? tErrors("outsideWindow.body", { phone: organisation.serviceCenterPhone, email: organisation.privacyEmail })
          : tErrors("forbidden.body")}
      </p>
    </Alert>
  );
}
