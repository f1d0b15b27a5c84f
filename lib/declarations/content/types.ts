// Shape of the versioned legal texts stored in DeclarationVersion.content and
// PrivacyStatementVersion.content. Bodies are plain text: paragraphs separated by a blank line,
// bullets starting with "- ". Placeholders filled at display time from configuration:
// {organisation}, {serviceCenterPhone}, {privacyEmail}.

export const TEXT_LOCALES = ["nl-BE", "fr-BE", "en"] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

export type LocalizedDocument = Record<TextLocale, { title: string; body: string }>;

export const TEXT_PLACEHOLDERS = ["{organisation}", "{serviceCenterPhone}", "{privacyEmail}"] as const;

/** One paragraph or bullet list of a text, in the three languages, present from `since` up to and including `until`. */
export interface Section {
  since: number;
  until?: number;
  "nl-BE": string;
  "fr-BE": string;
  en: string;
}

export type LocalizedTitle = Record<TextLocale, string>;

/** The text of one version: the sections valid in that version, in order. */
export function composeDocument(
  title: LocalizedTitle,
  sections: readonly Section[],
  version: number,
): LocalizedDocument {
  const present = sections.filter(
    (section) => section.since <= version && (section.until === undefined || version <= section.until),
  );
  const compose = (locale: TextLocale) => ({
    title: title[locale],
    body: present.map((section) => section[locale].trim()).join("\n\n"),
  });
  return { "nl-BE": compose("nl-BE"), "fr-BE": compose("fr-BE"), en: compose("en") };
}
