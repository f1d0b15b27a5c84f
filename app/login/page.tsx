import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm, type LoginError } from "@/components/auth/login-form";
import { PageShell } from "@/components/page-shell";
import { PageHeading } from "@/components/ui";
import { getSessionState } from "@/lib/auth/session";
import { demoWorldEnabled, env, oidcEnabled } from "@/lib/env";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { PageMessages } from "@/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type SearchParams = Promise<{ error?: string | string[]; reason?: string | string[] }>;

/** next-auth's error codes and our own (lib/auth/oidc.ts), mapped to the message the person reads. */
const MESSAGE_FOR_ERROR: Record<string, LoginError> = {
  unknown_person: "unknownPerson",
  AccessDenied: "unknownPerson",
  CredentialsSignin: "invalidCredentials",
  OAuthSignin: "oidcUnavailable",
  OAuthCallback: "oidcUnavailable",
  Configuration: "oidcUnavailable",
  oidc_provider_error: "oidcUnavailable",
  oidc_cancelled: "oidcCancelled",
  oidc_missing_claim: "missingNationalNumber",
  oidc_insufficient_assurance: "insufficientAssurance",
  // Reached without JavaScript (a plain form post): a lockout, or a code step the page could not show.
  rate_limited: "rateLimited",
  second_factor_invalid: "codeInvalid",
  // A child under 12 has no portal access of its own (ADR 0019).
  under_12: "childUnder12",
};

function initialErrorFor(error: string | undefined, reason: string | undefined): LoginError | undefined {
  if (reason === "expired") return "sessionExpired";
  if (!error) return undefined;
  return Object.hasOwn(MESSAGE_FOR_ERROR, error) ? MESSAGE_FOR_ERROR[error] : "generic";
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
      <PageMessages namespaces={["login"]}>
        <LoginForm
          credentials={demoWorldEnabled ? "demo" : env.PASSWORD_LOGIN_ENABLED ? "password" : null}
          oidc={oidcEnabled ? { id: OIDC_PROVIDER_ID, name: env.OIDC_DISPLAY_NAME } : null}
          initialError={initialErrorFor(first(params.error), first(params.reason))}
        />
      </PageMessages>
    </PageShell>
  );
}
