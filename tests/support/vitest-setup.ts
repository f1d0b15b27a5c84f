// Fails every test that writes to console.error or console.warn without saying it expects to.
// In this codebase a console.error is how a swallowed exception, a React warning or a
// "unhandled error in route" shows up; letting it scroll by in a green run hides exactly the
// bugs that leak or lose data.
//
// A test that expects such output silences it explicitly, which replaces the recorder below:
//   const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
//   ...
//   expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("..."));
import { afterEach, beforeEach, inject, vi } from "vitest";
import { testDatabaseUrl } from "./database-url";

// Integration files: the portal's own modules (lib/env.ts) read this worker's database.
if (inject("databaseUrls")) process.env.DATABASE_URL = testDatabaseUrl();

type Level = "error" | "warn";
const levels: readonly Level[] = ["error", "warn"];

let unexpected: { level: Level; text: string }[] = [];

function describeArgument(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

beforeEach(() => {
  unexpected = [];
  for (const level of levels) {
    // Bind the original before spying: the spy replaces console[level] on the same object.
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      unexpected.push({ level, text: args.map(describeArgument).join(" ") });
      // Still print it, so the output shows where it came from.
      original(...args);
    });
  }
});

afterEach(() => {
  const found = unexpected;
  unexpected = [];
  for (const level of levels) {
    const current = console[level] as unknown as { mockRestore?: () => void };
    current.mockRestore?.();
  }
  if (found.length > 0) {
    const lines = found.map(({ level, text }) => `  console.${level}: ${text.split("\n")[0]}`);
    throw new Error(
      `Unexpected console output during this test (silence it with vi.spyOn(console, "<level>").mockImplementation(() => {}) if the test expects it):\n${lines.join("\n")}`,
    );
  }
});
