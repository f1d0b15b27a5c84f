import { describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { CURRENT_DECLARATION_VERSION, declarationText, declarationVersionsOf } from "./declarations";
import { PRIVACY_STATEMENT_VERSIONS, privacyStatementText } from "./privacy-statement";
import { TEXT_LOCALES, TEXT_PLACEHOLDERS, type LocalizedDocument } from "./types";

const roles = Object.values(Role);

function placeholdersIn(text: string): string[] {
  return text.match(/\{[^}]*\}/g) ?? [];
}

function expectWellFormed(document: LocalizedDocument, label: string) {
  for (const locale of TEXT_LOCALES) {
    const { title, body } = document[locale];
    expect(title.trim(), `${label} ${locale} title`).not.toBe("");
    expect(body.trim(), `${label} ${locale} body`).not.toBe("");
    // Only the placeholders the display layer fills: anything else would show as "{...}".
    for (const placeholder of placeholdersIn(`${title}\n${body}`)) {
      expect(TEXT_PLACEHOLDERS, `${label} ${locale}`).toContain(placeholder);
    }
    expect(body, `${label} ${locale}: no three blank lines`).not.toMatch(/\n\n\n/);
    expect(body, `${label} ${locale}: no provider's name`).not.toMatch(/thuiszorg demo/i);
  }
}

describe("user declarations", () => {
  it.each(roles)("%s: every version is complete in nl-BE, fr-BE and en", (role) => {
    for (const version of declarationVersionsOf(role))
      expectWellFormed(declarationText(role, version), `${role} v${version}`);
  });

  it.each(roles)("%s: the current version is the longest, and each version differs from the previous", (role) => {
    for (const locale of TEXT_LOCALES) {
      const bodies = declarationVersionsOf(role).map((version) => declarationText(role, version)[locale].body);
      const current = declarationText(role, CURRENT_DECLARATION_VERSION)[locale].body;
      for (const body of bodies) expect(current.length).toBeGreaterThanOrEqual(body.length);
      for (let i = 1; i < bodies.length; i++) expect(bodies[i], `${role} ${locale} v${i + 1}`).not.toBe(bodies[i - 1]);
    }
  });

  it("keeps the paragraph structure the same across languages", () => {
    for (const role of roles) {
      for (const version of declarationVersionsOf(role)) {
        const text = declarationText(role, version);
        const shape = (locale: (typeof TEXT_LOCALES)[number]) =>
          text[locale].body
            .split("\n")
            .map((line) => (line === "" ? "blank" : line.startsWith("- ") ? "bullet" : "text"));
        expect(shape("fr-BE"), `${role} v${version}`).toEqual(shape("nl-BE"));
        expect(shape("en"), `${role} v${version}`).toEqual(shape("nl-BE"));
      }
    }
  });

  it("names the organisation, the service center and the privacy contact in the current version", () => {
    for (const role of roles) {
      for (const locale of TEXT_LOCALES) {
        const body = declarationText(role, CURRENT_DECLARATION_VERSION)[locale].body;
        for (const placeholder of TEXT_PLACEHOLDERS) expect(body, `${role} ${locale}`).toContain(placeholder);
      }
    }
  });

  it("says what each role is about in its current Dutch text", () => {
    const nl = (role: Role) => declarationText(role, CURRENT_DECLARATION_VERSION)["nl-BE"].body;
    expect(nl("TRUSTED_PERSON")).toMatch(/mantelzorger/);
    expect(nl("TRUSTED_PERSON")).toMatch(/nooit zelf/);
    expect(nl("DOCTOR")).toMatch(/therapeutische relatie/);
    expect(nl("DOCTOR")).toMatch(/niet systematisch/);
    expect(nl("CAREGIVER")).toMatch(/uitgesloten/);
    expect(nl("NURSE")).toMatch(/noodtoegang/);
    expect(nl("NURSE")).toMatch(/zorgteam/);
    expect(nl("SERVICE_CENTER")).toMatch(/geen toegang tot gezondheidsgegevens/);
    expect(nl("SERVICE_CENTER")).toMatch(/reden/);
    expect(nl("PATIENT")).toMatch(/binnen 4 weken/);
    expect(nl("COORDINATOR")).toMatch(/geen toegang tot gezondheidsgegevens/);
    expect(nl("COORDINATOR")).toMatch(/bewijsstuk/);
    expect(nl("PRIVACY_OFFICER")).toMatch(/gelogde beslissing/);
    expect(nl("LEGAL_REPRESENTATIVE")).toMatch(/jonger dan 12 jaar/);
    expect(nl("LEGAL_REPRESENTATIVE")).toMatch(/16de verjaardag/);
    for (const role of roles) {
      expect(nl(role), role).toMatch(/gelogd/);
      expect(nl(role), role).toMatch(/persoonlijk/);
    }
  });
});

it("publishes the roles introduced with version 4 in that version only: 4 stays current for every role", () => {
  for (const role of roles) expect(declarationVersionsOf(role).at(-1), role).toBe(CURRENT_DECLARATION_VERSION);
  for (const role of ["COORDINATOR", "PRIVACY_OFFICER", "LEGAL_REPRESENTATIVE"] as const) {
    expect(declarationVersionsOf(role)).toEqual([4]);
    expect(() => declarationText(role, 3)).toThrow(RangeError);
  }
});

describe("privacy statement", () => {
  it("is complete in every language", () => {
    for (const version of PRIVACY_STATEMENT_VERSIONS)
      expectWellFormed(privacyStatementText(version), `privacy v${version}`);
  });

  it("covers the subjects the law asks for", () => {
    const nl = privacyStatementText(1)["nl-BE"].body;
    for (const subject of [
      /Verwerkingsverantwoordelijke/,
      /AVG artikel 9/,
      /rechten van de patiënt/,
      /3 maanden na het einde van de zorg/,
      /binnen 4 weken/,
      /overdraagbaarheid/,
      /toestemming .* intrekken/,
      /Analytische cookies .* alleen/,
      /Gegevensbeschermingsautoriteit/,
      /\{privacyEmail\}/,
    ]) {
      expect(nl).toMatch(subject);
    }
  });
});
