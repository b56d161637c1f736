import "reflect-metadata";
import { readFileSync } from "node:fs";
import path from "node:path";
import { schemaSDL } from "../../server/src/graphql/schema";

describe("committed schema.graphql", () => {
  it("matches the schema the server builds (run `npm run schema` after changing the API)", async () => {
    const committed = readFileSync(path.resolve(__dirname, "..", "..", "server", "schema.graphql"), "utf8");
    expect(committed).toBe(await schemaSDL());
  });
});
