// The accessibility wiring of form fields is easy to break without seeing it: a renamed id
// leaves aria-describedby pointing at nothing and a screen reader silently skips the error.
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "../../messages/nl-BE.json";
import { Alert } from "./alert";
import { TextAreaField, TextField } from "./text-field";

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="nl-BE" messages={messages} timeZone="Europe/Brussels">
      {node}
    </NextIntlClientProvider>,
  );
}

// No DOM library in the unit project: the markup is small and server-rendered, so reading a few
// attributes with a pattern is enough.
function attributes(html: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!match?.[1]) throw new Error(`no <${tag}> in ${html}`);
  return Object.fromEntries(
    [...match[1].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map(([, name, value]) => [name as string, value as string]),
  );
}

function elementText(html: string, id: string): string | undefined {
  return new RegExp(`id="${id}"[^>]*>(.*?)</p>`).exec(html)?.[1]?.replace(/<[^>]+>/g, "");
}

describe("TextField", () => {
  it("labels the input and describes it with its hint and error", () => {
    const html = render(
      <TextField
        name="password"
        type="password"
        label="Wachtwoord"
        hint="Minstens 8 tekens"
        error="Vul uw wachtwoord in."
        required
      />,
    );
    const input = attributes(html, "input");
    const label = attributes(html, "label");
    expect(label.for).toBe(input.id);
    expect(input["aria-invalid"]).toBe("true");
    expect(input.required).toBe("");
    const describedBy = (input["aria-describedby"] ?? "").split(" ");
    expect(describedBy).toHaveLength(2);
    expect(elementText(html, describedBy[0] ?? "")).toBe("Minstens 8 tekens");
    // The error is announced with a prefix, so it is not mistaken for a hint.
    expect(elementText(html, describedBy[1] ?? "")).toBe("Fout: Vul uw wachtwoord in.");
  });

  it("is neither invalid nor described when there is no hint or error", () => {
    const html = render(<TextField name="username" label="Gebruikersnaam" />);
    const input = attributes(html, "input");
    expect(input["aria-invalid"]).toBeUndefined();
    expect(input["aria-describedby"]).toBeUndefined();
  });

  it("gives two fields with the same name different ids", () => {
    const html = render(
      <>
        <TextField name="reason" label="A" />
        <TextAreaField name="reason" label="B" markOptional />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain("(niet verplicht)");
  });
});

describe("Alert", () => {
  it.each([
    ["error", "alert"],
    ["warning", "alert"],
    ["info", "status"],
    ["success", "status"],
  ] as const)("a %s alert has role %s", (tone, role) => {
    const html = renderToStaticMarkup(<Alert tone={tone}>x</Alert>);
    expect(attributes(html, "div").role).toBe(role);
  });

  it("can be a plain notice without a live region", () => {
    const html = renderToStaticMarkup(<Alert announce="none">x</Alert>);
    expect(attributes(html, "div").role).toBeUndefined();
  });
});
