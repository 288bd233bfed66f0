// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, no type information, so
// lint stays fast), no unused code, and no import cycles (eslint-plugin-import-x). Formatting is
// Prettier's job (`npm run format`), not ESLint's.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".test-dist/**",
      "dist/**",
      "node_modules/**",
      "output/**",
      "bench/**",
      "fixtures/**",
      "tests/data/**",
      "tests/docx/data/**",
      "tests/pdf/data/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.js"],
    plugins: { "import-x": importX },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/cache": { lifetime: Infinity },
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.check.json" })],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
    },
  },
  {
    // Tests and scripts poke at parsed JSON and at the JSON Schema: `any` is allowed there.
    files: ["tests/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
