// Runs in the browser before any of the portal's code (Next's instrumentation-client file).
//
// zod compiles object parsers with `new Function` when it may. Under the Content-Security-Policy
// (no 'unsafe-eval', ADR 0012) that is refused, and zod falls back to its plain parser, but its
// probe still shows up as a CSP violation in the console, which would drown the violations that
// matter. In the browser zod therefore never tries: `jitless` must be set before the first schema
// is built, which is why it is here and not beside the forms. The server keeps the compiled
// parsers (Node has no CSP).
import { z } from "zod";

z.config({ jitless: true });
