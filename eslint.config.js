// Lint for the generator's own code: src, test, scripts, bench. Generated output, templates and
// test fixtures are data, not hand-written code: ignored. Type-aware rules read the types through
// tsconfig.eslint.json (~32 s of CPU for the whole tree, measured; ~12 s without types).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The Node globals the few plain JavaScript files use (there is no `globals` package in the tree). */
const NODE_GLOBALS = Object.fromEntries(
  ["process", "console", "require", "module", "URL", "Response", "fetch", "setTimeout", "globalThis"].map((name) => [
    name,
    "readonly",
  ]),
);

/** Rules about values typed `any`: in tests the rendered runtime is imported at run time, so it is `any` by design. */
const UNSAFE_ANY_RULES = [
  "no-unsafe-argument",
  "no-unsafe-assignment",
  "no-unsafe-call",
  "no-unsafe-member-access",
  "no-unsafe-return",
];

export default tseslint.config(
  {
    ignores: [
      ".tmp/",
      "coverage/",
      "dist/",
      "generated-samples/",
      "node_modules/",
      "templates/",
      "test/fixtures/",
      "test/vendors/fixtures/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: "./tsconfig.eslint.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_` marks a parameter a signature needs but the body does not.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Type-only imports vanish from the output and say so; they keep import cycles type-only too.
      // `typeof import("x")` stays allowed: it types a module loaded lazily through require() or import().
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // Sanitisers for terminals, comments and HTML match control characters on purpose.
      "no-control-regex": "off",
      // An async function without await is how a sync body meets a Promise-returning interface.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    rules: Object.fromEntries(UNSAFE_ANY_RULES.map((rule) => [`@typescript-eslint/${rule}`, "off"])),
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
