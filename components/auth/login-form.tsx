"use client";
// The login form. next-auth's client `signIn` fetches the CSRF token and posts to
// /api/auth/callback/demo; on success a full navigation lets the server decide where the person
// lands (role choice, declaration or their home page).
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, TextField } from "@/components/ui";

type Props = {
  demoEnabled: boolean;
  oidc: { id: string; name: string } | null;
  /** Message key under login.errors shown when the page opens, e.g. after an expired session. */
  initialError?:
    "invalidCredentials" | "unknownPerson" | "sessionExpired" | "generic" | "oidcUnavailable" | "childUnder12";
};

type FieldErrors = { username?: string; password?: string };

export function LoginForm({ demoEnabled, oidc, initialError }: Props) {
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
      const result = await signIn("demo", { username, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign("/");
        return;
      }
      // A child under 12 is refused by the sign-in callback with its own, calm message (ADR 0019).
      setFormError(
        result?.error === "CredentialsSignin"
          ? "invalidCredentials"
          : result?.error === "under_12"
            ? "childUnder12"
            : "generic",
      );
    } catch {
      setFormError("generic");
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-8">
      {formError ? <Alert tone="error">{t(`errors.${formError}`)}</Alert> : null}
      {oidc ? (
        <Button type="button" size="lg" fullWidth onClick={() => void signIn(oidc.id, { callbackUrl: "/" })}>
          {t("oidcButton", { provider: oidc.name })}
        </Button>
      ) : null}
      {oidc && demoEnabled ? <p className="text-center text-ink-muted">{t("or")}</p> : null}
      {demoEnabled ? (
        <section aria-labelledby="demo-login-heading" className="flex flex-col gap-4">
          <h2 id="demo-login-heading" className="text-2xl font-bold">
            {t("demoHeading")}
          </h2>
          <p className="text-ink-muted">{t("demoHint")}</p>
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
