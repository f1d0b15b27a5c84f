// A plain form with one button per language: it works without JavaScript, every language is
// one tap away (no dropdown to open on a tablet), and each name is written in its own language
// and tagged with `lang` so a screen reader pronounces "Français" in French.
import { getLocale, getTranslations } from "next-intl/server";
import { StateForm } from "@/components/forms/state-form";
import { changeLocale } from "@/lib/i18n/actions";
import { localeLanguage, localeNames, locales } from "@/lib/i18n/config";
import { cx } from "@/components/ui/cx";

export async function LanguageSwitcher({ className }: { className?: string }) {
  const [t, current] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <StateForm action={changeLocale} className={cx("no-print", className)}>
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="sr-only">{t("language")}</legend>
        {locales.map((locale) => {
          const isCurrent = locale === current;
          return (
            <button
              key={locale}
              type="submit"
              name="locale"
              value={locale}
              lang={localeLanguage[locale]}
              aria-current={isCurrent ? "true" : undefined}
              className={cx(
                "min-h-11 rounded-md border-2 px-2 py-1 text-base sm:px-3",
                isCurrent
                  ? "border-brand-700 bg-brand-700 font-bold text-white"
                  : "border-transparent text-brand-800 underline underline-offset-4 hover:border-brand-700",
              )}
            >
              {localeNames[locale]}
            </button>
          );
        })}
      </fieldset>
    </StateForm>
  );
}
