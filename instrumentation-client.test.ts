// zod is loaded once per test file (Node's own module cache): the first test must be the first to
// load it, as in the browser, where this file runs before any form's script.
import { describe, expect, it, vi } from "vitest";

type ZodGlobals = { __zod_globalConfig?: { jitless?: boolean } };

describe("instrumentation-client", () => {
  it("makes zod jitless when zod loads after it, as a form's script does in the browser", async () => {
    delete (globalThis as ZodGlobals).__zod_globalConfig;
    vi.resetModules();
    await import("./instrumentation-client");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
  });

  it("does not import zod (it would ship all of zod on every page)", async () => {
    const { readFileSync } = await import("node:fs");
    const source = readFileSync(new URL("./instrumentation-client.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/from\s+["']zod/);
    expect(source).not.toMatch(/import\(["']zod/);
  });
});
