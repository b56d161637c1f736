/** One Jest run for every suite under tests/. swc compiles TypeScript with decorator metadata
 *  (type-graphql needs it); graph-schema is mapped to its sources so tests never see a stale build. */
const swc = {
  jsc: {
    parser: { syntax: "typescript", decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: "automatic" } },
    target: "es2022",
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", swc] },
  transformIgnorePatterns: ["/node_modules/(?!(cytoscape|cytoscape-fcose|cytoscape-dagre)/)"],
  moduleNameMapper: { "^@chokepoint/graph-schema$": "<rootDir>/graph-schema/src/index.ts" },
  testTimeout: 60000,
};
