// Runs in the browser before any of the portal's code (Next's instrumentation-client file).
//
// zod compiles object parsers with `new Function` when it may. Under the Content-Security-Policy
// (no 'unsafe-eval', ADR 0012) that is refused, and zod falls back to its plain parser, but its
// probe still shows up as a CSP violation in the console, which would drown the violations that
// matter. In the browser zod therefore never tries: `jitless` must be set before the first schema
// is built, which is why it is here and not beside the forms. The server keeps the compiled
// parsers (Node has no CSP).
//
// Without importing zod: this file is part of the script every page loads, and importing zod here
// put all of it (109 KB) on every page, also on the pages without a form. zod keeps its settings
// in one object on globalThis, which it creates only when it is not there yet (zod/v4/core:
// `globalThis.__zod_globalConfig ??= {}`, what `z.config()` changes), so the setting made here is
// the one zod finds when a form's script loads it. instrumentation-client.test.ts proves it with
// the installed zod.
type ZodGlobals = { __zod_globalConfig?: { jitless?: boolean } };

(globalThis as ZodGlobals).__zod_globalConfig ??= {};
(globalThis as ZodGlobals).__zod_globalConfig!.jitless = true;

// A module (not a script), so its names stay its own.
export {};
