// ESLint flat config: typescript-eslint's type-aware recommended rules over the sources and tests,
// the plain recommended rules over the JavaScript scripts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "URL",
    "Buffer",
    "setTimeout",
    "clearTimeout",
    "performance",
    "TextDecoder",
    "TextEncoder",
    "fetch",
    "AbortSignal",
  ].map((name) => [name, "readonly"]),
);

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", "src/validators/", "test/fixtures/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ["./tsconfig.test.json"], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Control characters in regular expressions are how the hardening code finds them.
      "no-control-regex": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // bin/ is CommonJS (bin/package.json): the command starts without Node's ES module loader.
    files: ["bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...nodeGlobals, require: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tools' configuration files that must be CommonJS (dependency-cruiser's).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...nodeGlobals, module: "writable", require: "readonly" } },
  },
);
