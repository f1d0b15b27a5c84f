// The frame of the patient's settings and corrections pages: header, title with the way back
// home, then either the refusal (past the availability window, or any other denial) or the
// page's own content under the confirmation of what just happened.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { Alert, LinkButton, PageHeading } from "@/components/ui";
import type { AccessDecision } from "@/lib/access";
import type { GatedActor } from "@/lib/auth/actor";
import { DeniedNotice } from "./denied-notice";

type Props = {
  actor: GatedActor;
  title: string;
  intro?: string;
  /** Set when the access decision refused: the page shows why instead of its content. */
  denied?: AccessDecision;
  /** The confirmation of the change the person just made, already translated. */
  confirmation?: string;
  children?: ReactNode;
};

export async function PatientSettingsPage({ actor, title, intro, denied, confirmation, children }: Props) {
  const [tRoles, tCommon] = await Promise.all([getTranslations("roles"), getTranslations("common")]);
  const backHome = (
    <LinkButton href="/patient" variant="secondary">
      {tCommon("backHome")}
    </LinkButton>
  );
  return (
    <PageShell actor={{ displayName: actor.displayName, roleLabel: tRoles(actor.activeRole) }}>
      {denied ? (
        <>
          <PageHeading title={title} actions={backHome} />
          <DeniedNotice decision={denied} />
        </>
      ) : (
        <>
          <PageHeading title={title} description={intro ? <p>{intro}</p> : undefined} actions={backHome} />
          {confirmation ? (
            <Alert tone="success" className="mb-6">
              {confirmation}
            </Alert>
          ) : null}
          {children}
        </>
      )}
    </PageShell>
  );
}
