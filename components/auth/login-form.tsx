"use client";
// The login form. next-auth's client `signIn` fetches the CSRF token and posts to
// /api/auth/callback/demo (the demo world) or /api/auth/callback/password; on success a full navigation lets the server decide where the person
// lands (role choice, declaration or their home page).
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
  | "insufficientAssurance";

type Props = {
  /** The username + password form: the demo world's demo login, or the password login outside it. */
  credentials: "demo" | "password" | null;
  oidc: { id: string; name: string } | null;
  /** Message key under login.errors shown when the page opens, e.g. after an expired session. */
  initialError?: LoginError;
};

type FieldErrors = { username?: string; password?: string };

export function LoginForm({ credentials, oidc, initialError }: Props) {
  const t = useTranslations("login");
  const [formError, setFormError] = useState(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

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

    setPending(true);
    setFormError(undefined);
    try {
      const result = await signIn(credentials ?? "demo", { username, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign("/");
        return;
      }
      setFormError(result?.error === "CredentialsSignin" ? "invalidCredentials" : "generic");
    } catch {
      setFormError("generic");
    }
    setPending(false);
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
