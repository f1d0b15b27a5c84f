// Type-checks every `t("...")` key and named format against the Dutch catalog (the reference;
// lib/i18n/messages.test.ts keeps fr-BE and en in step with it).
import type messages from "@/messages/nl-BE.json";
import type { formats, Locale } from "./config";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
    Formats: typeof formats;
  }
}
