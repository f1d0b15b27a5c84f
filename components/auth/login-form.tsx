"use client";
// The login form. next-auth's client `signIn` fetches the CSRF token and posts to
// /api/auth/callback/demo (the demo world) or /api/auth/callback/password (accounts made with
// `npm run admin:create`); on success a full navigation lets the server decide where the person
// lands (role choice, declaration or their home page). An account with a second factor gets a
// second step on the same page: the code from the authenticator app (or a recovery code), sent
// with the same username and password (lib/auth/password-login.ts checks both again).
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, TextField } from "@/components/ui";

export type LoginError =
  | "invalidCredentials"
  | "unknownPerson"
  | "sessionExpired"
  | "generic"
  | "oidcUnavailable"
  | "oidcCancelled"
  | "missingNationalNumber"
  | "insufficientAssurance"
  | "rateLimited"
  | "codeInvalid"
  | "childUnder12";

type Props = {
  /** The username + password form: the demo world's demo login, or the password login outside it. */
  credentials: "demo" | "password" | null;
  oidc: { id: string; name: string } | null;
  /** Message key under login.errors shown when the page opens, e.g. after an expired session. */
  initialError?: LoginError;
};

type FieldErrors = { username?: string; password?: string; code?: string };

/** next-auth's error of a failed `signIn`, as the login page names it. */
function loginErrorOf(error: string | null | undefined): LoginError | "codeRequired" {
  if (error === "CredentialsSignin") return "invalidCredentials";
  if (error === "rate_limited") return "rateLimited";
  if (error === "second_factor_required") return "codeRequired";
  if (error === "second_factor_invalid") return "codeInvalid";
  // A child under 12 is refused by the sign-in callback with its own, calm message (ADR 0019).
  if (error === "under_12") return "childUnder12";
  return "generic";
}

export function LoginForm({ credentials, oidc, initialError }: Props) {
  const t = useTranslations("login");
  const [formError, setFormError] = useState(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  // Set once the password was right for an account with a second factor: the code step.
  const [codeStep, setCodeStep] = useState<{ username: string; password: string } | null>(null);

  async function send(fields: { username: string; password: string; code?: string }) {
    setPending(true);
    setFormError(undefined);
    try {
      const result = await signIn(credentials ?? "demo", { ...fields, redirect: false });
      if (result?.ok && !result.error) {
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full navigation, so the server reads the new session cookie and decides where the person lands
        window.location.assign("/");
        return;
      }
      const error = loginErrorOf(result?.error);
      if (error === "codeRequired") setCodeStep({ username: fields.username, password: fields.password });
      else setFormError(error);
    } catch {
      setFormError("generic");
    }
    setPending(false);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const username = String(data.get("username") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const errors: FieldErrors = {
      username: username ? undefined : t("errors.usernameRequired"),
      password: password ? undefined : t("errors.passwordRequired"),
    };
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    await send({ username, password });
  }

  async function handleCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !codeStep) return;
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    setFieldErrors({ code: code ? undefined : t("errors.codeRequired") });
    if (!code) return;
    await send({ ...codeStep, code });
  }

  function startAgain() {
    setCodeStep(null);
    setFormError(undefined);
    setFieldErrors({});
  }

  if (codeStep) {
    return (
      <div className="flex flex-col gap-6">
        {formError ? <Alert tone="error">{t(`errors.${formError}`)}</Alert> : null}
        <section aria-labelledby="code-heading" className="flex flex-col gap-4">
          <h2 id="code-heading" className="text-2xl font-bold">
            {t("code.heading")}
          </h2>
          <p className="text-ink-muted">{t("code.intro")}</p>
          <form noValidate onSubmit={handleCode} aria-label={t("code.heading")} className="flex flex-col gap-5">
            <TextField
              name="code"
              label={t("code.label")}
              hint={t("code.hint")}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              required
              autoFocus
              error={fieldErrors.code}
            />
            <Button type="submit" size="lg" aria-disabled={pending || undefined}>
              {t("code.submit")}
            </Button>
          </form>
          <Button type="button" variant="secondary" onClick={startAgain}>
            {t("code.startAgain")}
          </Button>
        </section>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-8">
      {formError ? (
        // A cancel at the provider is a choice, not a failure: said calmly.
        <Alert tone={formError === "oidcCancelled" ? "info" : "error"}>{t(`errors.${formError}`)}</Alert>
      ) : null}
      {oidc ? (
        <Button type="button" size="lg" fullWidth onClick={() => void signIn(oidc.id, { callbackUrl: "/" })}>
          {t("oidcButton", { provider: oidc.name })}
        </Button>
      ) : null}
      {oidc && credentials ? <p className="text-center text-ink-muted">{t("or")}</p> : null}
      {credentials ? (
        <section aria-labelledby="credentials-login-heading" className="flex flex-col gap-4">
          <h2 id="credentials-login-heading" className="text-2xl font-bold">
            {credentials === "demo" ? t("demoHeading") : t("passwordHeading")}
          </h2>
          <p className="text-ink-muted">{credentials === "demo" ? t("demoHint") : t("passwordHint")}</p>
          <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
            <TextField
              name="username"
              label={t("username")}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={fieldErrors.username}
            />
            <TextField
              name="password"
              type="password"
              label={t("password")}
              autoComplete="current-password"
              required
              error={fieldErrors.password}
            />
            <Button type="submit" size="lg" aria-disabled={pending || undefined}>
              {t("submit")}
            </Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
