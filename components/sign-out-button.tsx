"use client";
// Signing out goes through next-auth's own endpoint (it clears the session cookie and the
// server-side session), then lands on the login page.
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("common");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      aria-disabled={pending || undefined}
      onClick={() => {
        if (pending) return;
        setPending(true);
        void signOut({ callbackUrl: "/login" }).catch(() => setPending(false));
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </Button>
  );
}
