"use server";
// Changing the language is open to everyone, signed in or not (the login page needs it too), so
// the only thing to guard is the input: a server action is a public endpoint, and the cookie
// value is read back on every request, so only a known locale is ever written. formAction
// (lib/http/action.ts) reads the form as for every other action.
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { localeCookieMaxAgeSeconds, localeCookieName, locales } from "./config";

const ZLocaleChange = z.object({ locale: z.enum(locales) });

/**
 * Form action of the language switcher. Setting a cookie in a server action makes Next.js
 * re-render the current page, so the new language shows without a redirect, and the form
 * works without JavaScript too. An unknown locale changes nothing.
 */
export const changeLocale = formAction({
  gate: "public",
  schema: ZLocaleChange,
  translations: () => getTranslations("errors"),
  messages: (t) => ({
    forbidden: t("generic.body"),
    generic: t("generic.body"),
  }),
  run: async ({ input }) => {
    const cookieStore = await cookies();
    // Every option explicit: nothing here falls back to a default an injected key could change.
    cookieStore.set(localeCookieName, input.locale, {
      maxAge: localeCookieMaxAgeSeconds,
      path: "/",
      sameSite: "lax",
      // Only the server reads it; no script needs it. Not `secure`: it holds a language, nothing
      // secret, and a plain-http demo or local deployment must still remember the choice.
      httpOnly: true,
      secure: false,
    });
  },
});
