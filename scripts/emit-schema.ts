import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { schemaSDL } from "../server/src/graphql/schema";

/** Writes the GraphQL schema to server/schema.graphql (committed, so API changes show in review;
 *  tests/api/schema-file.test.ts fails when it is stale). Run with `npm run schema`. */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, "..", "..", "..", "server", "schema.graphql");
  writeFileSync(target, await schemaSDL());
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
