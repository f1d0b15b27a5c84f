// ESLint for the whole tree (ADR 0021). `npm run lint` runs it with --max-warnings 0, and
// `npm test` runs it before any test: a warning fails as surely as an error.
//
// No type-aware rules: building the TypeScript program inside ESLint cost about as much as
// `tsc --noEmit` again (which `npm test` runs anyway), and took six times as long as the
// whole lint does without it (ADR 0021).
import eslintComments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Where the portal's own code may not reach the database or the environment directly. */
const APP_CODE = [
  "app/**",
  "components/**",
  "proxy.ts",
  "proxy.test.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
];

const PRISMA_MESSAGE =
  "Only lib/ talks to the database: call a function of the data access layer in lib/ (and take enums from @/lib/enums).";

const LINK_MESSAGE = "Use Link from @/components/ui/link: the portal's links do not prefetch (ADR 0028).";

/** What app code may not import: the database (only lib/ does) and next/link (the wrapper does). */
const restrictedImports = (paths) => [
  "error",
  {
    paths: [{ name: "pg", message: PRISMA_MESSAGE }, ...paths],
    patterns: [
      {
        group: ["@prisma/*", "**/generated/prisma", "**/generated/prisma/*"],
        message: PRISMA_MESSAGE,
      },
      // lib/db and lib/db/client, by alias or relative path.
      { regex: "(^|/)lib/db(/|$)", message: PRISMA_MESSAGE },
    ],
  },
];

export default defineConfig(
  {
    ignores: [".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  eslintComments.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // An inline disable names its rule and says why after `--`; the two boundary rules below
      // cannot be disabled inline at all: an exemption from them is made here, where it is reviewed.
      "@eslint-community/eslint-comments/require-description": "error",
      "@eslint-community/eslint-comments/no-restricted-disable": [
        "error",
        "no-restricted-imports",
        "no-restricted-properties",
      ],
      // `_name` marks a value left out on purpose (an omitted field in `{ secret: _secret, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-throw-literal": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",
      "no-unreachable-loop": "error",
      "no-constructor-return": "error",
      "array-callback-return": "error",
      "default-case-last": "error",
      "no-useless-rename": "error",
      "no-useless-computed-key": "error",
      "no-useless-concat": "error",
      "no-duplicate-imports": ["error", { allowSeparateTypeImports: true }],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // The React rules: the two classic hooks rules. The React Compiler's rules of
    // eslint-plugin-react-hooks 7 are off: this portal does not use the compiler, they took
    // three quarters of the lint's time, and every finding was a server component calling
    // Date.now() once per request (not an impure re-render).
    files: ["**/*.tsx", "app/**/*.ts", "components/**/*.ts"],
    extends: [nextPlugin.configs["core-web-vitals"]],
    plugins: { "react-hooks": reactHooks },
    // `window` and `document` known as globals, so Next's rules recognise them.
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: APP_CODE,
    rules: {
      "no-restricted-imports": restrictedImports([{ name: "next/link", message: LINK_MESSAGE }]),
      // The same through a dynamic import(), which no-restricted-imports does not see.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/^@prisma[/]|generated[/]prisma|(^|[/])lib[/]db([/]|$)|^pg$/]",
          message: PRISMA_MESSAGE,
        },
      ],
    },
  },
  {
    // The one file that wraps next/link (components/ui/link.tsx).
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": restrictedImports([]) },
  },
  {
    // Only lib/env.ts reads the environment: it validates every setting once, at start-up.
    // Exempt: scripts/ (command-line tools that set up the environment of the processes they
    // start), tests/ (they start servers with their own settings) and the root config files
    // (read by Prisma's, Playwright's and Vitest's CLIs, outside the portal; the .js/.mjs ones
    // are outside `files`). instrumentation.ts reads NEXT_RUNTIME, which Next sets for each
    // runtime and inlines in each bundle: importing lib/env there would pull the validated
    // settings into the edge bundle.
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/env.ts", "scripts/**", "tests/**", "*.config.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Only lib/env.ts reads process.env: add the setting to its schema and import `env` from @/lib/env.",
        },
      ],
    },
  },
  {
    // CommonJS on purpose: scripts/bench/probe.cjs is preloaded with `node --require` into the
    // benchmark's own server processes, before any ESM loader exists.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The end-to-end reseed is asynchronous: a call left unawaited lets the next request race
    // the seed's transaction (a login then meets a person the seed is replacing). Without
    // type-aware rules (see above), this one call is named.
    files: ["tests/e2e/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExpressionStatement > CallExpression[callee.name='reseedDemoWorld']",
          message: "Await reseedDemoWorld(): an unawaited reseed races the next request.",
        },
      ],
    },
  },
);
