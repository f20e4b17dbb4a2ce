// @ts-check
// ESLint for the TypeScript tools and tests (`npm run lint`, `npx nx run generate:lint`).
// eslint's and typescript-eslint's recommended rules, plus the type-aware rules that catch promise
// mistakes in async CLI code: an un-awaited promise, a promise where a callback's boolean or void
// is expected, `await` on a value that is not a promise. The rest of typescript-eslint's
// recommended-type-checked set is not enabled: its no-unsafe-* and no-base-to-string rules report
// the deliberate `unknown`/`any` handling of parsed YAML and JSON (`String(value ?? "")` on a
// schema-checked value), hundreds of findings whose fixes would be casts, not corrections.
import eslint from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "**/node_modules/",
      "dist/",
      "tools/dist/",
      "coverage/",
      ".nx/",
      // CI's helm-unittest source checkout (.github/workflows/ci.yml).
      ".ci-build/",
      // Written by json-schema-to-typescript from schemas/ (`nx run generate:schemas`); not edited by hand.
      "tools/src/generated/",
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A `let` read inside a closure before its one assignment (a server handler that refers to the
      // object the server is then wrapped in) cannot be a `const`; prefer-const's own option for it.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // localeCompare collates with the locale of the machine that runs it (LANG, LC_ALL): sorted
      // output would differ between machines (tools/src/text/compare-text.ts shows how).
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='localeCompare']",
          message: "localeCompare sorts by the machine's locale; use compareText from tools/src/text/compare-text.ts (code unit order, the same everywhere).",
        },
      ],
    },
  },
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // An unused binding named with a leading underscore is deliberate: a destructured key left
      // out of a rest object (`const { server: _server, ...rest } = cluster`) or a documented parameter.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Tests and their fixtures reach deep into parsed manifests and API payloads, where typing
    // every path buys nothing (see the `Loose` type in tools/src/gitops/manifests/application-test-fixtures.ts).
    files: ["test/**/*.ts", "**/*.test.ts", "**/*test-fixtures.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  { files: ["**/*.{js,mjs,cjs}"], languageOptions: { globals: globals.node } },
  {
    // CommonJS on purpose: nx loads an executor's implementation with require()
    // (node_modules/nx/dist/src/config/schema-utils.js:19-30), so tools/nx/exec.cjs uses require too.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
