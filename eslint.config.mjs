// Lint, including the architecture of DESIGN.md §1 as errors:
//   graph-schema imports nothing of ours; the engine (server/src/analysis) imports only graph-schema;
//   only the Neo4j adapter imports neo4j-driver; GraphQL resolvers never import a store adapter;
//   the client never imports the server; no import cycles; only main.ts reads the environment.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

const tsFiles = ["**/*.ts", "**/*.tsx"];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "data/**", "coverage/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: tsFiles,
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/extensions": [".ts", ".tsx", ".js"],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": ["error", { paths: [{ name: "neo4j-driver", message: "Only server/src/store/neo4j may import neo4j-driver (DESIGN §1)." }] }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./graph-schema", from: ["./server", "./client", "./scripts", "./tests"], message: "graph-schema imports nothing of ours." },
            { target: "./server/src/analysis", from: "./server/src", except: ["./analysis"], message: "The engine imports only graph-schema." },
            { target: "./server/src/graphql", from: ["./server/src/store", "./server/src/main.ts"], message: "Resolvers call services; they never see a store adapter." },
            { target: "./server/src/services", from: ["./server/src/store", "./server/src/graphql", "./server/src/http"], message: "Services get the store port by constructor, not an adapter." },
            { target: "./server/src/store/embedded", from: "./server/src/store/neo4j", message: "Adapters are independent." },
            { target: "./server/src/store/neo4j", from: "./server/src/store/embedded", message: "Adapters are independent." },
            { target: "./client", from: ["./server", "./scripts"], message: "The client talks GraphQL; it shares only graph-schema." },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/analysis/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!@chokepoint/graph-schema$|\\.{1,2}/)", message: "The engine is pure: it imports only graph-schema (DESIGN §1)." }] },
      ],
    },
  },
  {
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/main.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Only server/src/main.ts reads configuration." }],
    },
  },
  {
    files: ["server/src/store/neo4j/**/*.ts", "tests/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
