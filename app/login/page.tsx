import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { PageShell } from "@/components/page-shell";
import { PageHeading } from "@/components/ui";
import { getSessionState } from "@/lib/auth/session";
import { demoLoginEnabled, env, oidcEnabled } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type SearchParams = Promise<{ error?: string | string[]; reason?: string | string[] }>;

/** next-auth's error codes and our own reasons, mapped to the message the person reads. */
function initialErrorFor(error: string | undefined, reason: string | undefined) {
  if (reason === "expired") return "sessionExpired" as const;
  if (!error) return undefined;
  if (error === "unknown_person" || error === "AccessDenied") return "unknownPerson" as const;
  if (error === "under_12") return "childUnder12" as const;
  if (error === "CredentialsSignin") return "invalidCredentials" as const;
  if (error === "OAuthSignin" || error === "OAuthCallback" || error === "Configuration")
    return "oidcUnavailable" as const;
  return "generic" as const;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  // Someone already signed in goes straight on.
  const state = await getSessionState();
  if (state.status === "active") redirect("/");

  const [t, params] = await Promise.all([getTranslations("login"), searchParams]);
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return (
    <PageShell width="narrow">
      <PageHeading title={t("title")} description={t("intro")} />
      <LoginForm
        demoEnabled={demoLoginEnabled}
        oidc={oidcEnabled ? { id: "oidc", name: env.OIDC_DISPLAY_NAME } : null}
        initialError={initialErrorFor(first(params.error), first(params.reason))}
      />
    </PageShell>
  );
}
