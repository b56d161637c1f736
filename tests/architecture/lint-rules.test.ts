import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * The architecture of DESIGN §1 is enforced by lint. These cases feed code that breaks each arrow
 * to ESLint (as if it were a file at the given path) and expect the rule to fire, so a config
 * change that silently disables a rule fails here.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

function lint(filePath: string, code: string): string {
  const r = spawnSync(process.execPath, [ESLINT, "--stdin", "--stdin-filename", filePath, "--format", "json"], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  const results = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`)).join("\n");
}

describe("architecture lint rules (DESIGN §1)", () => {
  it("the engine imports only graph-schema", () => {
    const out = lint("server/src/analysis/bad.ts", 'import { GraphService } from "../services/graph-service";\nimport fs from "node:fs";\nexport const x = [GraphService, fs];\n');
    expect(out).toContain("import-x/no-restricted-paths");
    expect(out).toContain("no-restricted-imports");
  });

  it("graph-schema imports nothing of ours", () => {
    expect(lint("graph-schema/src/bad.ts", 'import { readConfig } from "../../server/src/main";\nexport const x = readConfig;\n')).toContain("import-x/no-restricted-paths");
  });

  it("only the Neo4j adapter imports neo4j-driver", () => {
    expect(lint("server/src/services/bad.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toContain("no-restricted-imports");
    expect(lint("server/src/store/neo4j/ok.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).not.toContain("no-restricted-imports");
  });

  it("GraphQL code never imports a store adapter or the composition root", () => {
    expect(lint("server/src/graphql/resolvers/bad.ts", 'import { readConfig } from "../../main";\nexport const x = readConfig;\n')).toContain("import-x/no-restricted-paths");
  });

  it("the client never imports the server", () => {
    expect(lint("client/src/bad.ts", 'import { readConfig } from "../../server/src/main";\nexport const x = readConfig;\n')).toContain("import-x/no-restricted-paths");
  });

  it("only main.ts reads the environment", () => {
    expect(lint("server/src/http/bad.ts", "export const port = process.env.PORT;\n")).toContain("no-restricted-properties");
    expect(lint("server/src/main.ts", "export const port = process.env.PORT;\n")).not.toContain("no-restricted-properties");
  });

  it("import cycles are errors", () => {
    // http/app.ts imports graphql/errors.ts; importing the app back from there closes a cycle.
    const out = lint("server/src/graphql/errors.ts", 'import { createHttpApp } from "../http/app";\nexport const x = createHttpApp;\n');
    expect(out).toContain("import-x/no-cycle");
  });
});
