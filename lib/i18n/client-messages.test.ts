// Every namespace a client component translates with must reach the browser: a missing one shows
// the raw key to the reader (and logs an error). Reads each "use client" file of app/ and
// components/ and checks its useTranslations namespaces against clientNamespaces.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nlBE from "../../messages/nl-BE.json";
import { clientMessages, clientNamespaces, pageClientNamespaces } from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const covered = (namespace: string) =>
  [...clientNamespaces, ...pageClientNamespaces].some(
    (listed) => namespace === listed || namespace.startsWith(`${listed}.`),
  );

describe("clientMessages", () => {
  it("covers every namespace a client component translates with", () => {
    const clientFiles = [...sources("app"), ...sources("components")].filter((file) =>
      /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(readFileSync(file, "utf8")),
    );
    expect(clientFiles.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const file of clientFiles) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/useTranslations\(\s*["']([^"']*)["']\s*\)/g)) {
        if (!covered(match[1]!)) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
      // A namespace the code cannot name statically cannot be checked: keep it a literal.
      expect(text, path.relative(root, file)).not.toMatch(/useTranslations\(\s*[^"'\s)]/);
    }
    expect(missing).toEqual([]);
  });

  it("covers the components that translate in both worlds (text fields inside client forms)", () => {
    const textField = readFileSync(path.join(root, "components/ui/text-field.tsx"), "utf8");
    for (const match of textField.matchAll(/useTranslations\(\s*["']([^"']*)["']\s*\)/g))
      expect(covered(match[1]!)).toBe(true);
  });

  it("keeps the listed namespaces, nested as in the catalogue, and nothing else", () => {
    const picked = clientMessages(nlBE as Record<string, unknown>);
    expect(Object.keys(picked).sort()).toEqual(["common", "errors", "form"]);
    expect(Object.keys(picked.errors as object)).toEqual(["generic"]);
    expect((picked.errors as { generic: unknown }).generic).toEqual(nlBE.errors.generic);
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(nlBE).length / 20);
    const login = clientMessages(nlBE as Record<string, unknown>, [...clientNamespaces, "login"]);
    expect(Object.keys(login).sort()).toEqual(["common", "errors", "form", "login"]);
  });

  it("gives each page namespace to the page that renders its client component, and to no other", () => {
    // A namespace of pageClientNamespaces is used by client components that a page wraps in
    // <PageMessages namespaces={[...]}>: each one must be wrapped where its component is rendered.
    const pageFiles = sources("app").filter((file) => /<PageMessages namespaces=/.test(readFileSync(file, "utf8")));
    const wrapped = pageFiles.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/<PageMessages namespaces=\{\[([^\]]*)\]\}>/g)].flatMap((match) =>
        [...match[1]!.matchAll(/"([^"]+)"/g)].map((name) => name[1]!),
      ),
    );
    expect([...new Set(wrapped)].sort()).toEqual([...pageClientNamespaces].sort());
  });

  it("ignores a namespace that does not exist and never walks into the prototype", () => {
    expect(clientMessages({ a: { b: "x" } }, ["a.c", "constructor", "__proto__.x"])).toEqual({});
  });
});
