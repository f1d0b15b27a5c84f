import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage, resolveLocale } from "./negotiate";

describe("parseAcceptLanguage", () => {
  it("orders tags by quality and keeps header order on ties", () => {
    expect(parseAcceptLanguage("en;q=0.5, fr-BE, nl;q=0.8, de")).toEqual(["fr-be", "de", "nl", "en"]);
  });

  it("drops refused (q=0), malformed and out-of-range entries", () => {
    expect(parseAcceptLanguage("fr;q=0, nl-BE;q=abc, <script>, en;q=2, de-DE;q=0.3")).toEqual(["de-de"]);
  });

  it("returns nothing for a missing or empty header", () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });
});

describe("negotiateLocale", () => {
  it.each([
    ["nl-BE,nl;q=0.9", "nl-BE"],
    ["fr-BE", "fr-BE"],
    ["FR-be", "fr-BE"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr-BE"],
    ["nl-NL", "nl-BE"],
    ["nl", "nl-BE"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB", "en"],
    ["de-DE,fr;q=0.7", "fr-BE"],
    ["de-DE,en;q=0.5,fr;q=0.4", "en"],
    ["fr;q=0, en;q=0.1", "en"],
  ])("%s -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("falls back to nl-BE when nothing supported is asked for", () => {
    expect(negotiateLocale("de-DE, it")).toBe("nl-BE");
    expect(negotiateLocale("*")).toBe("nl-BE");
    expect(negotiateLocale(undefined)).toBe("nl-BE");
    expect(negotiateLocale("fr;q=0")).toBe("nl-BE");
  });
});

describe("resolveLocale", () => {
  it("prefers a valid cookie over the browser", () => {
    expect(resolveLocale({ cookie: "en", acceptLanguage: "fr-BE" })).toBe("en");
  });

  it("ignores a tampered cookie and negotiates instead", () => {
    expect(resolveLocale({ cookie: "xx-EVIL", acceptLanguage: "fr-BE" })).toBe("fr-BE");
    expect(resolveLocale({ cookie: "fr", acceptLanguage: null })).toBe("nl-BE");
    expect(resolveLocale({ cookie: "", acceptLanguage: "en" })).toBe("en");
  });
});
