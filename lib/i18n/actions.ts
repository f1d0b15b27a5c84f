"use server";
// Changing the language is open to everyone, signed in or not (the login page needs it too), so
// the only thing to guard is the input: a server action is a public endpoint, and the cookie
// value is read back on every request, so only a known locale is ever written.
import { cookies } from "next/headers";
import { z } from "zod";
import { localeCookieMaxAgeSeconds, localeCookieName, locales } from "./config";

const ZLocaleChange = z.object({ locale: z.enum(locales) });

/**
 * Form action of the language switcher. Setting a cookie in a server action makes Next.js
 * re-render the current page, so the new language shows without a redirect, and the form
 * works without JavaScript too.
 */
export async function changeLocale(formData: FormData): Promise<void> {
  const parsed = ZLocaleChange.safeParse({ locale: formData.get("locale") });
  // An unknown value changes nothing: the page re-renders in the language it already had.
  if (!parsed.success) return;
  const cookieStore = await cookies();
  cookieStore.set(localeCookieName, parsed.data.locale, {
    maxAge: localeCookieMaxAgeSeconds,
    path: "/",
    sameSite: "lax",
    // Only the server reads it; no script needs it. Not `secure`: it holds a language, nothing
    // secret, and a plain-http demo or local deployment must still remember the choice.
    httpOnly: true,
  });
}
