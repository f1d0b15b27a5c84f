// Guards the three catalogs against the two ways a translation breaks silently: a key missing in
// one language (next-intl then shows the raw key to the user) and a placeholder that differs
// (a French page that never shows the service-center phone number, or a render error).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { Role } from "../generated/prisma/enums";
import en from "../../messages/en.json";
import frBE from "../../messages/fr-BE.json";
import nlBE from "../../messages/nl-BE.json";
import { defaultLocale, locales, type Locale } from "./config";

const catalogs: Record<Locale, unknown> = { "nl-BE": nlBE, "fr-BE": frBE, en };

/** Every leaf as "dotted.key" -> value; a non-string leaf is reported, not skipped. */
function flatten(node: unknown, prefix = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, node);
  }
  return into;
}

const typeNames: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: "text",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.select]: "select",
  [TYPE.plural]: "plural",
  [TYPE.tag]: "tag",
};

/** The placeholders a message needs, as "name:kind", including those nested in plural/select/tags. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    const kind = typeNames[element.type];
    if (kind && "value" in element && typeof element.value === "string") into.add(`${element.value}:${kind}`);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if (element.type === TYPE.tag) placeholders(element.children, into);
  }
  return into;
}

const flattened = Object.fromEntries(locales.map((locale) => [locale, flatten(catalogs[locale])])) as Record<
  Locale,
  Map<string, unknown>
>;
const referenceKeys = [...flattened[defaultLocale].keys()].sort();

describe.each(locales)("catalog %s", (locale) => {
  const messages = flattened[locale];

  it("has exactly the keys of the nl-BE catalog", () => {
    const keys = [...messages.keys()].sort();
    expect({
      missing: referenceKeys.filter((key) => !messages.has(key)),
      extra: keys.filter((key) => !flattened[defaultLocale].has(key)),
    }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it("holds only non-empty strings", () => {
    const bad = [...messages]
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("holds only valid ICU messages with the same placeholders as nl-BE", () => {
    const problems: string[] = [];
    for (const key of referenceKeys) {
      const value = messages.get(key);
      const reference = flattened[defaultLocale].get(key);
      if (typeof value !== "string" || typeof reference !== "string") continue;
      try {
        const own = [...placeholders(parse(value))].sort();
        const expected = [...placeholders(parse(reference))].sort();
        if (own.join() !== expected.join())
          problems.push(`${key}: [${own.join(", ")}] but nl-BE has [${expected.join(", ")}]`);
      } catch (error) {
        problems.push(`${key}: does not parse (${String(error)})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// The pages call these keys by name; renaming one here would only show up as a raw key on screen.
const keysPagesRelyOn: Record<string, string[]> = {
  "common.signedInAs": ["name:text"],
  "common.role": ["role:text"],
  "common.serviceCenterContact": ["phone:text"],
  "login.oidcButton": ["provider:text"],
  "chooseRole.choose": ["role:text"],
  "declaration.version": ["version:text"],
  "privacy.version": ["version:text"],
  "privacy.publishedOn": ["date:text"],
  "home.patient.title": ["name:text"],
  "home.trustedPerson.title": ["name:text"],
  "home.caregiver.title": ["name:text"],
  "home.nurse.title": ["name:text"],
  "home.serviceCenter.title": ["name:text"],
  "errors.outsideWindow.body": ["email:text", "phone:text"],
  ...Object.fromEntries(
    [
      "common.appName",
      "common.signOut",
      "common.language",
      "common.skipToContent",
      "common.loading",
      "common.privacyLink",
      "common.backHome",
      "login.title",
      "login.intro",
      "login.username",
      "login.password",
      "login.submit",
      "login.demoHeading",
      "login.demoHint",
      "login.errors.invalidCredentials",
      "login.errors.unknownPerson",
      "login.errors.sessionExpired",
      "login.errors.generic",
      "login.errors.oidcUnavailable",
      "login.errors.oidcCancelled",
      "login.errors.missingNationalNumber",
      "login.errors.insufficientAssurance",
      "login.passwordHeading",
      "login.passwordHint",
      "chooseRole.title",
      "chooseRole.intro",
      "declaration.title",
      "declaration.intro",
      "declaration.newVersion",
      "declaration.accept",
      "declaration.accepted",
      "declaration.printHint",
      "privacy.title",
      "home.patient.intro",
      "home.trustedPerson.intro",
      "home.caregiver.intro",
      "home.nurse.intro",
      "home.serviceCenter.intro",
      "errors.notFound.title",
      "errors.notFound.body",
      "errors.generic.title",
      "errors.generic.body",
      "errors.generic.retry",
      "errors.forbidden.title",
      "errors.forbidden.body",
      "errors.outsideWindow.title",
    ].map((key) => [key, []]),
  ),
  ...Object.fromEntries(Object.values(Role).map((role) => [`roles.${role}`, []])),
};

describe("keys the pages rely on", () => {
  it.each(Object.entries(keysPagesRelyOn))("%s exists with its placeholders", (key, expected) => {
    const value = flattened[defaultLocale].get(key);
    expect(typeof value).toBe("string");
    expect([...placeholders(parse(value as string))].sort()).toEqual(expected);
  });

  it("names every role of the data model, and nothing else", () => {
    expect(Object.keys(nlBE.roles).sort()).toEqual(Object.values(Role).sort());
  });
});
