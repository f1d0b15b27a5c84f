// What a reader sees instead of a file. The kind comes from refusalKind (lib/dossier/refusal.ts),
// which already decided how much the reader may be told; this only puts it in words.
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui";
import type { RefusalKind } from "@/lib/dossier";
import { organisation } from "@/lib/env";

export async function FileRefusal({ kind, audience }: { kind: RefusalKind; audience: "patient" | "other" }) {
  const t = await getTranslations("file.refusal");
  if (kind === "outside_availability_window" && audience === "patient") {
    return (
      <Alert tone="warning" title={t("ownOutsideWindow.title")}>
        <p>
          {t("ownOutsideWindow.body", { phone: organisation.serviceCenterPhone, email: organisation.privacyEmail })}
        </p>
      </Alert>
    );
  }
  const key = kind === "suspended" || kind === "declaration_required" ? "no_access" : kind;
  return (
    <Alert tone="warning" title={t(`${key}.title`)}>
      <p>{t(`${key}.body`, { phone: organisation.serviceCenterPhone })}</p>
    </Alert>
  );
}
